import { useMemo, useState } from 'preact/hooks';
import type { Coalition, Technology, TechnologyId } from '../../data/schema';
import { axis, coalitionsPerYear, FIRST_YEAR, yearRange } from '../../core/compare/charts';
import { ChartFigure } from './ChartFigure';
import { useRoving } from './hooks';
import { TechnologySelect } from './TechnologySelect';
import { t, plural } from '../../platform/i18n';
import { GridLines } from './GridLines';

const W = 360;
const H = 180;
const M = { left: 26, right: 6, top: 10, bottom: 24 };
const MAX_NAMES = 4;

/** International coalitions and initiatives founded per year (the article's fourth graph). */
export function CoalitionChart({ coalitions, technologies, now }: { coalitions: Coalition[]; technologies: Technology[]; now: number }) {
  const [tech, setTech] = useState<TechnologyId | ''>('');
  const [hover, setHover] = useState<string | undefined>();
  const years = useMemo(() => yearRange(FIRST_YEAR, now), [now]);
  const { points, earlier } = useMemo(() => coalitionsPerYear(coalitions, years, tech || undefined), [coalitions, years, tech]);
  const names = useMemo(() => new Map(coalitions.map((c) => [c.id, c.shortName ?? c.name])), [coalitions]);
  const { max, ticks } = axis(Math.max(0, ...points.map((p) => p.count)));
  const roving = useRoving(points.map((p) => String(p.year)));
  const band = (W - M.left - M.right) / years.length;
  const y = (n: number) => M.top + (1 - n / max) * (H - M.top - M.bottom);
  const shown = points.find((p) => String(p.year) === (hover ?? roving.focused));
  const techName = technologies.find((t) => t.id === tech)?.name.toLowerCase() ?? t('allTechnologiesLower');
  const describe = (year: number, n: number) => plural(n, 'coalitionsFoundedOne', 'coalitionsFoundedMany', year);
  const total = points.reduce((n, p) => n + p.count, 0);

  return (
    <ChartFigure
      id="rl-coalitions"
      title={t('coalitionsChartTitle')}
      controls={<TechnologySelect id="rl-coalitions-tech" technologies={technologies} value={tech} onChange={setTech} allowAll />}
      tip={
        shown
          ? `${describe(shown.year, shown.count)}${
              shown.ids.length
                ? `: ${shown.ids
                    .slice(0, MAX_NAMES)
                    .map((id) => names.get(id))
                    .join(', ')}${shown.ids.length > MAX_NAMES ? ` ${t('andMore', shown.ids.length - MAX_NAMES)}` : ''}`
                : ''
            }.`
          : t('coalitionsTip')
      }
      aside={
        earlier.length ? (
          <p class="rl-muted" data-testid="coalitions-earlier">
            {t('foundedBefore', [years[0] ?? now, earlier.map((c) => `${c.shortName ?? c.name} (${c.founded})`).join(', ')])}
          </p>
        ) : null
      }
      table={
        <table class="rl-cmp-compare-table">
          <caption>{t('coalitionsCaption', techName)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('coalitions')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year}>
                <th scope="row">{p.year}</th>
                <td>{p.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg
        class="rl-cmp-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-labelledby="rl-coalitions-title"
        aria-describedby="rl-coalitions-desc"
        onKeyDown={roving.onKeyDown}
        onMouseLeave={() => setHover(undefined)}
      >
        <title id="rl-coalitions-title">{t('coalitionsSvgTitle', [years[0] ?? now, now, techName])}</title>
        <desc id="rl-coalitions-desc">{t('coalitionsSvgDesc', [total, years[0] ?? now, now])}</desc>
        <g aria-hidden="true" class="rl-cmp-axis">
          <GridLines ticks={ticks} y={y} left={M.left} right={W - M.right} />
          {points.map((p, i) =>
            i % 2 === 0 || p.year === now ? (
              <text key={p.year} x={M.left + band * (i + 0.5)} y={H - 8} text-anchor="middle">
                {p.year}
              </text>
            ) : null,
          )}
        </g>
        {points.map((p, i) => {
          // A year with none still gets a sliver, so that every year can be focused and read.
          const h = Math.max(1, y(0) - y(p.count));
          return (
            <rect
              key={p.year}
              {...roving.mark(String(p.year))}
              class="rl-cmp-bar"
              x={M.left + band * i + band * 0.15}
              width={band * 0.7}
              y={y(0) - h}
              height={h}
              role="img"
              aria-label={describe(p.year, p.count)}
              data-year={p.year}
              data-count={p.count}
              onMouseEnter={() => setHover(String(p.year))}
            />
          );
        })}
      </svg>
    </ChartFigure>
  );
}
