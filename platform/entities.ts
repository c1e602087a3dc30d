/**
 * Reads an entity and what its card needs from the database: the names of linked records, and for
 * jurisdictions and technologies the derived views (regimes, main instruments, instruments by binding
 * nature, strictest jurisdictions). Derived here, in the background, so pages receive a card's worth of
 * data and never the tables.
 */
import { BINDINGS, type Framework, type Jurisdiction, type Technology, type TechnologyId } from '../data/schema';
import type { LensDb } from './db';
import type { EntityKind } from '../core/detect/lexicon';
import { frameworkYear } from '../core/format';
import type { BindingGroup, EntityRecord, EntityView, InstrumentRef, RegimeRow, StrictestJurisdictions } from '../protocol/messages';
import { regimeFor, type Regime } from '../core/regime';
import { citationInfo } from '../core/detect/citations/info';

export async function loadEntityView(db: LensDb, kind: EntityKind, id: string): Promise<EntityView> {
  const entity = await loadEntity(db, kind, id);
  const ids = new Set<string>();
  if (entity.kind === 'framework') {
    const f = entity.record;
    [...f.scope.jurisdictions, f.issuer, ...f.related].forEach((x) => ids.add(x));
  } else if (entity.kind === 'citation') {
    if (entity.record.jurisdiction) ids.add(entity.record.jurisdiction);
  } else if (entity.kind === 'jurisdiction') {
    entity.record.memberOf.forEach((x) => ids.add(x));
    if (entity.record.parent) ids.add(entity.record.parent);
  }
  const [jurisdictions, frameworks, challenges, stages] = await Promise.all([
    db.jurisdictions.bulkGet([...ids]),
    db.frameworks.bulkGet([...ids]),
    db.challenges.toArray(),
    db.stages.toArray(),
  ]);
  const names: Record<string, string> = {};
  for (const j of jurisdictions) if (j) names[j.id] = j.shortName ?? j.name;
  for (const f of frameworks) if (f) names[f.id] = f.shortName ?? f.name;
  const view: EntityView = { entity, names, challenges, stages: stages.sort((a, b) => a.order - b.order) };
  if (entity.kind === 'framework') view.since = tookEffect(frameworks);
  if (entity.kind === 'jurisdiction') {
    const [allFrameworks, allJurisdictions, technologies] = await Promise.all([
      db.frameworks.toArray(),
      db.jurisdictions.toArray(),
      db.technologies.toArray(),
    ]);
    Object.assign(view, jurisdictionExtras(entity.record, allFrameworks, allJurisdictions, technologies));
  } else if (entity.kind === 'technology') {
    const [onTech, allFrameworks, allJurisdictions] = await Promise.all([
      db.frameworks.where('technologies').equals(entity.record.id).toArray(),
      db.frameworks.toArray(),
      db.jurisdictions.toArray(),
    ]);
    Object.assign(view, technologyExtras(entity.record, onTech, allFrameworks, allJurisdictions));
  }
  return view;
}

async function loadEntity(db: LensDb, kind: EntityKind, id: string): Promise<EntityRecord> {
  if (kind === 'framework') {
    const record = await db.frameworks.get(id);
    if (record) return { kind, record };
  } else if (kind === 'jurisdiction') {
    const record = await db.jurisdictions.get(id);
    if (record) return { kind, record };
  } else if (kind === 'technology') {
    const record = await db.technologies.get(id);
    if (record) return { kind, record };
  } else {
    const record = citationInfo(id);
    if (record) return { kind, record };
  }
  throw new Error(`no ${kind} with id "${id}"`);
}

export function instrumentRef(f: Framework): InstrumentRef {
  const year = frameworkYear(f);
  const ref: InstrumentRef = { id: f.id, name: f.shortName ?? f.name, instrument: f.instrument, binding: f.binding, status: f.status };
  if (year) ref.year = year;
  return ref;
}

const LAW = new Set<Framework['instrument']>(['statute', 'regulation', 'directive', 'treaty']);
const CURRENT: Framework['status'][] = [
  'in-force',
  'partially-applicable',
  'adopted',
  'proposed',
  'superseded',
  'invalidated',
  'repealed',
  'withdrawn',
];

