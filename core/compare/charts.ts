/**
 * The data behind the side panel's four pictures, computed from the dataset so that the marks drawn and
 * the data tables beside them always agree: frameworks adopted per year, regimes by country for the map,
 * frameworks per stage of the harmonization cycle, and coalitions founded per year.
 */
import type { Coalition, Framework, Jurisdiction, Stage, StageId, TechnologyId } from '../../data/schema';
import { mainInstrument, relationOf } from './comparison';
import { regimeFor, type RegimeResult } from '../regime';
import { t } from '../../platform/i18n';

/** The article's graphs start in 2015. */
export const FIRST_YEAR = 2015;

export function yearRange(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * The year a framework was adopted; a framework without an adoption date counts from its entry into force.
 * Proposals never adopted (bills, withdrawn drafts) have no such year.
 */
export function adoptionYear(f: Framework): number | undefined {
  const d = f.dates.adopted ?? f.dates.inForce;
  return d ? Number(d.slice(0, 4)) : undefined;
}

export interface YearPoint {
  year: number;
  count: number;
  /** The records counted, so a mark can say what it stands for. */
  ids: string[];
}

export interface Series {
  /** 'all' or a jurisdiction id. */
  id: string;
  label: string;
  points: YearPoint[];
}

function perYear<T>(items: T[], years: number[], yearOf: (t: T) => number | undefined, idOf: (t: T) => string): YearPoint[] {
  const points = new Map(years.map((y) => [y, { year: y, count: 0, ids: [] as string[] }]));
  for (const t of items) {
    const y = yearOf(t);
    const p = y === undefined ? undefined : points.get(y);
    if (!p) continue;
    p.count++;
    p.ids.push(idOf(t));
  }
  return [...points.values()];
}

export function adoptedPerYear(frameworks: Framework[], years: number[]): YearPoint[] {
  return perYear(frameworks, years, adoptionYear, (f) => f.id);
}

/**
 * One line for the whole dataset and one per chosen jurisdiction, counting the frameworks it is committed
 * to (own, signed or through a membership: the same relations as the comparison table), optionally for one
 * technology.
 */
export function adoptionSeries(opts: {
  frameworks: Framework[];
  chosen: Jurisdiction[];
  byId: Map<string, Jurisdiction>;
  technology?: TechnologyId;
  years: number[];
}): Series[] {
  const onTech = opts.technology ? opts.frameworks.filter((f) => f.technologies.includes(opts.technology!)) : opts.frameworks;
  return [
    { id: 'all', label: t('allJurisdictions'), points: adoptedPerYear(onTech, opts.years) },
    ...opts.chosen.map((j) => ({
      id: j.id,
      label: j.shortName ?? j.name,
      points: adoptedPerYear(
        onTech.filter((f) => {
          const r = relationOf(j, f, opts.byId);
          return r !== undefined && r.relation !== 'extraterritorial';
        }),
        opts.years,
      ),
    })),
  ];
}

export interface CoalitionYears {
  points: YearPoint[];
  /** Coalitions founded before the first year shown, named beside the chart rather than dropped silently. */
  earlier: Coalition[];
}

export function coalitionsPerYear(coalitions: Coalition[], years: number[], technology?: TechnologyId): CoalitionYears {
  const list = technology ? coalitions.filter((c) => c.technologies.includes(technology)) : coalitions;
  return {
    points: perYear(
      list,
      years,
      (c) => c.founded,
      (c) => c.id,
    ),
    earlier: list.filter((c) => c.founded < (years[0] ?? 0)).sort((a, b) => a.founded - b.founded),
  };
}

export interface StageCount {
  stage: Stage;
  frameworks: Framework[];
}

/** Frameworks at each stage of the harmonization cycle, in the cycle's order. */
export function stageCounts(frameworks: Framework[], stages: Stage[], technology?: TechnologyId): StageCount[] {
  const byStage = new Map<StageId, Framework[]>(stages.map((s) => [s.id, []]));
  for (const f of frameworks) if (!technology || f.technologies.includes(technology)) byStage.get(f.stage)?.push(f);
  return [...stages].sort((a, b) => a.order - b.order).map((s) => ({ stage: s, frameworks: byStage.get(s.id) ?? [] }));
}

export interface MapEntry {
  jurisdiction: Jurisdiction;
  regime: RegimeResult;
  main?: Framework;
}

/**
 * Regimes for everything that can be drawn on the world map (jurisdictions with an ISO numeric code), keyed
 * by that code. EU member states get the EU's regime (or stricter) because `regimeFor` counts bloc law as
 * their own.
 */
export function regimeMap(
  jurisdictions: Jurisdiction[],
  frameworks: Framework[],
  byId: Map<string, Jurisdiction>,
  technology: TechnologyId,
): Map<string, MapEntry> {
  const out = new Map<string, MapEntry>();
  for (const j of jurisdictions) {
    if (!j.isoNumeric) continue;
    const regime = regimeFor(j, technology, frameworks, byId);
    out.set(j.isoNumeric, { jurisdiction: j, regime, main: mainInstrument(j, regime) });
  }
  return out;
}

/** An axis maximum that is a round number at or above `n` (at least 1), and the ticks up to it. */
export function axis(n: number, maxTicks = 5): { max: number; ticks: number[] } {
  const raw = Math.max(1, n) / maxTicks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const niceStep = Math.max(1, step);
  const max = Math.ceil(Math.max(1, n) / niceStep) * niceStep;
  return { max, ticks: yearRange(0, max / niceStep).map((i) => i * niceStep) };
}
