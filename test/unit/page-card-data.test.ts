import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { ensureSeeded, LensDb } from '../../platform/db';
import { byImportance, jurisdictionExtras, loadEntityView, strictestFor, technologyExtras } from '../../platform/entities';
import { regimeFor } from '../../core/regime';

const d = loadDataset();
const byId = new Map(d.jurisdictions.map((j) => [j.id, j]));

describe('what the in-page cards are given (computed in the background)', () => {
  it('a jurisdiction: its regime for every technology by the documented rule, and its main instruments', () => {
    const ke = byId.get('ke')!;
    const x = jurisdictionExtras(ke, d.frameworks, d.jurisdictions, d.technologies);
    expect(x.regimes!.map((r) => r.technology)).toEqual(d.technologies.map((t) => t.id));
    for (const r of x.regimes!) {
      const expected = regimeFor(ke, r.technology, d.frameworks, byId);
      expect(r.regime).toBe(expected.regime);
      expect(r.decisive.every((f) => expected.decisive.some((e) => e.id === f.id))).toBe(true);
    }
    const own = d.frameworks.filter((f) => f.scope.jurisdictions.includes('ke'));
    expect(x.instruments!.total).toBe(own.length);
    expect(x.instruments!.shown.length).toBe(Math.min(own.length, 6));
    // Binding laws first.
    const first = d.frameworks.find((f) => f.id === x.instruments!.shown[0]!.id)!;
    expect(first.binding).toBe('binding');
  });

  it('a technology: its instruments grouped by binding nature, and who regulates it most strictly', () => {
    const t = d.technologies.find((x) => x.id === 'data-protection')!;
    const onTech = d.frameworks.filter((f) => f.technologies.includes(t.id));
    const x = technologyExtras(t, onTech, d.frameworks, d.jurisdictions);
    expect(x.byBinding!.reduce((n, g) => n + g.total, 0)).toBe(onTech.length);
    for (const g of x.byBinding!) expect(g.shown.every((f) => onTech.find((o) => o.id === f.id)!.binding === g.binding)).toBe(true);
    expect(x.strictest!.regime).toBe('strict');
    const ids = x.strictest!.jurisdictions.map((j) => j.id);
    expect(ids).toContain('eu');
    // EU member states strict only through the EU are counted, not listed.
    const memberOnly = d.jurisdictions.filter(
      (j) => j.memberOf.includes('eu') && !d.frameworks.some((f) => f.technologies.includes(t.id) && f.scope.jurisdictions.includes(j.id)),
    );
    for (const j of memberOnly) expect(ids).not.toContain(j.id);
    expect(x.strictest!.inherited).toBeGreaterThanOrEqual(memberOnly.length);
    expect(strictestFor(t.id, [], d.jurisdictions)).toBeUndefined();
  });

  it('orders instruments by what they tell a reader: binding laws, then what is in force, then the newest', () => {
    const sorted = [...d.frameworks].sort(byImportance);
    const law = (f: (typeof sorted)[number]) =>
      f.binding === 'binding' && ['statute', 'regulation', 'directive', 'treaty'].includes(f.instrument);
    const firstNonLaw = sorted.findIndex((f) => !law(f));
    expect(sorted.slice(firstNonLaw).some(law)).toBe(false);
  });

  it('loadEntityView adds them from the database, and leaves framework views as they were', async () => {
    const db = new LensDb('page-card-data');
    await ensureSeeded(db, { ...d, version: 'page-card-data' });
    const ke = await loadEntityView(db, 'jurisdiction', 'ke');
    expect(ke.regimes).toHaveLength(d.technologies.length);
    expect(ke.instruments!.total).toBeGreaterThan(0);
    const ai = await loadEntityView(db, 'technology', 'ai');
    expect(ai.byBinding!.length).toBeGreaterThan(0);
    expect(ai.strictest).toBeDefined();
    const gdpr = await loadEntityView(db, 'framework', 'gdpr');
    expect(gdpr.regimes).toBeUndefined();
    expect(gdpr.names.eu).toBe('EU');
  });
});
