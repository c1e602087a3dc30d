import type { ComponentChildren } from 'preact';
import type { Technology } from '../../data/schema';
import { BINDING_LABEL } from '../../core/format';
import type { EntityView } from '../../protocol/messages';
import { InstrumentList } from './InstrumentList';
import { RegimeChip, RegimeRules } from './RegimeList';
import { t } from '../../platform/i18n';

export interface TechnologyCardProps {
  t: Technology;
  /** Optional so that a bare record still renders (the derived sections need the background's view). */
  view?: EntityView;
  children?: ComponentChildren;
}

export function TechnologyCard({ t: tech, view, children }: TechnologyCardProps) {
  const strictest = view?.strictest;
  return (
    <article class="rl-card" data-kind="technology" data-id={tech.id} aria-label={tech.name}>
      <header>
        <h2 class="rl-card__title">{tech.name}</h2>
        <p class="rl-card__meta">{t('emergingTechnology')}</p>
      </header>
      {children}
      <p class="rl-summary">{tech.summary}</p>
      {tech.subAreas.length ? (
        <p>
          <span class="rl-muted">{t('includesLabel')} </span>
          {tech.subAreas.map((s) => s.name).join(', ')}
        </p>
      ) : null}
      {view?.byBinding?.length ? (
        <section class="rl-section" aria-label={t('instrumentsByBinding')}>
          <h3>{t('instrumentsByBinding')}</h3>
          {view.byBinding.map((g) => (
            <div key={g.binding} class="rl-group" data-binding={g.binding}>
              <h4 class="rl-group__title">
                {BINDING_LABEL[g.binding]} <span class="rl-count">({g.total})</span>
              </h4>
              <InstrumentList
                label={t('bindingInstrumentsOn', [BINDING_LABEL[g.binding], tech.name])}
                items={g.shown}
                more={g.total - g.shown.length}
              />
            </div>
          ))}
        </section>
      ) : null}
      {strictest?.jurisdictions.length ? (
        <section class="rl-section rl-strictest" aria-label={t('strictestRegimes')}>
          <h3>{t('strictestRegimes')}</h3>
          <p>
            <RegimeChip regime={strictest.regime} /> {strictest.jurisdictions.map((j) => j.name).join(', ')}
            {strictest.inherited ? <span class="rl-muted"> {t('inheritedMore', strictest.inherited)}</span> : null}
          </p>
          <RegimeRules />
        </section>
      ) : null}
    </article>
  );
}
