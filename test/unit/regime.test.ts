import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { ownScopeIds, regimeFor } from '../../core/regime';
import { fw, jur } from './support/records';

const d = loadDataset();
const byId = new Map(d.jurisdictions.map((j) => [j.id, j]));
const j = (id: string) => byId.get(id)!;

describe('the regime rule', () => {
  const world = new Map([
    ['x', jur({ id: 'x', memberOf: ['bloc', 'org'] })],
    ['x-1', jur({ id: 'x-1', kind: 'subnational', parent: 'x' })],
    ['bloc', jur({ id: 'bloc', kind: 'bloc' })],
    ['org', jur({ id: 'org', kind: 'organization' })],
  ]);
  const x = world.get('x')!;

  it('is strict when a binding law on the technology applies, including one of a bloc it belongs to', () => {
    expect(
      regimeFor(x, 'ai', [fw({ id: 'law', scope: { level: 'regional', jurisdictions: ['bloc'], extraterritorial: false } })], world).regime,
    ).toBe('strict');
    expect(regimeFor(world.get('x-1')!, 'ai', [fw({ id: 'law' })], world).regime).toBe('strict');
  });

  it('is moderate with adopted guidance or a law not yet applicable', () => {
    expect(regimeFor(x, 'ai', [fw({ id: 'g', instrument: 'guideline', binding: 'non-binding', status: 'adopted' })], world).regime).toBe(
      'moderate',
    );
    expect(regimeFor(x, 'ai', [fw({ id: 'l', status: 'adopted' })], world).regime).toBe('moderate');
  });

  it('is emerging with only a bill or international soft law, and none otherwise', () => {
    expect(regimeFor(x, 'ai', [fw({ id: 'b', instrument: 'bill', status: 'proposed' })], world).regime).toBe('emerging');
    const soft = fw({
      id: 's',
      instrument: 'soft-law',
      binding: 'non-binding',
      status: 'adopted',
      scope: { level: 'global', jurisdictions: ['org'], extraterritorial: false },
    });
    expect(regimeFor(x, 'ai', [soft], world).regime).toBe('emerging');
    expect(regimeFor(x, 'quantum', [soft], world).regime).toBe('none');
    expect(regimeFor(x, 'ai', [fw({ id: 'gone', status: 'repealed' })], world).regime).toBe('none');
  });

  it('explains itself and names the deciding instruments', () => {
    const r = regimeFor(x, 'ai', [fw({ id: 'law' })], world);
    expect(r.rule).toMatch(/binding statute, regulation or directive/);
    expect(r.decisive.map((f) => f.id)).toEqual(['law']);
  });
});

describe('regimes from the bundled dataset', () => {
  it('counts a member state as under EU law', () => {
    expect(ownScopeIds(j('de'), byId).has('eu')).toBe(true);
    expect(regimeFor(j('de'), 'data-protection', d.frameworks, byId).decisive.map((f) => f.id)).toContain('gdpr');
  });

  it('makes the EU strict for AI and data protection', () => {
    expect(regimeFor(j('eu'), 'ai', d.frameworks, byId).regime).toBe('strict');
    expect(regimeFor(j('eu'), 'data-protection', d.frameworks, byId).regime).toBe('strict');
  });
});
