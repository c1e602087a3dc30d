/**
 * Parts of the content script that most pages never use are modules of their own, imported on first need
 * (the content script runs on every page): the card UI (`card-module.ts`), the fuzzy stage's
 * scorer (Fuse.js, `fuzzy-scorer.ts`) and the page's own date, for the popup (`page-date-module.ts`).
 *
 * A content script may `import()` a module the manifest lists in `web_accessible_resources`; the module is
 * evaluated in the content script's own world (Chrome's isolated world, Firefox's sandbox), with the same
 * global object, the same `browser`, and none of the page's globals. WXT builds unlisted scripts as IIFE,
 * without exports, so the module's main() leaves what it provides on that global (`provideModule`) and
 * the content script takes it from there (`loadProvided`). A page sees neither side: its own `window` is
 * another object, and if it imports the file itself, there is no extension API in its world and the
 * module provides nothing.
 */

/** Where the modules may be used: exactly the pages the content script runs on (entrypoints/content/index.ts). */
export const PAGE_MATCHES = ['http://*/*', 'https://*/*'];

type Scope = Record<string, unknown>;

/** Imports tried per module path in this document. */
const attempts = new Map<string, number>();

/**
 * Called by a module when it is evaluated: leaves `value` under `slot` on the global object. Provides
 * nothing outside the extension's world (no extension id); returns whether it provided.
 */
export function provideModule(slot: string, value: unknown, opts: { scope?: object; extensionId?: string } = {}): boolean {
  if (!opts.extensionId) return false;
  ((opts.scope ?? globalThis) as Scope)[slot] = value;
  return true;
}

/**
 * Imports the module at `path` (once per document: the browser keeps it) unless it already provided, and
 * returns the function it left under `slot`. Rejects when the import fails (a page's policy, an extension
 * that was reloaded) or the module provided no function (`what` names it in the error).
 */
export async function loadProvided<T extends (...args: never[]) => unknown>(
  slot: string,
  path: string,
  what: string,
  opts: { importModule?: () => Promise<unknown>; scope?: object } = {},
): Promise<T> {
  const scope = (opts.scope ?? globalThis) as Scope;
  if (typeof scope[slot] !== 'function') {
    // A browser may keep a failed import as the answer for that URL (Chromium 150 does): a retry asks anew.
    const attempt = (attempts.get(path) ?? 0) + 1;
    attempts.set(path, attempt);
    try {
      await (opts.importModule ?? (() => importExtensionModule(attempt > 1 ? `${path}?attempt=${attempt}` : path)))();
    } catch (e) {
      // One message whichever attempt failed, so that a failure that repeats is reported once.
      throw new Error(`${path} could not be imported`, { cause: e });
    }
  }
  const value = scope[slot];
  if (typeof value !== 'function') throw new Error(`${path} provided no ${what}`);
  return value as T;
}

/** The extension API's global name in both browsers' content scripts; only `getURL` is used here. */
declare const chrome: { runtime: { getURL(path: string): string } };

/**
 * A native import() (the URL is known at run time only, so the bundler leaves it alone), written exactly
 * so: Firefox's add-on linter accepts a dynamic import of `chrome.runtime.getURL(...)` and nothing less
 * direct, and the bundler keeps the global `chrome` by name where an imported `browser` is renamed.
 * Chrome answers with the per-session URL (use_dynamic_url).
 */
const importExtensionModule = (path: string): Promise<unknown> => import(/* @vite-ignore */ chrome.runtime.getURL(`/${path}`));
