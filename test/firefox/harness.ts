/**
 * The Firefox harness: a real, stock Firefox (Debian's firefox-esr, or the 140 ESR unpacked beside it) driven
 * over WebDriver BiDi by puppeteer-core, with the built extension installed as a temporary add-on, the test
 * pages served from 127.0.0.1, and every other request the browser makes sent to a recording proxy.
 *
 * Traps worked around (each found by running it):
 *  - Firefox picks a random internal UUID per install: the `extensions.webextensions.uuids` pref, set before
 *    the install, fixes it, so moz-extension://<UUID>/ is known.
 *  - BiDi refuses moz-extension:// navigations unless Firefox runs with --remote-allow-system-access, and
 *    page.goto() there never sees the load event: extension pages are opened on the raw browsing context.
 *  - page.setViewport() also sends a command Firefox 140 lacks: the size is set on the browsing context.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serve } from '../../scripts/serve.mjs';
import { SETTINGS_DEFAULTS } from '../../platform/settings-defaults';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = resolve(ROOT, process.env.RL_OUT_DIR ?? '.output', 'firefox-mv3');
export const FIXTURES = resolve(ROOT, 'test/fixtures/pages');
/** Any fixed v4-shaped UUID. */
export const UUID = '0b3c4d5e-1111-4222-8333-123456789abc';
export const HIGHLIGHTS = ['reglens-framework', 'reglens-jurisdiction', 'reglens-technology'] as const;

export const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
  browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
  sidebar_action?: { default_panel: string };
  commands?: Record<string, { suggested_key?: { default?: string } }>;
};
export const ADDON_ID = manifest.browser_specific_settings.gecko.id;

/** Every request that tried to leave the machine: anything not to 127.0.0.1 goes through this proxy, which answers none. */
async function recordingProxy(): Promise<{ port: number; seen: string[]; close(): void }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    seen,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

export interface Session {
  browser: Browser;
  /** "firefox/140.12.0" */
  version: string;
  major: number;
  server: { url: string; close(): Promise<void> };
  /** Paths the test server was asked for. */
  served: string[];
  /** Requests that tried to leave the machine (the proxy's log). */
  outside: string[];
  /** Uncaught errors, console errors and our own failure reports, from every page opened. */
  errors: string[];
  /** An extension page kept open to reach the extension's APIs (storage, tabs, IndexedDB, sidebar). */
  control: Page;
  close(): Promise<void>;
}

export async function launch(executablePath: string): Promise<Session> {
  const proxy = await recordingProxy();
  const served: string[] = [];
  const server = await serve([resolve(ROOT, 'test/pages'), FIXTURES], 0, (u) => served.push(new URL(u, 'http://x').pathname));

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    dumpio: process.env.RL_FIREFOX_DUMPIO === '1',
    args: ['--remote-allow-system-access'],
    // Release builds ignore services.settings.server (puppeteer points it at a dummy host) unless this is set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      // Firefox's own traffic, so that whatever reaches the proxy is the extension's.
      'network.captive-portal-service.enabled': false,
      // Content scripts' console output on Firefox's stdout (seen with RL_FIREFOX_DUMPIO=1).
      'devtools.console.stdout.content': true,
      'network.connectivity-service.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      // Everything but 127.0.0.1 (never proxied) goes to the recording proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.share_proxy_settings': true,
    },
  });
  const version = await browser.version();
  const errors: string[] = [];
  const session: Session = {
    browser,
    version,
    major: Number(version.split('/')[1]?.split('.')[0]),
    server,
    served,
    outside: proxy.seen,
    errors,
    control: undefined as unknown as Page,
    async close() {
      await browser.close().catch(() => {});
      await session.server.close();
      proxy.close();
    },
  };
  return session;
}

