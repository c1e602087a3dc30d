import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { ensureSeeded, LensDb } from '../../platform/db';

let n = 0;
const freshDb = () => new LensDb(`test-${++n}`);

describe('seeding the database', () => {
  it('writes the bundled dataset once per version', async () => {
    const db = freshDb();
    const d = loadDataset();
    expect(await ensureSeeded(db, d)).toBe(true);
    expect(await db.frameworks.count()).toBe(d.frameworks.length);
    expect(await db.jurisdictions.count()).toBe(d.jurisdictions.length);
    expect(await ensureSeeded(db, d)).toBe(false);
  });

  it('re-seeds a half-written database and a new dataset version without touching user data', async () => {
    const db = freshDb();
    const d = loadDataset();
    await ensureSeeded(db, d);
    await db.comparisons.add({ jurisdictions: ['eu', 'us'], savedAt: '2026-11-26' });
    await db.frameworks.delete('gdpr');
    expect(await ensureSeeded(db, d)).toBe(true);
    expect(await db.frameworks.get('gdpr')).toBeDefined();
    expect(await ensureSeeded(db, { ...d, version: 'next' })).toBe(true);
    expect(await db.comparisons.toArray()).toEqual([{ id: 1, jurisdictions: ['eu', 'us'], savedAt: '2026-11-26' }]);
  });

  it('finds frameworks by jurisdiction and technology through indexes', async () => {
    const db = freshDb();
    await ensureSeeded(db, loadDataset());
    const eu = await db.frameworks.where('scope.jurisdictions').equals('eu').primaryKeys();
    expect(eu).toEqual(expect.arrayContaining(['gdpr', 'eu-ai-act']));
    const ai = await db.frameworks.where('technologies').equals('ai').primaryKeys();
    expect(ai).toEqual(expect.arrayContaining(['eu-ai-act', 'oecd-ai-principles']));
  });
});
