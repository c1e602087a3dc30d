/**
 * Recent lookups: the cards opened from the popup, newest first, kept in the extension's own database
 * (the `recents` user table, which dataset seeding never touches).
 */
import type { EntityKind } from '../../data/schema';
import type { LensDb } from '../../platform/db';

export const MAX_RECENT = 6;

export interface RecentRef {
  kind: EntityKind;
  id: string;
}

/** Records a lookup and forgets all but the newest `MAX_RECENT`. */
export async function rememberLookup(db: LensDb, ref: RecentRef, at = Date.now()): Promise<void> {
  await db.transaction('rw', db.recents, async () => {
    await db.recents.put({ key: `${ref.kind}:${ref.id}`, kind: ref.kind, id: ref.id, at });
    const stale = await db.recents.orderBy('at').reverse().offset(MAX_RECENT).primaryKeys();
    if (stale.length) await db.recents.bulkDelete(stale);
  });
}

/** Newest first. Entries whose record left the dataset are the caller's to skip. */
export async function recentLookups(db: LensDb): Promise<RecentRef[]> {
  const rows = await db.recents.orderBy('at').reverse().limit(MAX_RECENT).toArray();
  return rows.map(({ kind, id }) => ({ kind, id }));
}
