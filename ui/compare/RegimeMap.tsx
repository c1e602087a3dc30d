import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Framework, Jurisdiction, Technology, TechnologyId } from '../../data/schema';
import { mainInstrument, REGIME_LABEL } from '../../core/compare/comparison';
import { regimeMap, type MapEntry } from '../../core/compare/charts';
import { countryShapes, loadAtlas, type CountryShape } from '../../core/compare/map';
import { BINDING_LABEL, frameworkYear, INSTRUMENT_LABEL } from '../../core/format';
import { regimeFor, type Regime } from '../../core/regime';
import { ChartFigure } from './ChartFigure';
import { useRoving } from './hooks';
import { RegimeChip } from './RegimeChip';
import { TechnologySelect } from './TechnologySelect';
import { t } from '../../platform/i18n';

const W = 360;
const H = 180;
const REGIMES: Regime[] = ['strict', 'moderate', 'emerging', 'none'];
const MAX_ORG_ITEMS = 3;

const fwName = (f: Framework) => f.shortName ?? f.name;
const mainText = (f: Framework | undefined) =>
  f
    ? `${fwName(f)} (${INSTRUMENT_LABEL[f.instrument]}, ${BINDING_LABEL[f.binding].toLowerCase()}, ${frameworkYear(f) ?? t('noDate')})`
    : t('noInstrumentInDataset');
const describe = (e: MapEntry) => t('mapDescribe', [e.jurisdiction.name, REGIME_LABEL[e.regime.regime].toLowerCase(), mainText(e.main)]);

