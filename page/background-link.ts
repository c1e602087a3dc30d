/**
 * What the content script asks the background for, wired for the Lens: the matcher's tables (asked for at
 * once, so the round trip overlaps reading the settings), the card module with entity views cached per page,
 * and "Compare in side panel".
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../protocol/rpc';
import { loadCardFactory, type CardFactory } from './card-module';
import type { LensOptions } from './lens';

export function backgroundLink(
  ctx: ContentScriptContext,
  // The content script imports the card module on first need; an extension page (the PDF reader) bundles it,
  // since Chrome's per-session URL of the module is not the page's own origin, which its CSP requires.
  cardFactory: () => Promise<CardFactory> = () => loadCardFactory(),
): Pick<LensOptions, 'loadMatcherTables' | 'createCard'> {
  const views = new Map<string, ReturnType<typeof send<'getEntity'>>>();
  // Later starts (switched off and on, or the first request failed) ask again.
  let early: ReturnType<typeof send<'getLexicon'>> | undefined = send({ type: 'getLexicon' });
  early.catch(() => undefined);
  const view = (kind: Parameters<typeof send<'getEntity'>>[0]['kind'], id: string) => {
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
  };
  const compare = (jurisdictions: string[]) =>
    void send({ type: 'openSidePanel', jurisdictions: jurisdictions.slice(0, 4) }).catch((e: unknown) =>
      console.warn('[regulatory-lens]', e),
    );
  return {
    loadMatcherTables: () => {
      const p = early ?? send({ type: 'getLexicon' });
      early = undefined;
      return p;
    },
    // The card UI is a module of its own, loaded on first need (most pages never open a card).
    createCard: async (hooks) => (await cardFactory())(ctx, { ...hooks, view, compare }),
  };
}
