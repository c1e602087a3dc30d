import type { ComponentChildren } from 'preact';
import type { Jurisdiction } from '../../data/schema';
import type { EntityView } from '../../protocol/messages';
import { SourceLinks } from '../common/SourceLinks';
import { CompareButton } from './CompareButton';
import { InstrumentList } from './InstrumentList';
import { RegimeList } from './RegimeList';
import { t } from '../../platform/i18n';

export const JURISDICTION_KIND_LABEL: Record<Jurisdiction['kind'], string> = {
  country: t('kindCountry'),
  subnational: t('kindSubnational'),
  bloc: t('kindBloc'),
  organization: t('kindOrganization'),
};

export interface JurisdictionCardProps {
  j: Jurisdiction;
  view: EntityView;
  onCompare?: (jurisdictions: string[]) => void;
  children?: ComponentChildren;
}

export function JurisdictionCard({ j, view, onCompare, children }: JurisdictionCardProps) {
  const name = (id: string) => view.names[id] ?? id;
  const instruments = view.instruments;
  return (
    <article class="rl-card" data-kind="jurisdiction" data-id={j.id} aria-label={j.shortName ?? j.name}>
      <header>
        <h2 class="rl-card__title">{j.name}</h2>
        <p class="rl-card__meta">
          <span class="rl-jkind">{JURISDICTION_KIND_LABEL[j.kind]}</span>
          {j.parent ? <span class="rl-muted">{t('inParent', name(j.parent))}</span> : null}
        </p>
      </header>
      {children}
      <p class="rl-summary">{j.summary}</p>
      {j.memberOf.length ? (
        <p class="rl-members">
          <span class="rl-muted">{t('memberOfLabel')} </span>
          {j.memberOf.map(name).join(', ')}
        </p>
      ) : null}
      {view.regimes?.length && j.kind !== 'organization' ? <RegimeList rows={view.regimes} /> : null}
      {instruments?.shown.length ? (
        <section class="rl-section" aria-label={t('mainInstruments')}>
          <h3>{t('mainInstruments')}</h3>
          <InstrumentList
            label={t('mainInstrumentsOf', j.shortName ?? j.name)}
            items={instruments.shown}
            more={instruments.total - instruments.shown.length}
          />
        </section>
      ) : null}
      <SourceLinks sources={j.sources} />
      {onCompare && j.kind !== 'organization' ? <CompareButton jurisdictions={[j.id]} onCompare={onCompare} /> : null}
    </article>
  );
}
