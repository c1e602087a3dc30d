import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import type { Framework } from '../../data/schema';
import { columnFor, mainInstrument, relationOf } from '../../core/compare/comparison';
import { alignmentOf, compareAll, compareTechnology, formatAlignment } from '../../core/compare/alignment';
import { regimeFor } from '../../core/regime';
import { fw, jur } from './support/records';

const d = loadDataset();
const byId = new Map(d.jurisdictions.map((j) => [j.id, j]));
const j = (id: string) => byId.get(id)!;
const ids = (list: { framework: Framework }[]) => list.map((r) => r.framework.id);

describe('how a framework relates to a jurisdiction', () => {
  const world = new Map([
    ['x', jur({ id: 'x', memberOf: ['bloc', 'org'] })],
    ['y', jur({ id: 'y' })],
    ['x-1', jur({ id: 'x-1', kind: 'subnational', parent: 'x' })],
    ['bloc', jur({ id: 'bloc', kind: 'bloc' })],
    ['org', jur({ id: 'org', kind: 'organization' })],
  ]);
  const x = world.get('x')!;

  it('calls its own law, and its bloc law, its own; the bloc is named as the way it applies', () => {
    const own = relationOf(x, fw({ id: 'law' }), world);
    expect(own?.relation).toBe('own');
    expect(own?.via).toBeUndefined();
    const blocLaw = fw({ id: 'bl', issuer: 'bloc', scope: { level: 'regional', jurisdictions: ['bloc'], extraterritorial: true } });
    expect(relationOf(x, blocLaw, world)).toMatchObject({ relation: 'own', via: 'bloc' });
  });

  it('calls a global instrument, or one issued elsewhere that names it with others, signed', () => {
    const declaration = fw({
      id: 'decl',
      instrument: 'declaration',
      issuer: 'y',
      scope: { level: 'global', jurisdictions: ['x', 'y'], extraterritorial: false },
    });
    expect(relationOf(x, declaration, world)?.relation).toBe('signed');
    const joint = fw({ id: 'joint', issuer: 'y', scope: { level: 'national', jurisdictions: ['y', 'x'], extraterritorial: false } });
    expect(relationOf(x, joint, world)?.relation).toBe('signed');
    // The issuer's own copy of a joint instrument stays its own.
    expect(relationOf(world.get('y')!, joint, world)?.relation).toBe('own');
  });

  it('links an organization instrument through the membership', () => {
    const soft = fw({ id: 'soft', issuer: 'org', scope: { level: 'global', jurisdictions: ['org'], extraterritorial: false } });
    expect(relationOf(x, soft, world)).toMatchObject({ relation: 'member', via: 'org' });
    expect(relationOf(world.get('y')!, soft, world)).toBeUndefined();
  });

  it('counts a foreign extraterritorial instrument as reaching it, but not a domestic or repealed one', () => {
    const foreign = fw({ id: 'f', issuer: 'y', scope: { level: 'national', jurisdictions: ['y'], extraterritorial: true } });
    expect(relationOf(x, foreign, world)).toMatchObject({ relation: 'extraterritorial', via: 'y' });
    expect(relationOf(x, { ...foreign, status: 'repealed' }, world)).toBeUndefined();
    expect(relationOf(x, { ...foreign, scope: { ...foreign.scope, extraterritorial: false } }, world)).toBeUndefined();
    // A state's law with extraterritorial reach is still domestic to its country.
    const state = fw({ id: 's', issuer: 'x-1', scope: { level: 'subnational', jurisdictions: ['x-1'], extraterritorial: true } });
    expect(relationOf(x, state, world)).toBeUndefined();
    expect(relationOf(world.get('x-1')!, fw({ id: 'law' }), world)).toMatchObject({ relation: 'own', via: 'x' });
  });
});

