import '../../components/card.css';
import { send } from '../../utils/rpc';
import { Lens } from '../../utils/page/lens';
import { registerPageRequests } from '../../utils/page/page-requests';
import { loadSettings, watchSettings } from '../../utils/settings';
import { createCardUi } from './card-ui';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    if (!document.documentElement) return;
    const views = new Map<string, ReturnType<typeof send<'getEntity'>>>();
    const lens = new Lens({
      ctx,
      loadLexicon: () => send({ type: 'getLexicon' }),
      createCard: (hooks) =>
        createCardUi(ctx, {
          ...hooks,
          view: (kind, id) => {
            const key = `${kind}:${id}`;
            let v = views.get(key);
            if (!v) views.set(key, (v = send({ type: 'getEntity', kind, id }).catch((e: unknown) => (views.delete(key), Promise.reject(e)))));
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
