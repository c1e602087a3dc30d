// The popup searches the dataset it finds in the database at once, while the background confirms it is
// the current one; what it ends up showing must be the dataset the background holds, also on the very
// first opening (before the seed) and after an update (while the new dataset is being seeded).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadDataset } from '../../data/index';
import { DB_NAME, ensureSeeded, LensDb } from '../../platform/db';

const d = loadDataset();
const total = d.frameworks.length + d.jurisdictions.length + d.technologies.length;
const info = {
  version: d.version,
  counts: {
    frameworks: d.frameworks.length,
    jurisdictions: d.jurisdictions.length,
    technologies: d.technologies.length,
    coalitions: d.coalitions.length,
  },
};

async function freshClient() {
  vi.resetModules();
  return import('../../ui/dataset-client');
}

/** The background: answers `datasetInfo` once it has seeded (as it does), optionally after `before`. */
function background(before: () => Promise<void> = async () => {}) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
    await before();
    await ensureSeeded(new LensDb(DB_NAME), d);
    return { ok: true, value: info };
  }) as never);
}

afterEach(async () => {
  vi.restoreAllMocks();
  await new LensDb().delete();
});

describe('opening the search index', () => {
  it('searches the database at once when it holds the current dataset, and replaces nothing', async () => {
    await ensureSeeded(new LensDb(DB_NAME), d);
    const send = background();
    const { openSearchIndex } = await freshClient();
    const live = openSearchIndex();
    const index = await live.index;
    expect(index.docs).toHaveLength(total);
    expect(index.search('gdpr')[0]?.doc.id).toBe('gdpr');
    expect(await live.replacement).toBeUndefined();
    expect(send).toHaveBeenCalledWith({ type: 'datasetInfo' });
  });

  it('waits for the seed when the database is still empty (first run)', async () => {
    const { openSearchIndex } = await freshClient();
    background();
    const live = openSearchIndex();
    expect((await live.index).docs).toHaveLength(total);
    expect(await live.replacement).toBeUndefined();
  });

  it('replaces an out-of-date dataset with the one the background seeds', async () => {
    // An older dataset: one framework fewer, another version.
    const old = { ...d, version: 'older', frameworks: d.frameworks.filter((f) => f.id !== 'mica') };
    await ensureSeeded(new LensDb(DB_NAME), old);
    // The background takes a moment to wake and re-seed: the popup reads the older dataset first.
    background(() => new Promise((r) => setTimeout(r, 100)));
    const { openSearchIndex } = await freshClient();
    const live = openSearchIndex();
    expect((await live.index).docs).toHaveLength(total - 1);
    const newer = await live.replacement;
    expect(newer?.docs).toHaveLength(total);
    expect(newer?.search('mica')[0]?.doc.id).toBe('mica');
  });

  it("fails with the background's error rather than showing an empty dataset", async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'seeding failed' } as never);
    const { openSearchIndex } = await freshClient();
    await expect(openSearchIndex().index).rejects.toThrow('seeding failed');
  });
});
