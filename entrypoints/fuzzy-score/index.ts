import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { fusePairScore } from '../../core/detect/fuzzy-score';
import { provideFuzzyScorer } from '../../page/fuzzy-scorer';

/**
 * Fuse.js scoring as a module of its own, imported by the content script on a page that needs it
 * (page/fuzzy-scorer.ts). Outside the extension's world (a page loading the file itself) it provides nothing.
 */
export default defineUnlistedScript(() => void provideFuzzyScorer(fusePairScore, { extensionId: browser.runtime?.id }));
