/**
 * The popup's side of the page protocol (protocol/page.ts): asks the content script in one tab what it
 * found there, and to reveal a mention. Browser pages, the web store and tabs opened before the extension have no content script: sending there
 * rejects, which is an answer ("this page cannot be read"), not a failure.
 */
import { browser } from 'wxt/browser';
import type { EntityKind } from '../../data/schema';
import { PageMentionsAnswer, RevealAnswer, StatsAnswer, type PageMention } from '../../protocol/page-answers';
import { t } from '../../platform/i18n';

export type PageState =
  { status: 'loading' } | { status: 'unreadable'; reason: string } | { status: 'ok'; mentions: PageMention[]; pageDate?: string };

export interface TargetTab {
  id: number;
  windowId?: number;
  /** Only known when the browser tells the extension the tab's address. */
  host?: string;
  /** The tab's address, when the browser tells it (activeTab: the tab the popup was opened on). */
  url?: string;
}

/**
 * The tab the popup is about: the active tab of the current window. A test may name another one with
 * `popup.html?tab=<id>` (Playwright cannot open the real popup over a page); that only changes which tab
 * the popup asks, and the content script there still decides what to answer.
 */
export async function targetTab(search: string = location.search): Promise<TargetTab | undefined> {
  const named = new URLSearchParams(search).get('tab');
  const tab =
    named && /^\d{1,10}$/.test(named)
      ? await browser.tabs.get(Number(named)).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  return { id: tab.id, windowId: tab.windowId, host: hostOf(tab.url), ...(tab.url ? { url: tab.url } : {}) };
}

/** Web pages only: a site can be paused, a browser page cannot. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

const UNREADABLE = () => t('pageUnreadable');

/** Mentions found on the tab, most mentioned first; never rejects. */
export async function readPage(tabId: number | undefined, timeoutMs = 5000): Promise<PageState> {
  if (tabId === undefined) return { status: 'unreadable', reason: UNREADABLE() };
  let raw: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // A content script that never answers must not leave the tab saying "Reading this page..." for ever.
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    raw = await Promise.race([browser.tabs.sendMessage(tabId, { type: 'pageMentions' }), late]);
    if (raw === 'late') return { status: 'unreadable', reason: t('pageLate') };
  } catch {
    return { status: 'unreadable', reason: UNREADABLE() };
  } finally {
    clearTimeout(timer);
  }
  const answer = PageMentionsAnswer.safeParse(raw);
  if (!answer.success) return { status: 'unreadable', reason: UNREADABLE() };
  // The content script's own reasons ("Regulatory Lens is paused on this site.") are written for the reader.
  if (!answer.data.ok) return { status: 'unreadable', reason: answer.data.error };
  const { mentions, pageDate } = answer.data.value;
  return { status: 'ok', mentions: sortMentions(mentions), ...(pageDate ? { pageDate } : {}) };
}

export function sortMentions(mentions: PageMention[]): PageMention[] {
  return [...mentions].sort((a, b) => b.count - a.count || a.index - b.index);
}

/**
 * The tab's host name. The browser tells an extension without the `tabs` permission no addresses, so
 * where it does not, the content script says where it runs (its `pageStats` answer, which it gives even
 * while paused). Undefined where no content script runs: nothing there to pause.
 */
export async function siteOf(tab: TargetTab | undefined): Promise<string | undefined> {
  if (!tab) return undefined;
  if (tab.host) return tab.host;
  try {
    const answer = StatsAnswer.safeParse(await browser.tabs.sendMessage(tab.id, { type: 'pageStats' }));
    return answer.success ? hostOf(answer.data.value.url) : undefined;
  } catch {
    return undefined;
  }
}

/** The address the tab's content script reports (its `pageStats`), where one runs there. */
export async function reportedUrl(tab: TargetTab): Promise<string | undefined> {
  const answer = StatsAnswer.safeParse(await browser.tabs.sendMessage(tab.id, { type: 'pageStats' }).catch(() => undefined));
  return answer.success ? answer.data.value.url : undefined;
}

/** Scrolls the page to the entity's first mention and opens its card there. Resolves to an error message, or undefined. */
export async function revealMention(tabId: number, ref: { kind: EntityKind; id: string }): Promise<string | undefined> {
  try {
    const answer = RevealAnswer.safeParse(await browser.tabs.sendMessage(tabId, { type: 'revealMention', kind: ref.kind, id: ref.id }));
    if (!answer.success) return t('pageNoAnswer');
    return answer.data.ok ? undefined : answer.data.error;
  } catch {
    return t('pageUnreachable');
  }
}