export function watch(s: Session, page: Page, label: string): Page {
  page.on('pageerror', (e) => s.errors.push(`${label}: ${(e as Error).message ?? e}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().includes('[regulatory-lens]')) s.errors.push(`${label}: ${m.type()} ${m.text()}`);
  });
  return page;
}

/** puppeteer's BiDi browsing context behind a page (not part of its typed API). */
interface BrowsingContext {
  setViewport(o: { viewport: { width: number; height: number } }): Promise<void>;
  navigate(url: string, wait: 'complete'): Promise<void>;
}
const contextOf = (page: Page) => (page.mainFrame() as unknown as { browsingContext: BrowsingContext }).browsingContext;

/** page.setViewport() also sends emulation.setScreenOrientationOverride, unknown to Firefox 140. */
export const setSize = (page: Page, width: number, height: number) => contextOf(page).setViewport({ viewport: { width, height } });

/** A new tab on one of the extension's own pages. */
export async function extensionPage(s: Session, path: string, ready: string, size = { width: 1000, height: 800 }): Promise<Page> {
  const page = watch(s, await s.browser.newPage(), path);
  await setSize(page, size.width, size.height);
  await contextOf(page).navigate(`moz-extension://${UUID}/${path}`, 'complete');
  await page.waitForSelector(ready, { timeout: 10_000 });
  return page;
}

/** A new tab on a test page, with the body as the page wrote it kept in `__bodyBefore` (read before any content script runs). */
export async function webPage(s: Session, path: string): Promise<Page> {
  const page = watch(s, await s.browser.newPage(), path);
  await setSize(page, 1000, 800);
  await page.evaluateOnNewDocument(() => {
    document.addEventListener(
      'DOMContentLoaded',
      () => ((window as unknown as { __bodyBefore: string }).__bodyBefore ??= document.body.innerHTML),
      { once: true },
    );
  });
  await page.goto(`${s.server.url}/${path}`);
  return page;
}

/** Polls `fn` until it returns something `ok` accepts; throws with the last value after `timeout`. */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, { timeout = 10_000, what = 'condition' } = {}): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await fn();
      error = undefined;
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${error ? String(error) : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ranges per highlight name in the top document (CSS.highlights is the document's: the page can count them). */
export function highlightSizes(page: Page, frame?: string): Promise<Record<string, number>> {
  return page.evaluate(
    (names, frame) => {
      const win = frame ? (document.querySelector<HTMLIFrameElement>(frame)!.contentWindow as typeof window) : window;
      return Object.fromEntries(names.map((n) => [n, win.CSS.highlights.get(n)?.size ?? 0]));
    },
    [...HIGHLIGHTS, 'reglens-current'],
    frame,
  );
}

export async function totalHighlights(page: Page): Promise<number> {
  const s = await highlightSizes(page);
  return HIGHLIGHTS.reduce((n, k) => n + (s[k] ?? 0), 0);
}

/** Sends a page request to the content script of the tab showing `url`, through the extension (as the popup does). */
export function pageRequest<T = unknown>(
  s: Session,
  url: string,
  message: object,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  return s.control.evaluate(
    async (url, message) => {
      for (const tab of await browser.tabs.query({})) {
        if (tab.id === undefined) continue;
        const stats = (await browser.tabs.sendMessage(tab.id, { type: 'pageStats' }).catch(() => undefined)) as
          { ok?: boolean; value?: { url: string } } | undefined;
        if (stats?.ok && stats.value?.url === url) return browser.tabs.sendMessage(tab.id, message);
      }
      throw new Error(`no content script answers for ${url}`);
    },
    url,
    message,
  ) as never;
}

/** The tab id of the page showing `url`. */
export async function tabIdOf(s: Session, url: string): Promise<number> {
  return until(
    () => s.control.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id, url),
    (id) => id !== undefined,
    { what: `a tab on ${url}` },
  ) as Promise<number>;
}

/** Waits until the content script has finished its first full scan of the page. */
export async function scanned(s: Session, page: Page): Promise<void> {
  await until(
    () => pageRequest<{ initialScanDone?: number }>(s, page.url(), { type: 'pageStats' }),
    (r) => r.ok && r.value.initialScanDone !== undefined,
    { timeout: 20_000, what: `the first scan of ${page.url()}` },
  );
}

/** Writes settings as the options page would (same storage key), starting from the defaults. */
export async function setSettings(s: Session, patch: Partial<typeof SETTINGS_DEFAULTS>): Promise<void> {
  await s.control.evaluate((settings) => browser.storage.local.set({ settings }), { ...SETTINGS_DEFAULTS, ...patch });
}

export async function resetSettings(s: Session): Promise<void> {
  await s.control.evaluate(() => browser.storage.local.remove(['settings', 'settings$']));
}

/** Viewport centre of the first occurrence of `text` inside `selector`, scrolled into view. */
export function pointAt(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (selector, text) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(text);
        if (i < 0) continue;
        (el as HTMLElement).scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + text.length);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    selector,
    text,
  );
}

/** Whether the card for `id` is shown (in its shadow root, hung off <html>). */
export function cardShown(page: Page, id?: string): Promise<boolean> {
  return page.evaluate((id) => {
    const c = document
      .querySelector('reg-lens-card')
      ?.shadowRoot?.querySelector<HTMLElement>(id ? `.rl-card[data-id="${id}"]` : '.rl-card');
    return !!c && c.getClientRects().length > 0 && getComputedStyle(c).visibility !== 'hidden';
  }, id);
}

/** Text of the aria-live region in the card's shadow root. */
export const liveText = (page: Page) =>
  page.evaluate(() => document.querySelector('reg-lens-card')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? '');

/** The newest comparison stored in the extension's IndexedDB. */
export function lastComparison(s: Session): Promise<string[] | undefined> {
  return s.control.evaluate(
    () =>
      new Promise<string[] | undefined>((ok) => {
        const req = indexedDB.open('regulatory-lens');
        req.onsuccess = () => {
          const all = req.result.transaction('comparisons').objectStore('comparisons').getAll();
          all.onsuccess = () => {
            req.result.close();
            ok((all.result as { jurisdictions: string[] }[]).at(-1)?.jurisdictions);
          };
        };
      }),
  );
}

/**
 * The popup pointed at a tab, in a popup window of its own over the page (as the Chromium specs open it), so the
 * page stays the visible tab of its window, as under a real popup.
 */
export async function popupWindow(s: Session, tabId: number): Promise<Page> {
  const path = `popup.html?tab=${tabId}`;
  const before = new Set(await s.browser.pages());
  await s.control.evaluate((url) => browser.windows.create({ url, type: 'popup', width: 400, height: 600 }).then(() => undefined), path);
  // BiDi reports no URL for moz-extension:// contexts (see above): the popup is the page that was not there before.
  const added = await until(
    async () => (await s.browser.pages()).filter((p) => !before.has(p)),
    (l) => l.length === 1,
    { what: 'the popup window' },
  );
  const page = watch(s, added[0]!, path);
  await page.waitForSelector('main[data-ready]', { timeout: 10_000 });
  return page;
}
