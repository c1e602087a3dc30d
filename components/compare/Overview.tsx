import type { Technology } from '../../data/schema';
import { TECHNOLOGY_SHORT } from '../../utils/compare';
import { formatAlignment, type TechnologyComparison } from '../../utils/compare/alignment';
import { RegimeChip } from './RegimeChip';

/** Regimes for every technology at a glance, with the alignment figure; a technology's name opens its table. */
export function Overview({ comparisons, technologies, onOpen }: { comparisons: TechnologyComparison[]; technologies: Map<string, Technology>; onOpen: (id: string) => void }) {
  const columns = comparisons[0]?.columns ?? [];
  return (
    <section class="rl-cmp-overview" aria-labelledby="rl-overview-h">
      <h2 id="rl-overview-h">At a glance</h2>
      <div class="rl-cmp-scroll" tabIndex={0} role="region" aria-label="Regimes by technology">
        <table class="rl-cmp-compare-table rl-cmp-overview__table">
          <caption class="rl-visually-hidden">Derived regime for each technology and jurisdiction, and how aligned they are</caption>
          <thead>
            <tr>
              <th scope="col">Technology</th>
              {columns.map((c) => (
                <th key={c.jurisdiction.id} scope="col">
                  {c.jurisdiction.shortName ?? c.jurisdiction.name}
                </th>
              ))}
              <th scope="col">Alignment</th>
            </tr>
          </thead>
          <tbody>
            {comparisons.map((t) => (
              <tr key={t.technology} data-technology={t.technology}>
                <th scope="row">
                  <a
                    href={`#tech-${t.technology}`}
                    title={technologies.get(t.technology)?.name}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(t.technology);
                    }}
                  >
                    {TECHNOLOGY_SHORT[t.technology]}
                  </a>
                </th>
                {t.columns.map((c) => (
                  <td key={c.jurisdiction.id} data-jurisdiction={c.jurisdiction.id}>
                    <RegimeChip regime={c.regime.regime} />
                  </td>
                ))}
                <td data-alignment={t.alignment.score ?? ''}>{formatAlignment(t.alignment.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
