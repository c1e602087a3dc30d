import { useMemo, useState } from 'preact/hooks';
import type { Framework, Jurisdiction, Stage, StageId, Technology, TechnologyId } from '../../data/schema';
import { stageCounts } from '../../core/compare/charts';
import { BindingBadge } from '../common/BindingBadge';
import { ChartFigure } from './ChartFigure';
import { useRoving } from './hooks';
import { TechnologySelect } from './TechnologySelect';
import { t, plural } from '../../platform/i18n';

const W = 360;
const BOX = { x: 40, w: 300, h: 30, gap: 16, top: 6 };
const LOOP_X = 16;

/** The harmonization cycle (the article's flowchart) with how many frameworks stand at each stage; select a stage to list them. */
export function CycleChart({
  frameworks,
  stages,
  technologies,
  byId,
}: {
  frameworks: Framework[];
  stages: Stage[];
  technologies: Technology[];
  byId: Map<string, Jurisdiction>;
}) {
  const [tech, setTech] = useState<TechnologyId | ''>('');
  const [selected, setSelected] = useState<StageId | undefined>();
  const [hover, setHover] = useState<StageId | undefined>();
  const counts = useMemo(() => stageCounts(frameworks, stages, tech || undefined), [frameworks, stages, tech]);
  const roving = useRoving(counts.map((c) => c.stage.id));
  const max = Math.max(1, ...counts.map((c) => c.frameworks.length));
  const top = (i: number) => BOX.top + i * (BOX.h + BOX.gap);
  const H = top(counts.length) - BOX.gap + BOX.top;
  const shown = counts.find((c) => c.stage.id === (hover ?? roving.focused));
  const picked = counts.find((c) => c.stage.id === selected);
  const techName = technologies.find((t) => t.id === tech)?.name.toLowerCase() ?? t('allTechnologiesLower');
  const label = (n: number) => plural(n, 'frameworksCountOne', 'frameworksCountMany');
  const toggle = (id: StageId) => setSelected((s) => (s === id ? undefined : id));
  const jName = (id: string) => byId.get(id)?.shortName ?? byId.get(id)?.name ?? id;

  return (
    <ChartFigure
      id="rl-cycle"
      title={t('cycleChartTitle')}
      controls={<TechnologySelect id="rl-cycle-tech" technologies={technologies} value={tech} onChange={setTech} allowAll />}
      tip={shown ? t('stageTip', [shown.stage.name, label(shown.frameworks.length), shown.stage.summary]) : t('cycleTip')}
      aside={
        picked ? (
          <div class="rl-stage-list" data-testid="stage-list" data-stage={picked.stage.id}>
            <h4>{t('stageHeading', [picked.stage.name, label(picked.frameworks.length)])}</h4>
            {picked.frameworks.length ? (
              <ul class="rl-cmp-fw-list rl-cmp-stage-list__items" tabIndex={0} aria-label={t('frameworksAtStage', picked.stage.name)}>
                {picked.frameworks.map((f) => (
                  <li key={f.id} data-id={f.id}>
                    <strong title={f.name}>{f.shortName ?? f.name}</strong>
                    <span class="rl-cmp-fw-meta">
                      <BindingBadge binding={f.binding} />{' '}
                      <span class="rl-muted">
                        {f.scope.jurisdictions.slice(0, 3).map(jName).join(', ')}
                        {f.scope.jurisdictions.length > 3 ? '…' : ''}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="rl-muted">{t('noFrameworkAtStage')}</p>
            )}
          </div>
        ) : (
          <p class="rl-muted">{t('selectStage')}</p>
        )
      }
      table={
        <table class="rl-cmp-compare-table">
          <caption>{t('stagesCaption', techName)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stage')}</th>
              <th scope="col">{t('frameworks')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.stage.id}>
                <th scope="row">
                  {c.stage.order}. {c.stage.name}
                </th>
                <td>{c.frameworks.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg
        class="rl-cmp-chart rl-cycle"
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-labelledby="rl-cycle-title"
        aria-describedby="rl-cycle-desc"
        onKeyDown={roving.onKeyDown}
        onMouseLeave={() => setHover(undefined)}
      >
        <title id="rl-cycle-title">{t('cycleSvgTitle', techName)}</title>
        <desc id="rl-cycle-desc">
          {t('cycleSvgDesc', [
            counts.map((c) => `${c.stage.name}: ${c.frameworks.length}`).join(`, ${t('then')} `),
            counts[0]?.stage.name ?? '',
          ])}
        </desc>
        <defs>
          <marker id="rl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10z" class="rl-cmp-arrowhead" />
          </marker>
        </defs>
        <g aria-hidden="true">
          {counts.slice(1).map((c, i) => (
            <line
              key={c.stage.id}
              class="rl-cmp-flow"
              x1={BOX.x + BOX.w / 2}
              x2={BOX.x + BOX.w / 2}
              y1={top(i) + BOX.h}
              y2={top(i + 1) - 1}
              marker-end="url(#rl-arrow)"
            />
          ))}
          {/* Review leads back to issue identification: the cycle. */}
          <path
            class="rl-cmp-flow"
            fill="none"
            d={`M${BOX.x},${top(counts.length - 1) + BOX.h / 2}H${LOOP_X}V${top(0) + BOX.h / 2}H${BOX.x - 1}`}
            marker-end="url(#rl-arrow)"
          />
        </g>
        {counts.map((c, i) => {
          const n = c.frameworks.length;
          return (
            <g
              key={c.stage.id}
              {...roving.mark(c.stage.id)}
              role="button"
              aria-pressed={selected === c.stage.id}
              // The name starts with the visible text (stage, then count), as speech-input users will say it.
              aria-label={`${c.stage.order}. ${c.stage.name} ${label(n)}`}
              class={`rl-cmp-stage${selected === c.stage.id ? ' is-selected' : ''}`}
              data-stage={c.stage.id}
              data-count={n}
              onClick={() => toggle(c.stage.id)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                toggle(c.stage.id);
              }}
              onMouseEnter={() => setHover(c.stage.id)}
            >
              <rect x={BOX.x} y={top(i)} width={BOX.w} height={BOX.h} rx={6} class="rl-cmp-stage__box" />
              <rect x={BOX.x} y={top(i)} width={(BOX.w * n) / max} height={BOX.h} rx={6} class="rl-cmp-stage__bar" />
              {/* One text element, the count after a space, so the visible text reads as the button's name does. */}
              <text y={top(i) + BOX.h / 2 + 4}>
                <tspan x={BOX.x + 10} class="rl-cmp-stage__name">
                  {`${c.stage.order}. ${c.stage.name}`}
                </tspan>
                <tspan x={BOX.x + BOX.w - 10} text-anchor="end" class="rl-cmp-stage__count">
                  {` ${n}`}
                </tspan>
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