/** The article's map: each country's derived regime for one technology, with blocs and organizations beside it. */
export function RegimeMap({
  frameworks,
  jurisdictions,
  byId,
  technologies,
  chosen,
}: {
  frameworks: Framework[];
  jurisdictions: Jurisdiction[];
  byId: Map<string, Jurisdiction>;
  technologies: Technology[];
  chosen: string[];
}) {
  const [tech, setTech] = useState<TechnologyId>('ai');
  const [shapes, setShapes] = useState<CountryShape[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [hover, setHover] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    loadAtlas().then(
      (topology) => live && setShapes(countryShapes(topology, W, H)),
      (e: unknown) => {
        console.error('[regulatory-lens] loading the world atlas failed', e);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const entries = useMemo(() => regimeMap(jurisdictions, frameworks, byId, tech), [jurisdictions, frameworks, byId, tech]);
  const drawn = useMemo(() => new Set(shapes?.map((s) => s.id)), [shapes]);
  const covered = (shapes ?? [])
    .filter((s) => s.id && entries.has(s.id))
    .sort((a, b) => entries.get(a.id!)!.jurisdiction.name.localeCompare(entries.get(b.id!)!.jurisdiction.name));
  const uncovered = (shapes ?? []).filter((s) => !s.id || !entries.has(s.id));
  const notDrawn = shapes ? [...entries.values()].filter((e) => !drawn.has(e.jurisdiction.isoNumeric)) : [];
  const roving = useRoving(covered.map((s) => s.id!));
  const shown = entries.get(hover ?? roving.focused ?? '');
  const techName = technologies.find((t) => t.id === tech)?.name ?? tech;
  const tally = REGIMES.map((r) => [r, [...entries.values()].filter((e) => e.regime.regime === r).length] as const);

  const blocs = jurisdictions.filter((j) => j.kind === 'bloc').map((j) => ({ j, regime: regimeFor(j, tech, frameworks, byId) }));
  const orgs = jurisdictions
    .filter((j) => j.kind === 'organization')
    .map((j) => ({ j, list: frameworks.filter((f) => f.technologies.includes(tech) && f.scope.jurisdictions.includes(j.id)) }))
    .filter((o) => o.list.length);

  const sortedEntries = [...entries.values()].sort((a, b) => a.jurisdiction.name.localeCompare(b.jurisdiction.name));

  return (
    <ChartFigure
      id="rl-map"
      title={t('mapTitle')}
      controls={<TechnologySelect id="rl-map-tech" technologies={technologies} value={tech} onChange={(v) => v && setTech(v)} />}
      tip={shown ? t('mapTipWhy', [describe(shown), shown.regime.rule]) : failed ? t('mapFailedTip') : t('mapTip')}
      aside={
        <div class="rl-cmp-map__aside">
          <ul class="rl-cmp-map__legend" aria-label={t('legend')}>
            {tally.map(([r, n]) => (
              <li key={r}>
                <RegimeChip regime={r} /> <span class="rl-muted">{n}</span>
              </li>
            ))}
            <li>
              <span class="rl-cmp-regime">
                <span class="rl-cmp-swatch rl-cmp-swatch--unknown" aria-hidden="true" />
                {t('notInDataset')}
              </span>
            </li>
          </ul>
          {notDrawn.length ? (
            <p class="rl-muted" data-testid="not-drawn">
              {t(
                'tooSmallForMap',
                notDrawn
                  .map((e) => `${e.jurisdiction.shortName ?? e.jurisdiction.name} (${REGIME_LABEL[e.regime.regime].toLowerCase()})`)
                  .join(', '),
              )}
            </p>
          ) : null}
          <h4>{t('blocs')}</h4>
          <ul class="rl-cmp-map__blocs">
            {blocs.map(({ j, regime }) => (
              <li key={j.id} data-id={j.id} data-regime={regime.regime}>
                <strong>{j.shortName ?? j.name}</strong> <RegimeChip regime={regime.regime} />
                <span class="rl-muted"> {regime.decisive.length ? mainText(mainInstrument(j, regime)) : ''}</span>
              </li>
            ))}
          </ul>
          <h4>{t('internationalOrganizations')}</h4>
          {orgs.length ? (
            <ul class="rl-cmp-map__orgs">
              {orgs.map(({ j, list }) => (
                <li key={j.id} data-id={j.id}>
                  <strong>{j.shortName ?? j.name}</strong>: {list.slice(0, MAX_ORG_ITEMS).map(fwName).join(', ')}
                  {list.length > MAX_ORG_ITEMS ? ` ${t('andMore', list.length - MAX_ORG_ITEMS)}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p class="rl-muted">{t('noOrgInstruments')}</p>
          )}
        </div>
      }
      table={
        <table class="rl-cmp-compare-table">
          <caption>{t('mapCaption', techName.toLowerCase())}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jurisdiction')}</th>
              <th scope="col">{t('rowRegime')}</th>
              <th scope="col">{t('mainInstrument')}</th>
            </tr>
          </thead>
          <tbody>
            {sortedEntries.map((e) => (
              <tr key={e.jurisdiction.id} data-jurisdiction={e.jurisdiction.id}>
                <th scope="row">{e.jurisdiction.name}</th>
                <td>{REGIME_LABEL[e.regime.regime]}</td>
                <td>{e.main ? fwName(e.main) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {shapes ? (
        <svg
          class="rl-cmp-chart rl-map"
          viewBox={`0 0 ${W} ${H}`}
          role="group"
          aria-labelledby="rl-map-title"
          aria-describedby="rl-map-desc"
          onKeyDown={roving.onKeyDown}
          onMouseLeave={() => setHover(undefined)}
        >
          <title id="rl-map-title">{t('mapSvgTitle', techName.toLowerCase())}</title>
          <desc id="rl-map-desc">
            {t('mapSvgDesc', [tally.map(([r, n]) => `${n} ${REGIME_LABEL[r].toLowerCase()}`).join(', '), entries.size])}
          </desc>
          <g aria-hidden="true">
            {uncovered.map((s, i) => (
              <path key={s.id ?? `x${i}`} d={s.d} class="rl-cmp-map__c rl-cmp-fill--unknown" data-id={s.id} />
            ))}
          </g>
          <g>
            {covered.map((s) => {
              const e = entries.get(s.id!)!;
              return (
                <path
                  key={s.id}
                  {...roving.mark(s.id!)}
                  d={s.d}
                  role="img"
                  aria-label={describe(e)}
                  class={`rl-cmp-map__c rl-cmp-fill--${e.regime.regime}${chosen.includes(e.jurisdiction.id) ? ' is-chosen' : ''}`}
                  data-id={s.id}
                  data-jurisdiction={e.jurisdiction.id}
                  data-regime={e.regime.regime}
                  onMouseEnter={() => setHover(s.id)}
                />
              );
            })}
          </g>
        </svg>
      ) : (
        <p class="rl-muted">{failed ? t('mapUnavailable') : t('mapLoading')}</p>
      )}
    </ChartFigure>
  );
}
