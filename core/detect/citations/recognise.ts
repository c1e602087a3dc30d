/**
 * The recogniser with every form compiled in, for where the patterns need not travel: the background
 * (tables, cards), the popup's lookup, the CLI and the tests. The content script compiles the patterns it
 * receives with the matcher's tables instead (see detections.ts).
 */
import { normalizeText } from '../normalize';
import { MAX_CITATION, compileForms, scanCitations, type CitationContext, type CitationHit, type CompiledForms } from './engine';
import { PATTERNS } from './forms';

let compiled: CompiledForms | undefined;

const NO_CONTEXT: CitationContext = { jurisdiction: () => false, state: () => undefined };

/** Citations in normalised `text` (see engine.ts), read with what `context` says the page establishes. */
export function findCitations(text: string, context: CitationContext = NO_CONTEXT): CitationHit[] {
  return scanCitations(text, context, (compiled ??= compileForms(PATTERNS)));
}

/** Everything established: an alias of a record or a typed query names its own context. */
const ALL_ESTABLISHED: CitationContext = { jurisdiction: () => true, state: () => undefined };

/**
 * The citation a short text is, as a whole ("Regulation (EU) 2016/679", "EO 14110", "2022/868" with
 * `bareEu`), for aliases and the popup's lookup; undefined when it is not exactly one citation.
 */
export function citationOf(text: string, opts: { state?: string } = {}): CitationHit | undefined {
  const norm = normalizeText(text).trim();
  if (!norm || norm.length > MAX_CITATION) return undefined;
  const context = opts.state ? { ...ALL_ESTABLISHED, state: () => opts.state } : ALL_ESTABLISHED;
  const hits = findCitations(norm, context);
  return hits.length === 1 && hits[0]!.start === 0 && hits[0]!.end === norm.length ? hits[0] : undefined;
}

/** A bare EU number ("2022/868"): the year/number of the three kinds of act it may be. */
const BARE_EU = /^((?:19|20)\d\d)\/(\d{1,4})$/;

/**
 * What a typed query cites: the one citation it is, or for a bare EU number every act it may be (a
 * regulation, a directive, a decision). Empty when it cites nothing.
 */
export function citationsOfQuery(query: string): CitationHit[] {
  const q = normalizeText(query).trim();
  const bare = BARE_EU.exec(q);
  if (bare)
    return ['Regulation', 'Directive', 'Decision']
      .flatMap((w) => citationOf(`${w} (EU) ${q}`) ?? [])
      .map((h) => ({ ...h, start: 0, end: q.length }));
  const one = citationOf(q);
  return one ? [one] : [];
}
