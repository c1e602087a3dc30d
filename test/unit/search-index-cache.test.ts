// The popup keeps its lookup index in the database, so that later openings read it instead of splitting
// every record into words again: a kept index must answer exactly as a fresh one, and be used only for the
// dataset it was built from.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readFileSync } from 'node:fs';
import { loadDataset } from '../../data/index';
import { createSearchIndex, searchIndexData, searchIndexFrom, toSearchDocs } from '../../core/search';
import { DB_NAME, ensureSeeded, LensDb } from '../../platform/db';
import { forgetSearchIndex, keepSearchIndex, keptSearchIndex } from '../../platform/search-index-cache';

const d = loadDataset();
const docs = toSearchDocs(d.frameworks, d.jurisdictions, d.technologies);
const total = docs.length;
const counts = { frameworks: d.frameworks.length, jurisdictions: d.jurisdictions.length, technologies: d.technologies.length };
const info = { version: d.version, counts: { ...counts, coalitions: d.coalitions.length } };
const queries = (
  JSON.parse(readFileSync(new URL('../fixtures/lookup-queries.json', import.meta.url), 'utf8')) as { queries: Array<{ query: string }> }
).queries.map((q) => q.query);

async function openedIndex() {
  vi.resetModules();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
    await ensureSeeded(new LensDb(DB_NAME), d);
    return { ok: true, value: info };
  }) as never);
  const { openSearchIndex } = await import('../../ui/dataset-client');
  const live = openSearchIndex();
  return { index: await live.index, replacement: await live.replacement };
}

afterEach(async () => {
  vi.restoreAllMocks();
  await new LensDb().delete();
});

describe('the lookup index kept between openings', () => {
  it('answers every query of the lookup set as the index built from the records does, after a JSON round trip', () => {
    const fresh = createSearchIndex(docs);
    const kept = searchIndexFrom(JSON.parse(JSON.stringify(searchIndexData(docs))));
    const answers = (i: typeof fresh, q: string) => [
      i.search(q).map((h) => `${h.doc.kind}:${h.doc.id}:${h.score.toFixed(6)}`),
      i.nearest(q).map((x) => x.id),
    ];
    const all = [...queries, 'gdrp', 'ai act', 'markets in crypto', 'kenya data protection', 'californa privacy', 'x'];
    expect(all.map((q) => [q, answers(kept, q)])).toEqual(all.map((q) => [q, answers(fresh, q)]));
  }, 60_000);

  it('is kept by the first opening and read by the next one', async () => {
    const db = new LensDb(DB_NAME);
    expect((await openedIndex()).index.docs).toHaveLength(total);
    await vi.waitFor(async () => expect(await keptSearchIndex(db, d.version)).toBeDefined());
    // A kept index stamped with the current version is used as it is: one without MiCA shows no MiCA.
    const without = toSearchDocs(
      d.frameworks.filter((f) => f.id !== 'mica'),
      d.jurisdictions,
      d.technologies,
    );
    await keepSearchIndex(db, { version: d.version, counts, data: searchIndexData(without) });
    const next = await openedIndex();
    expect(next.index.docs).toHaveLength(total - 1);
    expect(next.index.search('gdpr')[0]?.doc.id).toBe('gdpr');
  });

  it('is not used for another dataset version, nor once forgotten', async () => {
    await ensureSeeded(new LensDb(DB_NAME), d);
    const db = new LensDb(DB_NAME);
    const without = searchIndexData(
      toSearchDocs(
        d.frameworks.filter((f) => f.id !== 'mica'),
        d.jurisdictions,
        d.technologies,
      ),
    );
    // Written under another version: the database holds the current one, so nothing is kept.
    await keepSearchIndex(db, { version: 'older', counts, data: without });
    expect(await keptSearchIndex(db, 'older')).toBeUndefined();
    await keepSearchIndex(db, { version: d.version, counts, data: without });
    await forgetSearchIndex(db);
    const opened = await openedIndex();
    expect(opened.index.docs).toHaveLength(total);
    expect(opened.index.search('mica')[0]?.doc.id).toBe('mica');
  });
});
