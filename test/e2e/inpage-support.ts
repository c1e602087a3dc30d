/**
 * Helpers for the in-page specs: talking to a tab's content script the way the popup does (through the
 * extension, never the page), changing settings the way the options page does (storage.local), and
 * reading what the page paints (CSS.highlights is the document's, so the page can count ranges).
 */
import type { Page, Worker } from '@playwright/test';
import { expect } from './fixtures';
import { DENSITIES, SETTINGS_DEFAULTS, THEMES } from '../../platform/settings-defaults';

export const HIGHLIGHTS = ['reglens-framework', 'reglens-jurisdiction', 'reglens-technology'] as const;

/** Sends a page request to the content script of the tab showing `url`; resolves to its `{ok, ...}` answer. */
export async function pageRequest<T = unknown>(
  sw: Worker,
  url: string,
  message: object,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  return sw.evaluate(
    async ({ url, message }) => {
      // Without the "tabs" permission tabs carry no URL: ask each content script where it is.
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const stats = (await chrome.tabs.sendMessage(tab.id, { type: 'pageStats' }).catch(() => undefined)) as
          { ok?: boolean; value?: { url: string } } | undefined;
        if (stats?.ok && stats.value?.url === url) return chrome.tabs.sendMessage(tab.id, message);
      }
      throw new Error(`no content script answers for ${url}`);
    },
    { url, message },
  ) as never;
}

export type { PageStats } from '../../protocol/page';
import type { PageStats } from '../../protocol/page';

export async function pageStats(sw: Worker, page: Page): Promise<PageStats> {
  const res = await pageRequest<PageStats>(sw, page.url(), { type: 'pageStats' });
  if (!res.ok) throw new Error(res.error);
  return res.value;
}

/** Waits until the content script has finished its first full scan of the page. */
export async function scanned(sw: Worker, page: Page, timeout = 20_000): Promise<PageStats> {
  let stats: PageStats | undefined;
  await expect
    .poll(
      async () => {
        stats = await pageStats(sw, page).catch(() => undefined);
        return stats?.initialScanDone !== undefined;
      },
      { timeout, intervals: [100, 200, 300] },
    )
    .toBe(true);
  return stats!;
}

type Defaults = typeof SETTINGS_DEFAULTS;
type SettingsPatch = Partial<{
  enabled: boolean;
  pausedHosts: string[];
  kinds: Partial<Record<keyof Defaults['kinds'], boolean>>;
  density: Partial<Record<keyof Defaults['density'], (typeof DENSITIES)[number]>>;
  theme: (typeof THEMES)[number];
}>;

const DEFAULTS = SETTINGS_DEFAULTS;

/** Writes settings as the options page would (same storage key), starting from the defaults. */
export async function setSettings(sw: Worker, patch: SettingsPatch): Promise<void> {
  const value = {
    ...DEFAULTS,
    ...patch,
    kinds: { ...DEFAULTS.kinds, ...patch.kinds },
    density: { ...DEFAULTS.density, ...patch.density },
  };
  await sw.evaluate((settings) => chrome.storage.local.set({ settings }), value);
}

export async function resetSettings(sw: Worker): Promise<void> {
  await sw.evaluate(() => chrome.storage.local.remove(['settings', 'settings$']));
}

/** Ranges per highlight name, in the top document or (with `frame`) in a same-origin frame. */
export function highlightSizes(page: Page, frame?: string): Promise<Record<string, number>> {
  return page.evaluate(
    ({ names, frame }) => {
      const win = frame ? (document.querySelector<HTMLIFrameElement>(frame)!.contentWindow as typeof window) : window;
      return Object.fromEntries(names.map((n) => [n, win.CSS.highlights.get(n)?.size ?? 0]));
    },
    { names: [...HIGHLIGHTS, 'reglens-current'], frame },
  );
}

export async function totalHighlights(page: Page): Promise<number> {
  const s = await highlightSizes(page);
  return HIGHLIGHTS.reduce((n, k) => n + (s[k] ?? 0), 0);
}

/** The painted text of every range of a highlight, with where it sits. */
export function paintedTexts(
  page: Page,
  name: string,
): Promise<{ text: string; connected: boolean; inShadow: boolean; closest: string | null }[]> {
  return page.evaluate((name) => {
    const out: { text: string; connected: boolean; inShadow: boolean; closest: string | null }[] = [];
    for (const r of (CSS.highlights.get(name) ?? []) as Iterable<StaticRange>) {
      const range = document.createRange();
      let text: string;
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        text = range.toString();
      } catch {
        text = '';
      }
      const el = r.startContainer.parentElement;
      out.push({
        text,
        connected: r.startContainer.isConnected,
        inShadow: r.startContainer.getRootNode() instanceof ShadowRoot,
        closest: el?.closest('[id]')?.id ?? null,
      });
    }
    return out;
  }, name);
}

/** Centre of the first occurrence of `text` inside `selector` (scrolled into view), optionally inside a shadow host. */
export async function pointAt(
  page: Page,
  selector: string,
  text: string,
  opts: { shadowHost?: string; nth?: number } = {},
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ selector, text, host, nth }) => {
      const scope: ParentNode = host ? document.querySelector(host)!.shadowRoot! : document;
      const el = scope.querySelector(selector);
      if (!el) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let from = 0;
        for (;;) {
          const i = (n as Text).data.indexOf(text, from);
          if (i < 0) break;
          from = i + 1;
          if (seen++ < nth) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + text.length);
          (el as HTMLElement).scrollIntoView({ block: 'center' });
          const rect = r.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    { selector, text, host: opts.shadowHost, nth: opts.nth ?? 0 },
  );
}

/** Text of the aria-live region in the card's shadow root. */
export function liveText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('reg-lens-card')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? '');
}
