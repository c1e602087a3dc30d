import type { Framework } from '../../data/schema';
import { formatAlignment, type TechnologyComparison } from '../../core/compare/alignment';
import { t } from '../../platform/i18n';

const names = (fs: Framework[]) =>
  fs.map((f) => (
    <li key={f.id} data-id={f.id} title={f.name}>
      {f.shortName ?? f.name}
    </li>
  ));

/** What all chosen jurisdictions share for a technology, what only one of them has, and the alignment figure. */
export function SharedSummary({ comparison: tc, rule }: { comparison: TechnologyComparison; rule: string }) {
  const { shared, onlyOne, union, score } = tc.alignment;
  return (
    <div class="rl-cmp-shared">
      <p class="rl-cmp-alignment">
        <strong>{t('alignmentScore', formatAlignment(score))}</strong>: {t('instrumentsShared', [shared.length, union])}{' '}
        <span class="rl-muted">{rule}</span>
      </p>
      <h4>{t('sharedByAll')}</h4>
      {shared.length ? (
        <ul class="rl-cmp-inline-list" data-testid="shared">
          {names(shared)}
        </ul>
      ) : (
        <p class="rl-muted" data-testid="shared">
          {t('nothingInCommon')}
        </p>
      )}
      <h4>{t('onlyOneHas')}</h4>
      <dl class="rl-cmp-only">
        {tc.columns.map((c) => {
          const list = onlyOne.get(c.jurisdiction.id) ?? [];
          return (
            <div key={c.jurisdiction.id} data-only={c.jurisdiction.id}>
              <dt>{c.jurisdiction.shortName ?? c.jurisdiction.name}</dt>
              <dd>
                {list.length ? <ul class="rl-cmp-inline-list">{names(list)}</ul> : <span class="rl-muted">{t('nothingOfItsOwn')}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
