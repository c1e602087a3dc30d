/** Extension pages read the dataset straight from the extension-origin database, once the background has seeded it. */
import { LensDb } from '../platform/db';
import type { DatasetInfo } from '../protocol/messages';
import { send } from '../protocol/rpc';
import { searchIndexData, searchIndexFrom, toSearchDocs, type SearchIndex } from '../core/search';
import { keepSearchIndex, keptSearchIndex, type KeptSearchIndex } from '../platform/search-index-cache';

let db: LensDb | undefined;
let info: Promise<DatasetInfo> | undefined;

// Asking the background first guarantees the seed transaction has finished; one question per page.
const datasetInfo = () =>
  (info ??= send({ type: 'datasetInfo' }).catch((e: unknown) => {
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
  // The index kept from an earlier opening when there is one for this dataset, else the records to build it.
  const read = () =>
    d
      .transaction('r', [d.frameworks, d.jurisdictions, d.technologies, d.meta], async () => {
        const version = (await d.meta.get('datasetVersion'))?.value;
        const kept = version ? await keptSearchIndex(d, version) : undefined;
        if (kept) return { version, counts: kept.counts, kept };
        const records = {
          frameworks: await d.frameworks.toArray(),
          jurisdictions: await d.jurisdictions.toArray(),
          technologies: await d.technologies.toArray(),
        };
        const counts = {
          frameworks: records.frameworks.length,
          jurisdictions: records.jurisdictions.length,
          technologies: records.technologies.length,
        };
        return { version, counts, records };
      })
      .catch(() => undefined);
  type Snapshot = NonNullable<Awaited<ReturnType<typeof read>>>;
  const build = (s: Snapshot) => {
    if (s.kept) return searchIndexFrom(s.kept.data);
    const { frameworks, jurisdictions, technologies } = s.records;
    const data = searchIndexData(toSearchDocs(frameworks, jurisdictions, technologies));
    // Kept after this opening's first paint of results: serialising it is not part of opening.
    if (s.version) {
      const kept: KeptSearchIndex = { version: s.version, counts: s.counts, data };
      setTimeout(() => void keepSearchIndex(d, kept).catch(() => undefined), 0);
    }
    return searchIndexFrom(data);
  };
  const current = (s: Snapshot, info: DatasetInfo) =>
    s.version === info.version &&
    s.counts.frameworks === info.counts.frameworks &&
    s.counts.jurisdictions === info.counts.jurisdictions &&
    s.counts.technologies === info.counts.technologies;

  const early = read();
  const earlyIndex = early.then((s) => (s?.version && s.counts.frameworks ? build(s) : undefined));
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
