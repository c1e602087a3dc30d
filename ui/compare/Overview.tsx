import type { Technology } from '../../data/schema';
import { TECHNOLOGY_SHORT } from '../../core/compare/comparison';
import { formatAlignment, type TechnologyComparison } from '../../core/compare/alignment';
import { RegimeChip } from './RegimeChip';
import { t } from '../../platform/i18n';

/** Regimes for every technology at a glance, with the alignment figure; a technology's name opens its table. */
export function Overview({
  comparisons,
  technologies,
  onOpen,
}: {
  comparisons: TechnologyComparison[];
  technologies: Map<string, Technology>;
  onOpen: (id: string) => void;
}) {
  const columns = comparisons[0]?.columns ?? [];
  return (
    <section class="rl-cmp-overview" aria-labelledby="rl-overview-h">
      <h2 id="rl-overview-h">{t('atAGlance')}</h2>
      <div class="rl-cmp-scroll" tabIndex={0} role="region" aria-label={t('regimesByTechnology')}>
        <table class="rl-cmp-compare-table rl-cmp-overview__table">
          <caption class="rl-visually-hidden">{t('overviewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('technology')}</th>
              {columns.map((c) => (
                <th key={c.jurisdiction.id} scope="col">
                  {c.jurisdiction.shortName ?? c.jurisdiction.name}
                </th>
              ))}
              <th scope="col">{t('alignment')}</th>
            </tr>
          </thead>
          <tbody>
            {comparisons.map((tc) => (
              <tr key={tc.technology} data-technology={tc.technology}>
                <th scope="row">
                  <a
                    href={`#tech-${tc.technology}`}
                    title={technologies.get(tc.technology)?.name}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(tc.technology);
                    }}
                  >
                    {TECHNOLOGY_SHORT[tc.technology]}
                  </a>
                </th>
                {tc.columns.map((c) => (
                  <td key={c.jurisdiction.id} data-jurisdiction={c.jurisdiction.id}>
                    <RegimeChip regime={c.regime.regime} />
                  </td>
                ))}
                <td data-alignment={tc.alignment.score ?? ''}>{formatAlignment(tc.alignment.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
