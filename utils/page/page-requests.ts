/**
 * The content script's side of the page protocol (the popup's side is `utils/page-client.ts`):
 *   {type: 'pageMentions'}            -> {ok: true, value: {mentions: [{kind, id, name, count, index}]}}
 *   {type: 'revealMention', kind, id} -> {ok: true, value: null}   (scrolls to the first mention, opens its card)
 *   {type: 'browseMentions'}          -> {ok: true, value: null}   (the manifest shortcut, relayed by the background)
 *   {type: 'pageStats'}               -> {ok: true, value: PageStats} (timings, for tests and diagnostics)
 * Only this extension may ask (`sender.id`), and every request is validated. By hand, not with zod: the
 * content script runs in every tab and its bundle is already past the 100 KB that would allow zod.
 */
import { browser } from 'wxt/browser';
import type { EntityKind } from '../detect/lexicon';
import type { Result } from '../messages';
import { KINDS } from '../settings';
import { CITATION_ID } from '../detect/citations/engine';

export type PageRequest =
  | { type: 'pageMentions' }
  | { type: 'revealMention'; kind: EntityKind; id: string }
  | { type: 'browseMentions' }
  | { type: 'pageStats' };

export const PAGE_REQUEST_TYPES = new Set(['pageMentions', 'revealMention', 'browseMentions', 'pageStats']);
const ID = /^[a-z0-9-]{1,80}$/;

/** The request, or what is wrong with it. Extra keys are refused, as the background's strict schemas do. */
export function parsePageRequest(raw: unknown): { ok: true; request: PageRequest } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'expected an object' };
  const r = raw as Record<string, unknown>;
  const keys = Object.keys(r).sort().join(',');
  switch (r.type) {
    case 'pageMentions':
    case 'browseMentions':
    case 'pageStats':
      return keys === 'type' ? { ok: true, request: { type: r.type } } : { ok: false, error: `unexpected keys in ${r.type}: ${keys}` };
    case 'revealMention':
      if (keys !== 'id,kind,type') return { ok: false, error: `revealMention takes kind and id, got ${keys}` };
      if (typeof r.kind !== 'string' || !(KINDS as readonly string[]).includes(r.kind)) return { ok: false, error: 'kind must be framework, jurisdiction or technology' };
      if (typeof r.id !== 'string' || !(r.kind === 'citation' ? CITATION_ID : ID).test(r.id)) return { ok: false, error: 'id must be a dataset id or a citation' };
      return { ok: true, request: { type: 'revealMention', kind: r.kind as EntityKind, id: r.id } };
    default:
      return { ok: false, error: `unknown request type ${JSON.stringify(r.type)}` };
  }
}

export interface PageMention {
  kind: EntityKind;
  id: string;
  name: string;
  /** Mentions of the entity on the page (all of them, painted or not). */
  count: number;
  /** Position of the entity's first mention among all entities' first mentions, in reading order. */
  index: number;
}

export interface PageStats {
  url: string;
  active: boolean;
  /** Milliseconds since navigation start (performance.now()), undefined until it happened. */
  scriptStart: number;
  /** When the background's lexicon arrived (the settings read and the message round trip before it). */
  lexiconReceived?: number;
  matcherReady?: number;
  /** Main-thread time spent compiling and warming up the matcher, and its longest task. */
  matcherInitMs?: number;
  matcherLongestTaskMs?: number;
  firstHighlight?: number;
  /** In which slice (1-based) the first highlight was painted. */
  firstHighlightChunk?: number;
  initialScanDone?: number;
  longestChunkMs: number;
  chunks: number;
  /** Slices that ran past the budget (a single unit or paint that could not be cut). */
  chunksOverBudget: number;
  /** Full scans of a root (the first ones, then rescans after mutation storms and SPA navigations). */
  fullScans: number;
  /** Scans of the blocks a batch of mutations changed. */
  changeScans: number;
  units: number;
  textNodes: number;
  chars: number;
  /** Characters scanned again because the rest of the page changed what they said (settling; scan.ts). */
  rescannedChars: number;
  mentions: number;
  painted: number;
}

export interface PageSide {
  pageMentions(): Promise<{ mentions: PageMention[] }>;
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