/** Most telling first: binding laws, then what is in force, then the most recent. */
export function byImportance(a: Framework, b: Framework): number {
  const law = (f: Framework) => (f.binding === 'binding' && LAW.has(f.instrument) ? 0 : 1);
  return (
    law(a) - law(b) ||
    CURRENT.indexOf(a.status) - CURRENT.indexOf(b.status) ||
    (frameworkYear(b) ?? '').localeCompare(frameworkYear(a) ?? '') ||
    (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name)
  );
}

const MAIN_INSTRUMENTS = 6;

export function jurisdictionExtras(
  j: Jurisdiction,
  frameworks: Framework[],
  jurisdictions: Jurisdiction[],
  technologies: Technology[],
): Pick<EntityView, 'regimes' | 'instruments'> {
  const byId = new Map(jurisdictions.map((x) => [x.id, x]));
  const regimes: RegimeRow[] = technologies.map((t) => {
    const r = regimeFor(j, t.id, frameworks, byId);
    return {
      technology: t.id,
      name: t.name,
      regime: r.regime,
      rule: r.rule,
      decisive: [...r.decisive].sort(byImportance).slice(0, 3).map(instrumentRef),
    };
  });
  const own = frameworks.filter((f) => f.scope.jurisdictions.includes(j.id)).sort(byImportance);
  return { regimes, instruments: { shown: own.slice(0, MAIN_INSTRUMENTS).map(instrumentRef), total: own.length } };
}

const REGIME_ORDER: Regime[] = ['strict', 'moderate', 'emerging'];
const PER_BINDING = 5;

export function technologyExtras(
  t: Technology,
  onTech: Framework[],
  frameworks: Framework[],
  jurisdictions: Jurisdiction[],
): Pick<EntityView, 'byBinding' | 'strictest'> {
  const byBinding: BindingGroup[] = [];
  for (const binding of BINDINGS) {
    const group = onTech.filter((f) => f.binding === binding).sort(byImportance);
    if (group.length) byBinding.push({ binding, total: group.length, shown: group.slice(0, PER_BINDING).map(instrumentRef) });
  }
  return { byBinding, strictest: strictestFor(t.id, frameworks, jurisdictions) };
}

/**
 * The highest regime any jurisdiction reaches for the technology, and who reaches it by law of its own.
 * Member states that are strict only through the EU are counted, not listed: the EU is listed.
 */
export function strictestFor(
  tech: TechnologyId,
  frameworks: Framework[],
  jurisdictions: Jurisdiction[],
): StrictestJurisdictions | undefined {
  const byId = new Map(jurisdictions.map((x) => [x.id, x]));
  const results = jurisdictions.filter((j) => j.kind !== 'organization').map((j) => ({ j, r: regimeFor(j, tech, frameworks, byId) }));
  for (const regime of REGIME_ORDER) {
    const at = results.filter((x) => x.r.regime === regime);
    if (!at.length) continue;
    const ownLaw = at.filter((x) => x.r.decisive.some((f) => f.scope.jurisdictions.includes(x.j.id)));
    const listed = (ownLaw.length ? ownLaw : at).sort((a, b) => (a.j.shortName ?? a.j.name).localeCompare(b.j.shortName ?? b.j.name));
    return {
      regime,
      jurisdictions: listed.map(({ j, r }) => ({
        id: j.id,
        name: j.shortName ?? j.name,
        decisive: r.decisive
          .filter((f) => f.scope.jurisdictions.includes(j.id))
          .sort(byImportance)
          .slice(0, 2)
          .map(instrumentRef),
      })),
      inherited: at.length - listed.length,
    };
  }
  return undefined;
}

/** When each framework took effect, for "replaced by X (date)" on a predecessor's card. */
function tookEffect(frameworks: Array<Framework | undefined>): Record<string, string> {
  return Object.fromEntries(
    frameworks.flatMap((f) => (f && (f.dates.inForce ?? f.dates.adopted) ? [[f.id, f.dates.inForce ?? f.dates.adopted!]] : [])),
  );
}
