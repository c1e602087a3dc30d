/**
 * The content script's side of the page protocol (protocol/page.ts): answers the popup's and the
 * background's requests. Only this extension may ask (`sender.id`), and every request is validated.
 */
import { browser } from 'wxt/browser';
import type { Result } from '../protocol/messages';
import type { EntityKind } from '../data/schema';
import { PAGE_REQUEST_TYPES, parsePageRequest, type PageStats } from '../protocol/page';
import type { PageMentions } from '../protocol/page-answers';

export interface PageSide {
  pageMentions(): Promise<PageMentions>;
  revealMention(kind: EntityKind, id: string): Promise<void>;
  browseMentions(): Promise<void>;
  pageStats(): PageStats;
}

/** Validates and answers one request; never throws. Unknown message types are not ours: undefined. */
export async function answerPageRequest(raw: unknown, side: PageSide): Promise<Result<unknown> | undefined> {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !PAGE_REQUEST_TYPES.has(type)) return undefined;
  const parsed = parsePageRequest(raw);
  if (!parsed.ok) return { ok: false, error: `invalid request: ${parsed.error}` };
  try {
    const req = parsed.request;
    switch (req.type) {
      case 'pageMentions':
        return { ok: true, value: await side.pageMentions() };
      case 'revealMention':
        await side.revealMention(req.kind, req.id);
        return { ok: true, value: null };
      case 'browseMentions':
        await side.browseMentions();
        return { ok: true, value: null };
      case 'pageStats':
        return { ok: true, value: side.pageStats() };
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

interface Ctx {
  onInvalidated(cb: () => void): () => void;
}

/** Registers the listener for the content script's lifetime. */
export function registerPageRequests(ctx: Ctx, side: PageSide): void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const answer = answerPageRequest(message, side);
    // Returning undefined (not a promise) for messages that are not ours leaves them to other listeners.
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    return typeof type === 'string' && PAGE_REQUEST_TYPES.has(type) ? answer : undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
