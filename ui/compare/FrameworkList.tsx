import type { Jurisdiction } from '../../data/schema';
import type { Related } from '../../core/compare/comparison';
import { frameworkYear, STATUS_LABEL } from '../../core/format';
import { BindingBadge } from '../common/BindingBadge';
import { t } from '../../platform/i18n';

/** Instruments in a comparison cell: name, binding badge, status and year, and how they relate. */
export function FrameworkList({ items, byId, empty }: { items: Related[]; byId: Map<string, Jurisdiction>; empty: string }) {
  if (!items.length) return <p class="rl-muted rl-cmp-empty">{empty}</p>;
  const name = (id: string) => byId.get(id)?.shortName ?? byId.get(id)?.name ?? id;
  return (
    <ul class="rl-cmp-fw-list">
      {items.map(({ framework: f, relation, via }) => (
        <li key={f.id} data-id={f.id} data-relation={relation}>
          <strong title={f.name}>{f.shortName ?? f.name}</strong>
          <span class="rl-cmp-fw-meta">
            <BindingBadge binding={f.binding} />{' '}
            <span class="rl-muted">
              {STATUS_LABEL[f.status]} · {frameworkYear(f) ?? t('noDate')}
            </span>
          </span>
          {relation === 'signed' ? <span class="rl-muted rl-cmp-via">{t('signedOrJoined')}</span> : null}
          {via && relation === 'extraterritorial' ? <span class="rl-muted rl-cmp-via">{t('fromJurisdiction', name(via))}</span> : null}
          {via && relation !== 'extraterritorial' ? <span class="rl-muted rl-cmp-via">{t('throughJurisdiction', name(via))}</span> : null}
        </li>
      ))}
    </ul>
  );
}
