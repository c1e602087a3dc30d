import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LensDb } from '../../platform/db';
import { MAX_RECENT, recentLookups, rememberLookup } from '../../ui/popup/recent';

let n = 0;
const freshDb = () => new LensDb(`recent-test-${++n}`);

describe('recent lookups', () => {
  it('are listed newest first, and looking something up again moves it to the front', async () => {
    const db = freshDb();
    await rememberLookup(db, { kind: 'framework', id: 'gdpr' }, 1);
    await rememberLookup(db, { kind: 'jurisdiction', id: 'ke' }, 2);
    await rememberLookup(db, { kind: 'framework', id: 'gdpr' }, 3);
    expect(await recentLookups(db)).toEqual([
      { kind: 'framework', id: 'gdpr' },
      { kind: 'jurisdiction', id: 'ke' },
    ]);
  });

  it(`keep only the newest ${MAX_RECENT}`, async () => {
    const db = freshDb();
    for (let i = 0; i < MAX_RECENT + 3; i++) await rememberLookup(db, { kind: 'framework', id: `f${i}` }, i);
    const ids = (await recentLookups(db)).map((r) => r.id);
    expect(ids).toHaveLength(MAX_RECENT);
    expect(ids[0]).toBe(`f${MAX_RECENT + 2}`);
    expect(await db.recents.count()).toBe(MAX_RECENT);
  });

  it('tell the same id of different kinds apart', async () => {
    const db = freshDb();
    await rememberLookup(db, { kind: 'technology', id: 'ai' }, 1);
    await rememberLookup(db, { kind: 'framework', id: 'ai' }, 2);
    expect(await recentLookups(db)).toHaveLength(2);
  });

  it('survive in a database first created by the previous schema version (v1 without the recents table)', async () => {
    const name = `recent-upgrade-${++n}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    old.version(1).stores({ frameworks: 'id', meta: 'key', comparisons: '++id' });
    await old.table('comparisons').add({ jurisdictions: ['eu', 'us'], savedAt: '2026-11-26' });
    old.close();
    const db = new LensDb(name);
    await rememberLookup(db, { kind: 'framework', id: 'gdpr' });
    expect(await recentLookups(db)).toEqual([{ kind: 'framework', id: 'gdpr' }]);
    expect(await db.comparisons.count()).toBe(1);
  });
});
