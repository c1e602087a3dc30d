/**
 * The page level of context when a scan reads only a part of a page. The content script scans a page part
 * by part (and a long text in windows), in whatever order the reader's viewport and the page's changes
 * dictate; what a part says must not depend on that order. So a part is scanned with margins (text around
 * it, read for near context only: it answers for its `own` range) and with the page-level totals of the
 * rest of the page; it hands back its own evidence, to be added to those totals, and a check for every
 * page-level answer it relied on, to be run again once the totals have changed. Scanning every part of a
 * text this way, with margins of MARGIN_CHARS, finds exactly what one scan of the whole text finds.
 *
 * Pure, like the rest of `core/detect`: the bookkeeping across parts (which node holds which evidence)
 * is the page side's (`page/evidence.ts`).
 */
import { NEAR_TECHNOLOGY, PAGE_TECHNOLOGY_MENTIONS, type Evidence } from './evidence';
import { originalStart, type Normalized } from './normalize';

/**
 * What a part needs on each side of it for its decisions to come out as in the whole text: technology
 * words look NEAR_TECHNOLOGY characters away for evidence, and that evidence must itself be read as in the
 * whole text (a name up to MAX_NAME_CHARS long that starts or ends there, the words around it).
 */
export const MAX_NAME_CHARS = 300;
export const MARGIN_CHARS = NEAR_TECHNOLOGY + MAX_NAME_CHARS + 100;

/** Page-level evidence as totals per id (a map never holds a zero). */
export interface PageTotals {
  /** Jurisdictions named (1) or as an adjective (ADJECTIVE_STRENGTH): sum of strengths. */
  readonly jurisdictions: ReadonlyMap<string, number>;
  /** Frameworks named unambiguously: mentions. */
  readonly frameworks: ReadonlyMap<string, number>;
  /** Technologies named unambiguously: mentions. */
  readonly technologies: ReadonlyMap<string, number>;
  /** Acronyms that are also words, written as a lower-case word ("us", "who"): occurrences. */
  readonly words: ReadonlyMap<string, number>;
}

export type EvidenceKind = keyof PageTotals;

/** One piece of page-level evidence in the part's own range; `start` is an offset in the scanned text. */
export interface EvidenceItem {
  kind: EvidenceKind;
  id: string;
  weight: number;
  start: number;
}

export interface PageScope {
  /** The range the scan answers for (offsets in the scanned text; the whole text by default). */
  own?: { start: number; end: number };
  /** Totals of everything on the page outside `own`. */
  rest: PageTotals;
  /** Receives the own range's evidence, once per scan. */
  evidence(items: EvidenceItem[]): void;
  /** Receives a check per page-level answer relied on: false when the page's totals now answer otherwise. */
  depends(check: (page: PageTotals) => boolean): void;
}

export const NO_TOTALS: PageTotals = { jurisdictions: new Map(), frameworks: new Map(), technologies: new Map(), words: new Map() };

/**
 * An all-capitals acronym in shouting text is the word it spells when the page writes that word in lower
 * case (see the matcher's shouting check): the words to look for, as one pattern.
 */
export function wordsPattern(words: Iterable<string>): RegExp | undefined {
  const list = [...new Set(words)].sort((a, b) => b.length - a.length);
  // Not inside an address: "casework@ico.org.uk" or "example.com/us/" do not write the word.
  return list.length ? new RegExp(`(?<![A-Za-z.@/])(?:${list.join('|')})(?![A-Za-z]|[.@/][A-Za-z])`, 'g') : undefined;
}

/** Normalised offset of original offset `o` (the start of a replaced run when `o` falls inside one). */
function normalizedOffset(norm: Normalized, o: number): number {
  const edits = norm.edits;
  let lo = 0;
  let hi = edits.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (edits[mid]!.o <= o) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return o;
  const e = edits[found]!;
  if (o < e.o + e.ol) return e.n;
  return o + e.n + e.nl - (e.o + e.ol);
}

function plus(rest: ReadonlyMap<string, number>, own: Map<string, number>): ReadonlyMap<string, number> {
  if (!own.size) return rest;
  const out = new Map(rest);
  for (const [id, n] of own) out.set(id, (out.get(id) ?? 0) + n);
  return out;
}

