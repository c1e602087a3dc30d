/**
 * The page protocol: what the popup and the background ask a tab's content script, and what it answers.
 *   {type: 'pageMentions'}            -> {ok: true, value: {mentions: [{kind, id, name, count, index}], pageDate?}}
 *   {type: 'revealMention', kind, id} -> {ok: true, value: null}   (scrolls to the first mention, opens its card)
 *   {type: 'browseMentions'}          -> {ok: true, value: null}   (the manifest shortcut, relayed by the background)
 *   {type: 'pageStats'}               -> {ok: true, value: PageStats} (timings, for tests and diagnostics)
 * Requests are checked by hand, not with zod: the content script runs in every tab and its bundle is already
 * near the 100 KB that would allow zod. The answers' schemas are zod/mini, in page-answers.ts, which only the
 * asking side imports (not every zod/mini check is dropped from a bundle that merely imports its module).
 */
import { CITATION_ID } from '../core/detect/citations/engine';
import { ENTITY_KINDS, isId } from '../data/ids';
import type { EntityKind } from '../data/schema';

export type PageRequest =
  { type: 'pageMentions' } | { type: 'revealMention'; kind: EntityKind; id: string } | { type: 'browseMentions' } | { type: 'pageStats' };

export const PAGE_REQUEST_TYPES = new Set(['pageMentions', 'revealMention', 'browseMentions', 'pageStats']);

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
      if (typeof r.kind !== 'string' || !(ENTITY_KINDS as readonly string[]).includes(r.kind))
        return { ok: false, error: 'kind must be framework, jurisdiction or technology' };
      if (typeof r.id !== 'string' || !(r.kind === 'citation' ? CITATION_ID.test(r.id) : isId(r.id)))
        return { ok: false, error: 'id must be a dataset id or a citation' };
      return { ok: true, request: { type: 'revealMention', kind: r.kind as EntityKind, id: r.id } };
    default:
      return { ok: false, error: `unknown request type ${JSON.stringify(r.type)}` };
  }
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
