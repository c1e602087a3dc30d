import { useMemo, useState } from 'preact/hooks';
import type { Framework, Jurisdiction, Technology, TechnologyId } from '../../data/schema';
import { adoptionSeries, axis, FIRST_YEAR, yearRange, type Series, type YearPoint } from '../../core/compare/charts';
import { ChartFigure } from './ChartFigure';
import { useRoving } from './hooks';
import { TechnologySelect } from './TechnologySelect';
import { t, plural } from '../../platform/i18n';
import { GridLines } from './GridLines';

const W = 360;
const H = 200;
const M = { left: 30, right: 10, top: 10, bottom: 24 };
const MAX_NAMES = 4;

/** Frameworks adopted per year since 2015 (the article's first graph): all, and those binding each chosen jurisdiction. */
export function YearChart({
  frameworks,
  chosen,
  byId,
  technologies,
  now,
}: {
  frameworks: Framework[];
  chosen: Jurisdiction[];
  byId: Map<string, Jurisdiction>;
  technologies: Technology[];
  now: number;
}) {
  const [tech, setTech] = useState<TechnologyId | ''>('');
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [hover, setHover] = useState<string | undefined>();
  const years = useMemo(() => yearRange(FIRST_YEAR, now), [now]);
  const series = useMemo(
    () => adoptionSeries({ frameworks, chosen, byId, technology: tech || undefined, years }),
    [frameworks, chosen, byId, tech, years],
  );
  const visible = series.filter((s) => !hidden.has(s.id));
  const names = useMemo(() => new Map(frameworks.map((f) => [f.id, f.shortName ?? f.name])), [frameworks]);
  const { max, ticks } = axis(Math.max(0, ...visible.flatMap((s) => s.points.map((p) => p.count))));
  const keys = visible.flatMap((s) => s.points.map((p) => `${s.id}:${p.year}`));
  const roving = useRoving(keys);

  const x = (year: number) => M.left + ((year - years[0]!) / Math.max(1, years.length - 1)) * (W - M.left - M.right);
  const y = (n: number) => M.top + (1 - n / max) * (H - M.top - M.bottom);
  const colour = (s: Series) => series.indexOf(s);
  const describe = (s: Series, p: YearPoint) => plural(p.count, 'frameworksAdoptedOne', 'frameworksAdoptedMany', s.label, p.year);
  const shown = hover ?? roving.focused;
  const [sid, syear] = shown?.split(':') ?? [];
  const tipSeries = visible.find((s) => s.id === sid);
  const tipPoint = tipSeries?.points.find((p) => String(p.year) === syear);
  const techName = technologies.find((t) => t.id === tech)?.name.toLowerCase() ?? t('allTechnologiesLower');

  return (
    <ChartFigure
      id="rl-years"
      title={t('yearsChartTitle')}
      controls={
        <>
          <TechnologySelect id="rl-years-tech" technologies={technologies} value={tech} onChange={setTech} allowAll />
          <fieldset class="rl-cmp-legend">
            <legend class="rl-visually-hidden">{t('linesShown')}</legend>
            {series.map((s) => (
              <label key={s.id} class="rl-cmp-legend__item">
                <input
                  type="checkbox"
                  checked={!hidden.has(s.id)}
                  data-series={s.id}
                  onChange={() =>
                    setHidden((h) => {
                      const next = new Set(h);
                      if (!next.delete(s.id)) next.add(s.id);
                      return next;
                    })
                  }
                />
                <svg width="22" height="10" aria-hidden="true">
                  <line x1="1" y1="5" x2="21" y2="5" class={`rl-cmp-series rl-cmp-series--${colour(s)}`} />
                </svg>
                {s.label}
              </label>
            ))}
          </fieldset>
        </>
      }
      tip={
        tipSeries && tipPoint
          ? `${describe(tipSeries, tipPoint)}${
              tipPoint.ids.length
                ? `: ${tipPoint.ids
                    .slice(0, MAX_NAMES)
                    .map((id) => names.get(id))
                    .join(', ')}${tipPoint.ids.length > MAX_NAMES ? ` ${t('andMore', tipPoint.ids.length - MAX_NAMES)}` : ''}`
                : ''
            }.`
          : t('yearsTip')
      }
      table={
        <table class="rl-cmp-compare-table">
          <caption>{t('yearsCaption', techName)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              {visible.map((s) => (
                <th key={s.id} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((year, i) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                {visible.map((s) => (
                  <td key={s.id}>{s.points[i]!.count}</td>
                ))}
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
        aria-labelledby="rl-years-title"
        aria-describedby="rl-years-desc"
        onKeyDown={roving.onKeyDown}
        onMouseLeave={() => setHover(undefined)}
      >
        <title id="rl-years-title">{t('yearsSvgTitle', [years[0] ?? now, now, techName])}</title>
        <desc id="rl-years-desc">
          {t('yearsSvgDesc', visible.map((s) => t('seriesTotal', [s.label, s.points.reduce((n, p) => n + p.count, 0)])).join('; '))}
        </desc>
        <g aria-hidden="true" class="rl-cmp-axis">
          <GridLines ticks={ticks} y={y} left={M.left} right={W - M.right} />
          {years.map((year) =>
            (year - years[0]!) % 2 === 0 || year === now ? (
              <text key={year} x={x(year)} y={H - 8} text-anchor="middle">
                {year}
              </text>
            ) : null,
          )}
        </g>
        {visible.map((s) => (
          <g key={s.id} data-series={s.id}>
            <path
              aria-hidden="true"
              class={`rl-cmp-series rl-cmp-series--${colour(s)}`}
              d={s.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.year).toFixed(1)},${y(p.count).toFixed(1)}`).join('')}
            />
            {s.points.map((p) => {
              const key = `${s.id}:${p.year}`;
              return (
                <circle
                  key={key}
                  {...roving.mark(key)}
                  class={`rl-cmp-point rl-cmp-series--${colour(s)}`}
                  cx={x(p.year)}
                  cy={y(p.count)}
                  r={3.5}
                  role="img"
                  aria-label={describe(s, p)}
                  data-year={p.year}
                  data-count={p.count}
                  onMouseEnter={() => setHover(key)}
                />
              );
            })}
          </g>
        ))}
      </svg>
    </ChartFigure>
  );
}
