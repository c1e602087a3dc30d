import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { createSearchIndex, toSearchDocs } from '../../utils/search';

const d = loadDataset();
const index = createSearchIndex(toSearchDocs(d.frameworks, d.jurisdictions, d.technologies));
const first = (q: string) => index.search(q)[0]?.doc.id;

describe('lookup', () => {
  it.each([
    ['gdpr', 'gdpr'],
    ['gdrp', 'gdpr'],
    ['ai act', 'eu-ai-act'],
    ['2016/679', 'gdpr'],
    ['oecd principles', 'oecd-ai-principles'],
    ['Kenya', 'ke'],
  ])('"%s" finds %s first', (q, id) => expect(first(q)).toBe(id));

  it('answers garbage with no results, never an error', () => {
    for (const q of ['', '   ', '((((', '.*+?', '🙂🙂', 'ﺍﻟﺬﻛﺎﺀ', 'x'.repeat(10_000)]) expect(() => index.search(q)).not.toThrow();
    expect(index.search('zzzzqqqq')).toEqual([]);
  });
});
