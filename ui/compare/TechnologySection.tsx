import type { ComponentChild } from 'preact';
import type { Jurisdiction } from '../../data/schema';
import type { Column } from '../../core/compare/comparison';
import { ALIGNMENT_RULE, formatAlignment, type TechnologyComparison } from '../../core/compare/alignment';
import { FrameworkList } from './FrameworkList';
import { RegimeChip } from './RegimeChip';
import { SharedSummary } from './SharedSummary';
import { t } from '../../platform/i18n';

const MAX_DECISIVE = 3;

function RegimeCell({ column }: { column: Column }) {
  const { regime, decisive } = column.regime;
  const names = decisive.map((f) => f.shortName ?? f.name);
  return (
    <>
      <RegimeChip regime={regime} />
      <p class="rl-muted rl-cmp-rule">{t('becauseRule', column.regime.rule)}</p>
      {names.length ? (
        <p class="rl-cmp-rule">
          {t(
            'decidedBy',
            names.slice(0, MAX_DECISIVE).join(', ') + (names.length > MAX_DECISIVE ? ` ${t('andMore', names.length - MAX_DECISIVE)}` : ''),
          )}
        </p>
      ) : null}
    </>
  );
}

const ROWS: Array<{ id: string; head: string; cell: (c: Column, byId: Map<string, Jurisdiction>) => ComponentChild }> = [
  { id: 'regime', head: t('rowRegime'), cell: (c) => <RegimeCell column={c} /> },
  { id: 'own', head: t('rowInstruments'), cell: (c, byId) => <FrameworkList items={c.own} byId={byId} empty={t('noneInDataset')} /> },
  {
    id: 'international',
    head: t('rowInternational'),
    cell: (c, byId) => <FrameworkList items={c.international} byId={byId} empty={t('noneInDataset')} />,
  },
  {
    id: 'reached-by',
    head: t('rowReachedBy'),
    cell: (c, byId) => <FrameworkList items={c.reachedBy} byId={byId} empty={t('noneInDataset')} />,
  },
];

/** One technology area: a table with a column per jurisdiction, then what they share and what sets them apart. */
export function TechnologySection({
  comparison,
  name,
  byId,
  open,
  onToggle,
}: {
  comparison: TechnologyComparison;
  /** The technology's display name. */
  name: string;
  byId: Map<string, Jurisdiction>;
  open: boolean;
  onToggle: () => void;
}) {
  const tc = comparison;
  const id = `tech-${tc.technology}`;
  return (
    <section class="rl-cmp-tech" id={id} data-technology={tc.technology} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} class="rl-cmp-tech__head">
        <button type="button" aria-expanded={open} aria-controls={`${id}-body`} onClick={onToggle}>
          <svg class="rl-cmp-chevron" viewBox="0 0 10 10" aria-hidden="true">
            <path d="M3 1.5L7 5L3 8.5" />
          </svg>
          <span class="rl-cmp-tech__name">{name}</span>
          <span class="rl-muted rl-cmp-tech__score" data-alignment={tc.alignment.score ?? ''}>
            {t('alignmentLower', formatAlignment(tc.alignment.score))}
          </span>
        </button>
      </h3>
      <div id={`${id}-body`} hidden={!open}>
        <div class="rl-cmp-scroll" tabIndex={0} role="region" aria-label={t('comparisonTableLabel', name)}>
          <table class="rl-cmp-compare-table">
            <caption class="rl-visually-hidden">{t('comparisonTableCaption', name)}</caption>
            <thead>
              <tr>
                {tc.columns.map((c) => (
                  <th key={c.jurisdiction.id} scope="col">
                    {c.jurisdiction.shortName ?? c.jurisdiction.name}
                  </th>
                ))}
              </tr>
            </thead>
            {ROWS.map((row) => (
              <tbody key={row.id} data-row={row.id}>
                <tr>
                  <th scope="rowgroup" colSpan={tc.columns.length} class="rl-cmp-rowhead">
                    {row.head}
                  </th>
                </tr>
                <tr>
                  {tc.columns.map((c) => (
                    <td key={c.jurisdiction.id} data-jurisdiction={c.jurisdiction.id}>
                      {row.cell(c, byId)}
                    </td>
                  ))}
                </tr>
              </tbody>
            ))}
          </table>
        </div>
        <SharedSummary comparison={tc} rule={ALIGNMENT_RULE} />
      </div>
    </section>
  );
}