/** One scan's page level (created by the matcher when it is given a PageScope). */
export class PageLevel {
  /** The own range, in normalised offsets. */
  private readonly from: number;
  private readonly to: number;
  private readonly ownWords = new Map<string, number>();
  private readonly items: EvidenceItem[] = [];
  private named?: { jurisdictions: ReadonlyMap<string, number>; frameworks: ReadonlyMap<string, number> };

  constructor(
    private readonly scope: PageScope,
    private readonly norm: Normalized,
    pattern: RegExp | undefined,
  ) {
    const text = norm.text;
    this.from = scope.own ? normalizedOffset(norm, scope.own.start) : 0;
    this.to = scope.own ? normalizedOffset(norm, scope.own.end) : text.length;
    if (pattern) {
      // Read in the whole scanned text from the own range's start, so that the word before counts as in the page.
      pattern.lastIndex = this.from;
      for (let m = pattern.exec(text); m && m.index < this.to; m = pattern.exec(text)) {
        this.ownWords.set(m[0], (this.ownWords.get(m[0]) ?? 0) + 1);
        this.item('words', m[0], 1, m.index);
      }
    }
  }

  /** Whether a position (normalised) is in the own range. */
  owns(pos: number): boolean {
    return pos >= this.from && pos < this.to;
  }

  depends(check: (page: PageTotals) => boolean): void {
    this.scope.depends(check);
  }

  /**
   * Page totals of jurisdictions and frameworks: the rest of the page plus the own range's evidence found
   * by the text's first pass (what the resolver of a whole text counts too).
   */
  names(page: { jurisdictions: Evidence; frameworks: Evidence }): {
    jurisdictions: ReadonlyMap<string, number>;
    frameworks: ReadonlyMap<string, number>;
  } {
    if (this.named) return this.named;
    const j = new Map<string, number>();
    const f = new Map<string, number>();
    for (const m of page.jurisdictions.items) {
      if (!this.owns(m.start)) continue;
      j.set(m.id, (j.get(m.id) ?? 0) + m.strength);
      this.item('jurisdictions', m.id, m.strength, m.start);
    }
    for (const m of page.frameworks.items) {
      if (!this.owns(m.start)) continue;
      f.set(m.id, (f.get(m.id) ?? 0) + 1);
      this.item('frameworks', m.id, 1, m.start);
    }
    this.named = { jurisdictions: plus(this.scope.rest.jurisdictions, j), frameworks: plus(this.scope.rest.frameworks, f) };
    return this.named;
  }

  /** Whether the page writes `word` in lower case. */
  usesWord(word: string): boolean {
    const uses = (this.ownWords.get(word) ?? 0) > 0 || (this.scope.rest.words.get(word) ?? 0) > 0;
    this.depends((t) => (t.words.get(word) ?? 0) > 0 === uses);
    return uses;
  }

  /** Whether the page names technology `id` unambiguously often enough for its generic words to count. */
  technologyNamed(id: string, strong: Evidence | undefined): boolean {
    let named = this.scope.rest.technologies.get(id) ?? 0;
    for (const m of strong?.items ?? []) if (m.strength > 0 && this.owns(m.start)) named++;
    const enough = named >= PAGE_TECHNOLOGY_MENTIONS;
    this.depends((t) => (t.technologies.get(id) ?? 0) >= PAGE_TECHNOLOGY_MENTIONS === enough);
    return enough;
  }

  /** Hands the own range's evidence to the page side (technologies as they are at the end of the scan). */
  finish(page: { jurisdictions: Evidence; frameworks: Evidence }, technologies: ReadonlyMap<string, Evidence>): void {
    this.names(page);
    for (const [id, e] of technologies)
      for (const m of e.items) if (m.strength > 0 && this.owns(m.start)) this.item('technologies', id, 1, m.start);
    this.scope.evidence(this.items);
  }

  private item(kind: EvidenceKind, id: string, weight: number, start: number): void {
    this.items.push({ kind, id, weight, start: originalStart(this.norm, start) });
  }
}
