/**
 * The fuzzy stage's scorer (Fuse.js, core/detect/fuzzy-score.ts) is a module of its own, `fuzzy-score.js`,
 * loaded on a page where the matcher met a window worth scoring (a long name written almost like one of
 * ours, on a third of policy pages and next to no other page); the page is then read again. See
 * lazy-module.ts for how.
 */
import type { PairScorer } from '../core/detect/fuzzy';
import { loadProvided, provideModule } from './lazy-module';

/** The module's path in the package; listed in web_accessible_resources (wxt.config.ts, checked by scripts/check-bundles.mjs). */
export const FUZZY_MODULE_PATH = 'fuzzy-score.js';

const SLOT = '__regulatoryLensFuzzyScorer';

/** Called by the module when it is evaluated; provides nothing outside the extension's world. */
export function provideFuzzyScorer(score: PairScorer, opts: { scope?: object; extensionId?: string } = {}): boolean {
  return provideModule(SLOT, score, opts);
}

/** Imports the module (once) and returns the scorer it provided; rejects when it cannot. */
export function loadFuzzyScorer(opts: { importModule?: () => Promise<unknown>; scope?: object } = {}): Promise<PairScorer> {
  return loadProvided<PairScorer>(SLOT, FUZZY_MODULE_PATH, 'scorer', opts);
}
