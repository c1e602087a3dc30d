/**
 * Page text and dataset names meet in one form. Real pages write the same name many ways: typographic
 * apostrophes and dashes, non-breaking and zero-width spaces, soft hyphens inside words, full-width or
 * ligature letters (NFKC), dotted acronyms ("U.S.", "A.I."), line breaks and indentation inside a name. The normalised text can be shorter or longer
 * than the original, so every change of length is recorded as an edit and offsets found in the normalised
 * text are mapped back to the original, which is what the caller painted and holds offsets into.
 *
 * Cost matters (this runs over whole pages on the main thread): ASCII-only text without dotted acronyms
 * is returned as is after one regex test, and each distinct non-ASCII character is folded once per page.
 */

/** A replacement that changed the length: `n..n+nl` in the normalised text was `o..o+ol` in the original. */
export interface Edit {
  n: number;
  nl: number;
  o: number;
  ol: number;
}

export interface Normalized {
  text: string;
  /** Sorted by position; empty when every offset is the same in both texts. */
  edits: Edit[];
}

/** Characters that carry no letter and vanish: soft hyphen, zero-width spaces and joiners, BOM. */
const REMOVED = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u180e']);

const FOLD: Record<string, string> = {};
for (const c of '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000')
  FOLD[c] = ' ';
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d') FOLD[c] = '-';
for (const c of '\u2018\u2019\u201a\u201b\u2032\u02bc\uff07') FOLD[c] = "'";
for (const c of '\u201c\u201d\u201e\u201f\u2033\uff02') FOLD[c] = '"';

/**
 * Letters, digits and marks take their NFKC form (full-width "ＡＩ", ligatures, composed accents), and so do
 * the full-width forms block; other symbols keep theirs, so "AI™" does not become "AITM".
 */
const NFKC_ELIGIBLE = /[\p{L}\p{N}\p{M}\uff00-\uffef]/u;

function foldCluster(c: string): string {
  if (c.length === 1) {
    if (REMOVED.has(c)) return '';
    const f = FOLD[c];
    if (f !== undefined) return f;
  }
  return NFKC_ELIGIBLE.test(c) ? c.normalize('NFKC') : c;
}

/**
 * What needs work: a run of two or more whitespace characters (one space is enough between the words of a
 * name, and the matcher's regex is much cheaper to compile when it can expect one), a dotted acronym of
 * two or more capitals ("U.S.", "E.U.", "A.I."), a character followed by combining marks (composed
 * together), or any other non-ASCII character.
 */
const WORK = /\s{2,}|(?<![A-Za-z0-9.])(?:[A-Z]\.){2,}(?![A-Za-z0-9])|[^\x00-\x7f]/g;
/** The same, for text with combining marks (rare: decomposed accents); slower, as it tries every position. */
const WORK_COMBINING = /\s{2,}|(?<![A-Za-z0-9.])(?:[A-Z]\.){2,}(?![A-Za-z0-9])|[^][\u0300-\u036f]+|[^\x00-\x7f]/g;
const COMBINING = /[\u0300-\u036f]/;
const ANY_WORK = /\s\s|(?<![A-Za-z0-9.])(?:[A-Z]\.){2}|[^\x00-\x7f]/;
const WHITESPACE_RUN = /^\s{2}/;

export function normalize(text: string): Normalized {
  if (!ANY_WORK.test(text)) return { text, edits: [] };
  const cache = new Map<string, string>();
  const edits: Edit[] = [];
  // Normalised length minus original length so far: maps an original offset to its normalised one.
  let delta = 0;
  // The engine's own replace loop: much cheaper than exec() and string parts in script.
  const out = text.replace(COMBINING.test(text) ? WORK_COMBINING : WORK, (src: string, offset: number) => {
    let rep: string;
    if (src.length > 1 && WHITESPACE_RUN.test(src)) rep = ' ';
    else if (src.length > 1 && src[1] === '.') rep = src.replace(/\./g, '');
    else {
      const hit = cache.get(src);
      if (hit === undefined) {
        rep = foldCluster(src);
        cache.set(src, rep);
      } else rep = hit;
    }
    if (rep.length !== src.length) {
      edits.push({ n: offset + delta, nl: rep.length, o: offset, ol: src.length });
      delta += rep.length - src.length;
    }
    return rep;
  });
  return { text: out, edits };
}

/** The last edit starting at or before normalised offset `i`, by binary search. */
function editAt(edits: Edit[], i: number): Edit | undefined {
  let lo = 0;
  let hi = edits.length - 1;
  let found: Edit | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = edits[mid]!;
    if (e.n <= i) {
      found = e;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Original offset of the start of a span beginning at normalised offset `i`. */
export function originalStart(norm: Normalized, i: number): number {
  const e = editAt(norm.edits, i);
  if (!e) return i;
  if (i < e.n + e.nl) return e.o; // inside a replacement: the whole original unit starts there
  return i + (e.o + e.ol) - (e.n + e.nl);
}

/** Original offset of the end of a span ending (exclusively) at normalised offset `i`. */
export function originalEnd(norm: Normalized, i: number): number {
  const e = editAt(norm.edits, i - 1);
  if (!e) return i;
  if (i - 1 < e.n + e.nl) return e.o + e.ol; // ends inside a replacement: include the whole original unit
  return i + (e.o + e.ol) - (e.n + e.nl);
}

/** The normalised form of a short string (a dataset name), without offsets. */
export function normalizeText(text: string): string {
  return normalize(text).text;
}
