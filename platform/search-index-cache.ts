/**
 * The lookup's index, kept in the database between popup openings. Building it splits some 1,100 records
 * into words, which was most of the popup's opening time; the result changes only with the dataset (its
 * version is kept with it) or with the code that builds it (the background forgets it on every install and
 * update). Kept as one JSON string in the meta table: one read, parsed faster than the records are cloned.
 */
import type { SearchIndexData } from '../core/search';
import type { LensDb } from './db';

const KEY = 'searchIndex';

export interface KeptSearchIndex {
  /** The dataset version it was built from. */
  version: string;
  counts: { frameworks: number; jurisdictions: number; technologies: number };
  data: SearchIndexData;
}

/** The kept index if it was built from the dataset `version`; call it inside a transaction over `db.meta`. */
export async function keptSearchIndex(db: LensDb, version: string): Promise<KeptSearchIndex | undefined> {
  const row = await db.meta.get(KEY);
  if (!row) return undefined;
  try {
    const kept = JSON.parse(row.value) as KeptSearchIndex;
    return kept.version === version ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps an index, unless the database has meanwhile been seeded with another dataset. */
export async function keepSearchIndex(db: LensDb, kept: KeptSearchIndex): Promise<void> {
  // A doc's context strings are only read to build the index, whose words of them are kept anyway.
  const data = { ...kept.data, docs: kept.data.docs.map((d) => ({ ...d, context: [] })) };
  const value = JSON.stringify({ ...kept, data });
  await db.transaction('rw', db.meta, async () => {
    if ((await db.meta.get('datasetVersion'))?.value === kept.version) await db.meta.put({ key: KEY, value });
  });
}

/** After an install or update the kept index may come from older code: the next opening builds it again. */
export async function forgetSearchIndex(db: LensDb): Promise<void> {
  await db.meta.delete(KEY);
}
