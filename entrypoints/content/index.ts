import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAGE_MATCHES } from '../../page/card-module';
import { loadPageDateReader } from '../../page/page-date-module';
import { backgroundLink } from '../../page/background-link';
import { loadFuzzyScorer } from '../../page/fuzzy-scorer';
import { Lens } from '../../page/lens';
import { registerPageRequests } from '../../page/page-requests';
import { loadSettings, watchSettings } from '../../platform/settings';

export default defineContentScript({
  matches: PAGE_MATCHES,
  // The card UI brings its own sheet into its shadow root (page/card-ui.tsx).
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (!document.documentElement) return;
    const lens = new Lens({
      ctx,
      // The manifest gives this document the highlights' colours (page/highlight-style.ts).
      styledDocument: document,
      ...backgroundLink(ctx),
      // Fuse.js, for misspelled long names: a module of its own, loaded on the pages that need it.
      loadFuzzyScorer: () => loadFuzzyScorer(),
      // The page's own date, for the popup's "changed since": a module of its own.
      loadPageDateReader: () => loadPageDateReader(),
    });
    registerPageRequests(ctx, lens);
    ctx.onInvalidated(watchSettings((s) => void lens.apply(s)));
    await lens.apply(await loadSettings());
  },
});
