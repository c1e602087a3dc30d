/**
 * Reading the page's own date (page-date.ts, over core/page-date/) is a module of its own, `page-date.js`,
 * loaded when the popup asks what the page mentions (it marks what changed since the page was written):
 * most page loads never need it, and the card module, which the popup's questions must not load, is
 * larger. See lazy-module.ts for how.
 */
import { loadProvided, provideModule } from './lazy-module';

/** The module's path in the package; listed in web_accessible_resources (wxt.config.ts, checked by scripts/check-bundles.mjs). */
export const PAGE_DATE_MODULE_PATH = 'page-date.js';

/** The date a document publishes for itself (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or undefined. */
export type PageDateReader = (doc: Document) => string | undefined;

const SLOT = '__regulatoryLensPageDate';

/** Called by the module when it is evaluated; provides nothing outside the extension's world. */
export function providePageDateReader(read: PageDateReader, opts: { scope?: object; extensionId?: string } = {}): boolean {
  return provideModule(SLOT, read, opts);
}

/** Imports the module (once) and returns its reader; rejects when it cannot. */
export function loadPageDateReader(opts: { importModule?: () => Promise<unknown>; scope?: object } = {}): Promise<PageDateReader> {
  return loadProvided<PageDateReader>(SLOT, PAGE_DATE_MODULE_PATH, 'page date reader', opts);
}