describe('a column of the comparison, from the bundled dataset', () => {
  it('lists for the EU and AI its own instruments, its G7 and G20 commitments, and the foreign laws reaching it', () => {
    const c = columnFor(j('eu'), 'ai', d.frameworks, byId);
    const ai = d.frameworks.filter((f) => f.technologies.includes('ai'));
    const named = ai.filter((f) => f.scope.jurisdictions.includes('eu')).map((f) => f.id);
    expect([...ids(c.own), ...ids(c.international)].sort()).toEqual(expect.arrayContaining(named.sort()));
    expect(ids(c.own)).toContain('eu-ai-act');
    expect(c.international.find((r) => r.framework.id === 'bletchley-declaration')?.relation).toBe('signed');
    for (const org of ['g7', 'g20']) {
      for (const f of ai.filter((f) => f.scope.jurisdictions.includes(org)))
        expect(c.international).toContainEqual({ framework: f, relation: 'member', via: org });
    }
    // The EU is not an OECD member in the dataset: the OECD AI Principles do not bind it.
    expect(ids(c.international)).not.toContain('oecd-ai-principles');
    expect(ids(c.reachedBy)).toEqual(
      ai
        .filter(
          (f) =>
            f.scope.extraterritorial &&
            !['repealed', 'superseded', 'invalidated', 'withdrawn'].includes(f.status) &&
            !f.scope.jurisdictions.some((s) => s === 'eu' || byId.get(s)?.memberOf.includes('eu')),
        )
        .map((f) => f.id)
        .sort((a, b) => {
          const n = (id: string) => d.frameworks.find((f) => f.id === id)!;
          return (n(a).shortName ?? n(a).name).localeCompare(n(b).shortName ?? n(b).name);
        }),
    );
    expect(ids(c.reachedBy)).not.toContain('eu-ai-act');
  });

  it('shows the GDPR reaching the US, not binding it, and the US regime from regimeFor', () => {
    const c = columnFor(j('us'), 'data-protection', d.frameworks, byId);
    expect(ids(c.reachedBy)).toContain('gdpr');
    expect([...ids(c.own), ...ids(c.international)]).not.toContain('gdpr');
    // California's law is domestic to the US.
    expect(ids(c.reachedBy)).not.toContain('ccpa');
    expect(c.regime).toEqual(regimeFor(j('us'), 'data-protection', d.frameworks, byId));
  });

  it('gives a member state the EU law as its own, through the EU', () => {
    const c = columnFor(j('de'), 'data-protection', d.frameworks, byId);
    expect(c.own.find((r) => r.framework.id === 'gdpr')).toMatchObject({ relation: 'own', via: 'eu' });
  });

  it('picks as main instrument one that names the jurisdiction itself before a bloc law', () => {
    const r = regimeFor(j('de'), 'ai', d.frameworks, byId);
    expect(mainInstrument(j('de'), r)?.id).toBe(r.decisive.find((f) => f.scope.jurisdictions.includes('de'))?.id ?? r.decisive[0]?.id);
    expect(mainInstrument(j('eu'), regimeFor(j('eu'), 'ai', d.frameworks, byId))?.id).toBe('eu-ai-act');
  });
});

describe('alignment', () => {
  it('finds the OECD AI Principles shared by the US and Japan, both OECD members, and the NIST AI RMF only in the US', () => {
    expect(j('us').memberOf).toContain('oecd');
    expect(j('jp').memberOf).toContain('oecd');
    const t = compareTechnology([j('us'), j('jp')], 'ai', d.frameworks, byId);
    const shared = t.alignment.shared.map((f) => f.id);
    expect(shared).toEqual(
      expect.arrayContaining(['oecd-ai-principles', 'g20-ai-principles', 'g7-hiroshima-guiding-principles', 'bletchley-declaration']),
    );
    expect(t.alignment.onlyOne.get('us')!.map((f) => f.id)).toContain('nist-ai-rmf');
    expect(t.alignment.onlyOne.get('jp')!.map((f) => f.id)).not.toContain('nist-ai-rmf');
  });

  it('is shared ÷ union, leaving out extraterritorial reach, proposals and repealed instruments', () => {
    const t = compareTechnology([j('us'), j('jp')], 'ai', d.frameworks, byId);
    const all = new Set(
      t.columns.flatMap((c) =>
        [...c.own, ...c.international]
          .filter((r) => ['adopted', 'in-force', 'partially-applicable'].includes(r.framework.status))
          .map((r) => r.framework.id),
      ),
    );
    expect(t.alignment.union).toBe(all.size);
    expect(t.alignment.score).toBeCloseTo(t.alignment.shared.length / all.size);
    // The repealed US executive order on AI is listed but is not a commitment.
    expect(ids(t.columns[0]!.own)).toContain('us-eo-14110');
    expect(t.alignment.onlyOne.get('us')!.map((f) => f.id)).not.toContain('us-eo-14110');
  });

  it('is 100% for identical sets, 0% for disjoint ones and n/a with nothing at all', () => {
    const a = fw({ id: 'a' });
    const col = (id: string, fs: Framework[]) => ({
      jurisdiction: jur({ id }),
      own: fs.map((framework) => ({ framework, relation: 'own' as const })),
      international: [],
      reachedBy: [],
      regime: { regime: 'none' as const, rule: '', decisive: [] },
    });
    expect(alignmentOf([col('p', [a]), col('q', [a])]).score).toBe(1);
    expect(alignmentOf([col('p', [a]), col('q', [fw({ id: 'b' })])]).score).toBe(0);
    const none = alignmentOf([col('p', []), col('q', [])]);
    expect(none.score).toBeNull();
    expect(formatAlignment(none.score)).toBe('n/a');
    expect(formatAlignment(1 / 3)).toBe('33%');
  });

  it('compares every technology area, each column in the chosen order', () => {
    const all = compareAll([j('eu'), j('us'), j('cn')], d.frameworks, byId);
    expect(all.map((t) => t.technology)).toEqual(['ai', 'data-protection', 'blockchain', 'biotech', 'quantum', 'iot']);
    for (const t of all) expect(t.columns.map((c) => c.jurisdiction.id)).toEqual(['eu', 'us', 'cn']);
  });
});
