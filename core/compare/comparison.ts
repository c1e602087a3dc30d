/**
 * How each framework relates to a jurisdiction, for one technology: its own instruments (including those
 * of its country or of a bloc it belongs to), the international ones it has signed or adheres to through
 * an organization, and the foreign ones that reach it extraterritorially. The regime comes from
 * `core/regime.ts`, so the table and the map can never disagree.
 */
import type { Framework, Jurisdiction, TechnologyId } from '../../data/schema';
import { frameworkYear } from '../format';
import { organizationIds, ownScopeIds, regimeFor, type Regime, type RegimeResult } from '../regime';
import { t } from '../../platform/i18n';

export type Relation = 'own' | 'signed' | 'member' | 'extraterritorial';

export interface Related {
  framework: Framework;
  relation: Relation;
  /**
   * Through which jurisdiction it relates: the bloc or country for `own` (absent when the framework
   * names the jurisdiction itself), the organization for `member`, the issuing jurisdiction for
   * `extraterritorial`.
   */
  via?: string;
}

export interface Column {
  jurisdiction: Jurisdiction;
  /** Its own laws and policies, and those of its country or blocs. */
  own: Related[];
  /** International instruments: signed or joined directly (`signed`) or through a membership (`member`). */
  international: Related[];
  /** Foreign instruments with extraterritorial reach that can apply to actors in it. */
  reachedBy: Related[];
  regime: RegimeResult;
  /** The instrument that best stands for the regime (see `mainInstrument`). */
  main?: Framework;
}

/** An instrument no longer in effect is listed but never counts as reaching anyone. */
const GONE = new Set<Framework['status']>(['repealed', 'superseded', 'invalidated', 'withdrawn']);

export const REGIME_LABEL: Record<Regime, string> = {
  strict: t('regimeStrict'),
  moderate: t('regimeModerate'),
  emerging: t('regimeEmerging'),
  none: t('regimeNone'),
};

/** Short names for narrow tables (the side panel's overview); the full name stays in the title and headings. */
export const TECHNOLOGY_SHORT: Record<TechnologyId, string> = {
  ai: t('techShortAi'),
  'data-protection': t('techShortDataProtection'),
  blockchain: t('techShortBlockchain'),
  biotech: t('techShortBiotech'),
  quantum: t('techShortQuantum'),
  iot: t('techShortIot'),
};

const label = (f: Framework) => f.shortName ?? f.name;
const byName = (a: Related, b: Related) => label(a.framework).localeCompare(label(b.framework));

/** How one framework relates to `j`, or undefined when it does not. */
export function relationOf(j: Jurisdiction, f: Framework, byId: Map<string, Jurisdiction>): Related | undefined {
  const own = ownScopeIds(j, byId);
  const scope = f.scope.jurisdictions;
  const inOwn = scope.filter((s) => own.has(s));
  if (inOwn.length) {
    // A global instrument, or one issued elsewhere that names j among several parties, is an international
    // commitment (a declaration, a joint guideline), not j's own law.
    const namesJ = scope.includes(j.id);
    if (f.scope.level === 'global' || (namesJ && !own.has(f.issuer) && scope.length > 1)) return { framework: f, relation: 'signed' };
    return namesJ ? { framework: f, relation: 'own' } : { framework: f, relation: 'own', via: inOwn[0] };
  }
  const orgs = organizationIds(j, byId);
  const org = scope.find((s) => orgs.has(s));
  if (org) return { framework: f, relation: 'member', via: org };
  // Foreign means: none of its scope is j's own or lies within j (a US state's law is not foreign to the US).
  const domestic = scope.some((s) => {
    const sj = byId.get(s);
    return sj !== undefined && ownScopeIds(sj, byId).has(j.id);
  });
  if (f.scope.extraterritorial && !domestic && !GONE.has(f.status)) return { framework: f, relation: 'extraterritorial', via: f.issuer };
  return undefined;
}

/** Every framework related to `j` for one technology, sorted by name within each group. */
export function columnFor(j: Jurisdiction, tech: TechnologyId, frameworks: Framework[], byId: Map<string, Jurisdiction>): Column {
  const own: Related[] = [];
  const international: Related[] = [];
  const reachedBy: Related[] = [];
  for (const f of frameworks) {
    if (!f.technologies.includes(tech)) continue;
    const r = relationOf(j, f, byId);
    if (!r) continue;
    (r.relation === 'own' ? own : r.relation === 'extraterritorial' ? reachedBy : international).push(r);
  }
  const regime = regimeFor(j, tech, frameworks, byId);
  return {
    jurisdiction: j,
    own: own.sort(byName),
    international: international.sort(byName),
    reachedBy: reachedBy.sort(byName),
    regime,
    main: mainInstrument(j, regime),
  };
}

/**
 * The instrument shown as "main" for a regime: among those that decided it, one that names the
 * jurisdiction itself before one of its bloc or country, then the most recent.
 */
export function mainInstrument(j: Jurisdiction, regime: RegimeResult): Framework | undefined {
  const year = (f: Framework) => Number(frameworkYear(f) ?? 0);
  return [...regime.decisive].sort(
    (a, b) =>
      Number(!a.scope.jurisdictions.includes(j.id)) - Number(!b.scope.jurisdictions.includes(j.id)) ||
      year(b) - year(a) ||
      label(a).localeCompare(label(b)),
  )[0];
}

/** The jurisdictions a side-by-side comparison can hold: countries, their subdivisions and blocs. */
export function comparable(jurisdictions: Jurisdiction[]): Jurisdiction[] {
  return jurisdictions.filter((j) => j.kind !== 'organization');
}
