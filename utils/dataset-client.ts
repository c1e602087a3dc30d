/** Extension pages read the dataset straight from the extension-origin database, once the background has seeded it. */
import { LensDb } from './db';
import { send } from './rpc';
import { createSearchIndex, toSearchDocs, type SearchIndex } from './search';

let db: LensDb | undefined;

export async function openDataset(): Promise<LensDb> {
  // Asking the background first guarantees the seed transaction has finished.
  await send({ type: 'datasetInfo' });
  db ??= new LensDb();
  return db;
}

export async function loadSearchIndex(d: LensDb): Promise<SearchIndex> {
  const [f, j, t] = await Promise.all([d.frameworks.toArray(), d.jurisdictions.toArray(), d.technologies.toArray()]);
  return createSearchIndex(toSearchDocs(f, j, t));
}
