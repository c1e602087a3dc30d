import type { Jurisdiction } from '../data/schema';
import type { EntityView } from '../utils/messages';
import { SourceLinks } from './SourceLinks';

const KIND_LABEL: Record<Jurisdiction['kind'], string> = {
  country: 'Country',
  subnational: 'Sub-national jurisdiction',
  bloc: 'Regional bloc',
  organization: 'International organization',
};

export function JurisdictionCard({ j, view }: { j: Jurisdiction; view: EntityView }) {
  return (
    <article class="rl-card" data-kind="jurisdiction" data-id={j.id} aria-label={j.shortName ?? j.name}>
      <header>
        <h2 class="rl-card__title">{j.name}</h2>
        <p class="rl-card__meta">{KIND_LABEL[j.kind]}</p>
      </header>
      <p class="rl-summary">{j.summary}</p>
      {j.memberOf.length ? (
        <p>
          <span class="rl-muted">Member of: </span>
          {j.memberOf.map((m) => view.names[m] ?? m).join(', ')}
        </p>
      ) : null}
      <SourceLinks sources={j.sources} />
    </article>
  );
}
