/**
 * The fuzzy stage's scorer (see fuzzy.ts): Fuse.js's Bitap score of a window against a name, both ways,
 * the worse kept. A module of its own so that the content script loads Fuse.js only on a page that needs
 * it (entrypoints/fuzzy-score); the CLI, the tests and the benchmarks import it directly.
 */
// The basic build: no extended or token search, which we never use.
import Fuse from 'fuse.js/basic';
import type { PairScorer } from './fuzzy';

const FUSE_OPTIONS = { ignoreLocation: true, threshold: 0.6, isCaseSensitive: false } as const;

export const fusePairScore: PairScorer = (a, b) => {
  const ab = Fuse.match(a, b, FUSE_OPTIONS);
  if (!ab.isMatch) return 1;
  const ba = Fuse.match(b, a, FUSE_OPTIONS);
  if (!ba.isMatch) return 1;
  return Math.max(ab.score, ba.score);
};
