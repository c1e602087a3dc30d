import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadDataset } from '../../data/index';
import { createSearchIndex, toSearchDocs } from '../../core/search';

const Query = z.strictObject({
  query: z.string().min(1),
  kind: z.enum(['name', 'acronym', 'number', 'misspelling', 'other-language', 'lacks']),
  /** The record the query names, or null when the dataset lacks the instrument it names. */
  expect: z.string().nullable(),
});
const { queries } = z
  .object({ about: z.string(), queries: z.array(Query) })
  .parse(JSON.parse(readFileSync(new URL('../fixtures/lookup-queries.json', import.meta.url), 'utf8')));

const d = loadDataset();
const index = createSearchIndex(toSearchDocs(d.frameworks, d.jurisdictions, d.technologies));
const held = queries.filter((q) => q.expect !== null);
const lacking = queries.filter((q) => q.expect === null);

describe('lookup precision over what readers type', () => {
  it('is a set of at least 200 queries, at least 40 of them naming instruments the dataset lacks', () => {
    expect(queries.length).toBeGreaterThanOrEqual(200);
    expect(lacking.length).toBeGreaterThanOrEqual(40);
    for (const kind of ['name', 'acronym', 'number', 'misspelling', 'other-language'] as const) {
      expect(held.filter((q) => q.kind === kind).length, kind).toBeGreaterThan(0);
    }
  });

  it('names only records the dataset holds', () => {
    const ids = new Set([...d.frameworks, ...d.jurisdictions, ...d.technologies].map((r) => r.id));
    expect(held.filter((q) => !ids.has(q.expect!)).map((q) => q.expect)).toEqual([]);
  });

  it('puts the named record first for at least 95% of the queries naming one', () => {
    const wrong = held.filter((q) => index.search(q.query)[0]?.doc.id !== q.expect);
    const right = 1 - wrong.length / held.length;
    expect(
      right,
      wrong.map((q) => `${q.query} -> ${index.search(q.query)[0]?.doc.id ?? 'nothing'} (not ${q.expect})`).join('\n'),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('offers no record as a result for an instrument the dataset lacks', () => {
    const offered = lacking
      // A citation by number ("Directive 2003/88/EC") gets its citation card, which says the dataset has no record.
      .map((q) => ({
        q: q.query,
        hits: index
          .search(q.query)
          .filter((h) => h.doc.kind !== 'citation')
          .map((h) => h.doc.id),
      }))
      .filter((x) => x.hits.length);
    expect(offered).toEqual([]);
  });

  it('still offers suggestions for most of them, apart from the results', () => {
    // Suggestions are what "no match" shows: they must exist for a query sharing words with records.
    expect(index.nearest('Kyoto Protocol').length).toBeGreaterThan(0);
  });
});
