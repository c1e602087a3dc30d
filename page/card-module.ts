/**
 * The card UI (Preact, floating-ui, the card components, the shadow-root helpers: a quarter of what the
 * content script used to carry) is a module of its own, `card-ui.js`, loaded the first time a card or an
 * announcement is needed (see lazy-module.ts for how).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EntityKind } from '../core/detect/lexicon';
import type { EntityView } from '../protocol/messages';
import type { CardUi } from './card-host';
import { loadProvided, provideModule } from './lazy-module';
import type { Mention } from './mentions';

export { PAGE_MATCHES } from './lazy-module';

/** The module's path in the package; listed in web_accessible_resources (wxt.config.ts, checked by scripts/check-bundles.mjs). */
export const CARD_MODULE_PATH = 'card-ui.js';

export interface CardDeps {
  rectOf(m: Mention): DOMRect | undefined;
  /** Called whenever an open card closes (Escape, leaving it, scrolling away, a click elsewhere). */
  onClosed(): void;
  view(kind: EntityKind, id: string): Promise<EntityView>;
  compare(jurisdictions: string[]): void;
}

export type CardFactory = (ctx: ContentScriptContext, deps: CardDeps) => Promise<CardUi>;

/** A property of the content script world's global object (the page's `window` is a different object). */
const SLOT = '__regulatoryLensCardFactory';

/** Called by the card module when it is evaluated; provides nothing outside the extension's world. */
export function provideCardFactory(factory: CardFactory, opts: { scope?: object; extensionId?: string } = {}): boolean {
  return provideModule(SLOT, factory, opts);
}

/** Imports the card module (once) and returns the factory it provided; rejects when it cannot. */
export function loadCardFactory(opts: { importModule?: () => Promise<unknown>; scope?: object } = {}): Promise<CardFactory> {
  return loadProvided<CardFactory>(SLOT, CARD_MODULE_PATH, 'card UI', opts);
}
