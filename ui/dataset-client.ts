/** Extension pages read the dataset straight from the extension-origin database, once the background has seeded it. */
import { LensDb } from '../platform/db';
import type { DatasetInfo } from '../protocol/messages';
import { send } from '../protocol/rpc';
import { createSearchIndex, toSearchDocs, type SearchIndex } from '../core/search';

let db: LensDb | undefined;
let info: Promise<DatasetInfo> | undefined;

// Asking the background first guarantees the seed transaction has finished; one question per page.
const datasetInfo = () => (info ??= send({ type: 'datasetInfo' }).catch((e: unknown) => {
  info = undefined;
  throw e;
}));

export async function openDataset(): Promise<LensDb> {
  await datasetInfo();
  db ??= new LensDb();
  return db;
}

export interface LiveSearchIndex {
  /** The index to search now. */
  index: Promise<SearchIndex>;
  /** A newer index if the first one turned out not to be the dataset the background holds, else undefined. */
  replacement: Promise<SearchIndex | undefined>;
}

/**
 * The search index, without waiting for the background (a service worker that may have to wake up) when
 * the database already holds a dataset: that dataset is searched at once while the background confirms
 * it is the current one, and replaced in the rare case it is not (the first opening after an update,
 * while the new dataset is being seeded). The read is one transaction, so it sees the database before or
 * after a seed, never halfway. An empty database (the first run) waits for the seed.
 */
export function openSearchIndex(): LiveSearchIndex {
  const pending = datasetInfo();
  const d = (db ??= new LensDb());
  const read = () =>
    d
      .transaction('r', [d.frameworks, d.jurisdictions, d.technologies, d.meta], async () => ({
        frameworks: await d.frameworks.toArray(),
        jurisdictions: await d.jurisdictions.toArray(),
        technologies: await d.technologies.toArray(),
        version: (await d.meta.get('datasetVersion'))?.value,
      }))
      .catch(() => undefined);
  type Snapshot = NonNullable<Awaited<ReturnType<typeof read>>>;
  const build = (s: Snapshot) => createSearchIndex(toSearchDocs(s.frameworks, s.jurisdictions, s.technologies));
  const current = (s: Snapshot, info: DatasetInfo) =>
    s.version === info.version &&
    s.frameworks.length === info.counts.frameworks &&
    s.jurisdictions.length === info.counts.jurisdictions &&
    s.technologies.length === info.counts.technologies;

  const early = read();
  const earlyIndex = early.then((s) => (s?.version && s.frameworks.length ? build(s) : undefined));
  const confirmed = Promise.all([early, pending]).then(async ([s, info]) => {
    if (s && current(s, info)) return undefined;
    const seeded = await read();
    if (!seeded) throw new Error('the dataset database could not be read');
    return build(seeded);
  });
  const index = earlyIndex.then(async (i) => i ?? (await confirmed)!);
  const replacement = earlyIndex.then((i) => (i ? confirmed : undefined));
  // A failure reaches whoever awaits these; meanwhile it must not count as unhandled.
  for (const p of [confirmed, index, replacement]) p.catch(() => undefined);
  return { index, replacement };
}
