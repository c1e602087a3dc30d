/**
 * The matcher's tables cross a message boundary (background -> content script): what the content script
 * builds from them after a JSON round trip must find exactly what the matcher compiled in place finds.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { buildLexicon } from '../../core/detect/lexicon';
import { compileMatcher, matcherFromTables } from '../../core/detect/matcher';
import { buildMatcherTables } from '../../core/detect/tables';
import { fusePairScore } from '../../core/detect/fuzzy-score';
import { loadArticles, loadPages } from '../fixtures/scoring';

const dataset = loadDataset();
const lexicon = buildLexicon(dataset);
const tables = buildMatcherTables(lexicon);
const wire = JSON.stringify(tables);

describe('the matcher tables', () => {
  it('are plain JSON: a round trip changes nothing', () => {
    expect(JSON.parse(wire)).toEqual(tables);
  });

  it('carry the dataset version, so a content script never mixes two datasets', () => {
    expect(tables.version).toBe(dataset.version);
  });

  it('find, after a round trip, exactly what the matcher compiled in place finds, on every fixture', { timeout: 30_000 }, () => {
    const inPlace = compileMatcher(lexicon);
    const shipped = matcherFromTables(JSON.parse(wire), { score: fusePairScore });
    expect(shipped.size).toBe(inPlace.size);
    expect(shipped.trie.size).toBe(inPlace.trie.size);
    const fixtures = [...loadPages(dataset), ...loadArticles()];
    expect(fixtures.length).toBeGreaterThan(10);
    let detections = 0;
    for (const f of fixtures) {
      const expected = inPlace.scan(f.text);
      detections += expected.length;
      expect(shipped.scan(f.text), f.name).toEqual(expected);
    }
    expect(detections).toBeGreaterThan(500);
  });

  it('keep fuzzy matching of misspelled long names, and can switch it off', () => {
    const text = 'Under the Genral Data Protection Regulation, controllers must keep records.';
    const on = matcherFromTables(JSON.parse(wire), { score: fusePairScore }).scan(text);
    expect(on.map((d) => d.id)).toContain('gdpr');
    const off = matcherFromTables(JSON.parse(JSON.stringify(buildMatcherTables(lexicon, { fuzzyThreshold: 0 }))), {
      score: fusePairScore,
    }).scan(text);
    expect(off.map((d) => d.id)).not.toContain('gdpr');
  });

  it('without a scorer, say which text needed one, and find the misspelling once it is given', () => {
    let unscored = 0;
    const m = matcherFromTables(JSON.parse(wire), { onUnscored: () => unscored++ });
    const plain = 'The GDPR and the EU AI Act apply. The Data Act, the Online Safety Act and the Order were cited.';
    expect(m.scan(plain).map((d) => d.id)).toEqual(
      compileMatcher(lexicon)
        .scan(plain)
        .map((d) => d.id),
    );
    expect(unscored).toBe(0);
    const text = 'Under the Genral Data Protection Regulation, controllers must keep records.';
    expect(m.scan(text).map((d) => d.id)).not.toContain('gdpr');
    expect(unscored).toBeGreaterThan(0);
    m.setScorer(fusePairScore);
    expect(m.scan(text)).toEqual(compileMatcher(lexicon).scan(text));
    expect(m.scan(text).map((d) => d.id)).toContain('gdpr');
  });
});
