/**
 * A jurisdiction's regulatory regime for a technology (the article's map: strict / moderate / emerging),
 * derived from the instruments in the dataset by one documented rule, never typed by hand.
 *
 * The instruments that count for jurisdiction J are those whose scope names J itself, a jurisdiction J
 * belongs to geographically (a sub-national one's country) or a bloc J is a member of (the EU for its
 * member states). Instruments of international organizations J belongs to (OECD, UN...) only make a
 * regime "emerging": adhering to soft law is not regulating.
 *
 * - strict: a binding statute, regulation or directive on the technology is in force or partially applicable;
 * - moderate: otherwise, an instrument on the technology has been adopted or is in force (guidelines,
 *   strategies, executive actions, or a law not yet applicable);
 * - emerging: otherwise, an instrument is proposed (a bill), or the jurisdiction adheres to international
 *   instruments on the technology through its memberships;
 * - none: nothing in the dataset.
 */
import type { Framework, Jurisdiction, TechnologyId } from '../data/schema';
import { t } from '../platform/i18n';

export type Regime = 'strict' | 'moderate' | 'emerging' | 'none';

export const REGIME_RULE: Record<Regime, string> = {
  strict: t('ruleStrict'),
  moderate: t('ruleModerate'),
  emerging: t('ruleEmerging'),
  none: t('ruleNone'),
};

export interface RegimeResult {
  regime: Regime;
  /** The rule that produced it, in words. */
  rule: string;
  /** The instruments that decided the regime (for strict: the binding laws; for emerging: the proposals or international ones). */
  decisive: Framework[];
}

const LAW = new Set<Framework['instrument']>(['statute', 'regulation', 'directive']);
const APPLIES = new Set<Framework['status']>(['in-force', 'partially-applicable']);
const ADOPTED = new Set<Framework['status']>(['adopted', 'in-force', 'partially-applicable']);

/** Ids whose instruments count as the jurisdiction's own: itself, its parents, the blocs it belongs to. */
export function ownScopeIds(j: Jurisdiction, byId: Map<string, Jurisdiction>): Set<string> {
  const ids = new Set<string>();
  for (let cur: Jurisdiction | undefined = j; cur && !ids.has(cur.id); cur = cur.parent ? byId.get(cur.parent) : undefined) {
    ids.add(cur.id);
    for (const m of cur.memberOf) if (byId.get(m)?.kind === 'bloc') ids.add(m);
  }
  return ids;
}

/** Ids of international organizations the jurisdiction (or its country) belongs to. */
export function organizationIds(j: Jurisdiction, byId: Map<string, Jurisdiction>): Set<string> {
  const ids = new Set<string>();
  for (const id of ownScopeIds(j, byId)) {
    for (const m of byId.get(id)?.memberOf ?? []) if (byId.get(m)?.kind === 'organization') ids.add(m);
  }
  return ids;
}

export function regimeFor(j: Jurisdiction, tech: TechnologyId, frameworks: Framework[], byId: Map<string, Jurisdiction>): RegimeResult {
  const own = ownScopeIds(j, byId);
  const orgs = organizationIds(j, byId);
  const onTech = frameworks.filter((f) => f.technologies.includes(tech));
  const mine = onTech.filter((f) => f.scope.jurisdictions.some((s) => own.has(s)));
  const result = (regime: Regime, decisive: Framework[]): RegimeResult => ({ regime, rule: REGIME_RULE[regime], decisive });

  const laws = mine.filter((f) => f.binding === 'binding' && LAW.has(f.instrument) && APPLIES.has(f.status));
  if (laws.length) return result('strict', laws);
  const adopted = mine.filter((f) => ADOPTED.has(f.status));
  if (adopted.length) return result('moderate', adopted);
  const proposed = mine.filter((f) => f.status === 'proposed');
  const international = onTech.filter((f) => ADOPTED.has(f.status) && f.scope.jurisdictions.some((s) => orgs.has(s)));
  if (proposed.length || international.length) return result('emerging', [...proposed, ...international]);
  return result('none', []);
}
