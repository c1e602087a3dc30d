import { describe, expect, it } from 'vitest';
import { loadDataset, rawDataset } from '../../data/index';
import { validateDataset } from '../../data/validate';

// The tests below break the bundled data on purpose, field by field: a loose type is what lets them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- records are mutated into invalid shapes
const valid = () => structuredClone({ version: 't', ...rawDataset }) as any;

describe('the bundled dataset', () => {
  it('passes the schema and every cross-record rule', () => {
    const result = validateDataset(valid());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has the five frameworks of the article table with their binding nature', () => {
    const d = loadDataset();
    const binding = Object.fromEntries(d.frameworks.map((f) => [f.id, f.binding]));
    expect(binding).toMatchObject({
      gdpr: 'binding',
      'eu-ai-act': 'binding',
      'oecd-ai-principles': 'non-binding',
      'ich-e6-r3': 'mixed',
      'imdrf-samd-key-definitions': 'non-binding',
    });
    expect(d.challenges.map((c) => c.id).sort()).toEqual(['disparities', 'enforcement', 'fragmentation', 'regulatory-lag']);
    expect(d.stages.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('validation names the record and the field at fault', () => {
  it('rejects a non-https source', () => {
    const d = valid();
    d.frameworks[0].sources[0].url = 'http://eur-lex.europa.eu/eli/reg/2016/679/oj';
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toContainEqual(expect.stringMatching(/^frameworks\[gdpr\]\.sources\.0\.url: .*https/));
  });

  it('rejects an impossible date and an unknown binding nature', () => {
    const d = valid();
    d.frameworks[1].dates.adopted = '2024-02-30';
    d.frameworks[2].binding = 'sort-of';
    const r = validateDataset(d);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toContainEqual(expect.stringMatching(/^frameworks\[eu-ai-act\]\.dates\.adopted: not a real calendar date/));
    expect(problems).toContainEqual(expect.stringMatching(/^frameworks\[oecd-ai-principles\]\.binding: /));
  });

  it('rejects dates out of order, dangling references and duplicate ids', () => {
    const d = valid();
    d.frameworks[0].dates.inForce = '2015-01-01';
    d.frameworks[0].related = ['no-such-framework'];
    d.frameworks[1].scope.jurisdictions = ['atlantis'];
    d.jurisdictions.push({ ...d.jurisdictions.find((j: { id: string }) => j.id === 'eu') });
    const r = validateDataset(d);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toContainEqual(expect.stringMatching(/^frameworks\[gdpr\]\.dates\.inForce: 2015-01-01 is before adopted/));
    expect(problems).toContainEqual('frameworks[gdpr].related.0: unknown framework id "no-such-framework"');
    expect(problems).toContainEqual('frameworks[eu-ai-act].scope.jurisdictions.0: unknown jurisdiction id "atlantis"');
    expect(problems).toContainEqual(expect.stringMatching(/^jurisdictions\[eu\]\.id: duplicate id/));
  });

  it('rejects a name that points at two entities unless declared ambiguous', () => {
    const d = valid();
    d.frameworks[0].aliases.push('OECD AI Principles');
    const r = validateDataset(d);
    expect(!r.ok && r.problems).toContainEqual(expect.stringContaining('"oecd ai principles" points at more than one entity'));
  });
});
