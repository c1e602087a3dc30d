/** Reads an entity and what its card needs (names of linked records) from the database. */
import type { LensDb } from './db';
import type { EntityKind } from './detect/lexicon';
import type { EntityRecord, EntityView } from './messages';

export async function loadEntityView(db: LensDb, kind: EntityKind, id: string): Promise<EntityView> {
  const entity = await loadEntity(db, kind, id);
  const ids = new Set<string>();
  if (entity.kind === 'framework') {
    const f = entity.record;
    [...f.scope.jurisdictions, f.issuer, ...f.related].forEach((x) => ids.add(x));
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
  return { entity, names, challenges, stages: stages.sort((a, b) => a.order - b.order) };
}

async function loadEntity(db: LensDb, kind: EntityKind, id: string): Promise<EntityRecord> {
  if (kind === 'framework') {
    const record = await db.frameworks.get(id);
    if (record) return { kind, record };
  } else if (kind === 'jurisdiction') {
    const record = await db.jurisdictions.get(id);
    if (record) return { kind, record };
  } else {
    const record = await db.technologies.get(id);
    if (record) return { kind, record };
  }
  throw new Error(`no ${kind} with id "${id}"`);
}
