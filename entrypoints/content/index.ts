import { send } from '../../protocol/rpc';
import { PAGE_MATCHES, loadCardFactory } from '../../page/card-module';
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
    const views = new Map<string, ReturnType<typeof send<'getEntity'>>>();
    // Asked for at once, while the settings are read: the two round trips overlap. Later starts (switched
    // off and on, or the first request failed) ask again.
    let early: ReturnType<typeof send<'getLexicon'>> | undefined = send({ type: 'getLexicon' });
    early.catch(() => undefined);
    const lens = new Lens({
      ctx,
      loadMatcherTables: () => {
        const p = early ?? send({ type: 'getLexicon' });
        early = undefined;
        return p;
      },
      // Fuse.js, for misspelled long names: a module of its own, loaded on the pages that need it.
      loadFuzzyScorer: () => loadFuzzyScorer(),
      // The card UI is a module of its own, loaded on first need (issue 8: most pages never open a card).
      createCard: async (hooks) =>
        (await loadCardFactory())(ctx, {
          ...hooks,
          view: (kind, id) => {
            const key = `${kind}:${id}`;
            let v = views.get(key);
            if (!v) {
              v = send({ type: 'getEntity', kind, id }).catch((e: unknown) => {
                views.delete(key);
                throw e;
              });
              views.set(key, v);
            }
            return v;
          },
          compare: (jurisdictions) => void send({ type: 'openSidePanel', jurisdictions: jurisdictions.slice(0, 4) }).catch((e: unknown) => console.warn('[regulatory-lens]', e)),
        }),
    });
    registerPageRequests(ctx, lens);
    ctx.onInvalidated(watchSettings((s) => void lens.apply(s)));
    await lens.apply(await loadSettings());
  },
});
