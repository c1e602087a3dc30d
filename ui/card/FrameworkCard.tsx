import type { ComponentChildren } from 'preact';
import type { Framework } from '../../data/schema';
import type { EntityView } from '../../protocol/messages';
import { DATE_LABEL, formatDate, INSTRUMENT_LABEL, STATUS_LABEL } from '../../core/format';
import { BindingBadge } from '../common/BindingBadge';
import { SourceLinks } from '../common/SourceLinks';
import { StageIndicator } from '../common/StageIndicator';
import { CompareButton } from './CompareButton';
import { TimelineNotes } from './TimelineNotes';
import { TimelineStrip } from './TimelineStrip';
import { currentStatus } from '../../core/timeline/standing';
import { dayOf } from '../../core/timeline/partial-date';
import { t } from '../../platform/i18n';

export interface FrameworkCardProps {
  f: Framework;
  view: EntityView;
  /** Shown when given: "Compare in side panel" on the framework's jurisdictions. */
  onCompare?: (jurisdictions: string[]) => void;
  /** Shown under the header (the candidates of an ambiguous mention). */
  children?: ComponentChildren;
  /** The date of the page the card is shown on, when it publishes one: the card then says what applied then. */
  pageDate?: string;
}

export function FrameworkCard({ f, view, onCompare, children, pageDate }: FrameworkCardProps) {
  const today = dayOf(new Date());
  const name = (id: string) => view.names[id] ?? id;
  const dates = (Object.keys(DATE_LABEL) as Array<keyof Framework['dates']>).filter((k) => f.dates[k]);
  return (
    <article class="rl-card" data-kind="framework" data-id={f.id} aria-label={f.shortName ?? f.name}>
      <header>
        <h2 class="rl-card__title">{f.shortName ?? f.name}</h2>
        {f.shortName ? <p class="rl-card__subtitle">{f.name}</p> : null}
        <p class="rl-card__meta">
          <span class="rl-instrument">{INSTRUMENT_LABEL[f.instrument]}</span>
          <BindingBadge binding={f.binding} />
          <span class="rl-status">{STATUS_LABEL[currentStatus(f, today)]}</span>
        </p>
      </header>
      {children}
      <TimelineNotes f={f} view={view} pageDate={pageDate} today={today} />
      {f.bindingNote ? <p class="rl-note">{f.bindingNote}</p> : null}
      <p class="rl-summary">{f.summary}</p>
      <dl class="rl-facts">
        <dt>{t('scope')}</dt>
        <dd class="rl-scope">
          {f.scope.jurisdictions.map(name).join(', ')}
          {f.scope.extraterritorial ? <strong class="rl-extra"> · {t('extraterritorialReach')}</strong> : null}
          {f.scope.note ? <span class="rl-muted rl-block">{f.scope.note}</span> : null}
        </dd>
        <dt>{t('issuer')}</dt>
        <dd>{name(f.issuer)}</dd>
        {dates.length ? (
          <>
            <dt>{t('dates')}</dt>
            <dd class="rl-dates">
              {dates.map((k) => (
                <span key={k} class="rl-date">
                  {DATE_LABEL[k]} {formatDate(f.dates[k]!)}
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <TimelineStrip f={f} view={view} today={today} />
      <section aria-label={t('harmonizationChallenges')}>
        <h3>{t('challenges')}</h3>
        <ul class="rl-challenges">
          {f.challenges.map((c) => (
            <li key={c.id}>
              <strong>{view.challenges.find((x) => x.id === c.id)?.shortName ?? c.id}</strong>: {c.why}
            </li>
          ))}
        </ul>
      </section>
      <StageIndicator stages={view.stages} current={f.stage} />
      {f.related.length ? (
        <p class="rl-related">
          <span class="rl-muted">{t('relatedLabel')} </span>
          {f.related.map(name).join(', ')}
        </p>
      ) : null}
      <SourceLinks sources={f.sources} />
      {onCompare ? <CompareButton jurisdictions={f.scope.jurisdictions} onCompare={onCompare} /> : null}
      <p class="rl-muted rl-reviewed">{t('lastReviewed', formatDate(f.lastReviewed))}</p>
    </article>
  );
}
