/**
 * Compiles many lower-case terms into one regex source shaped as a trie ("a(?:i(?:[\s-]act|)|...)"):
 * V8's backtracking engine tries a flat alternation of 1,700 names one by one at every position (about 5 s
 * on 4 MB of page text), while a trie decides on each character once (about 0.12 s). Branches start with
 * distinct characters (only the two separator classes overlap) and a name that ends where longer ones
 * continue is tried last, so the match at a position is the longest name there.
 */

/**
 * A letter, digit or mark of an alphabetic script, or "_": a name must not start or end inside a word.
 * Written out (not `\p{L}` with the `u` flag) because the non-Unicode regex runs twice as fast; it covers
 * Latin, Greek, Cyrillic, Hebrew, Arabic, Indic and the other alphabets up to U+1FFF. Han, kana and Hangul
 * are left out on purpose: those scripts write no spaces, so "欧盟AI法案" contains the acronym "AI".
 */
export const WORD_CLASS =
  '[\\w\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u2c00-\\u2dff\\ua640-\\ua6ff\\ua720-\\uabff\\ufb00-\\ufdff\\ufe70-\\ufefe]';

/**
 * Between the words of a name (the text is normalised: one whitespace character between words, and the
 * regex reads it through `searchView`, where every whitespace character and hyphen is a space): a space
 * matches a whitespace character or a hyphen ("crypto assets", "crypto-assets"); a hyphen or dash in the
 * name matches a hyphen, spaced or not, or a space. A spaced dash on the page does not join words the name
 * separates by a space: "Illinois — HB 3773" is a jurisdiction and a bill, not the name "Illinois HB
 * 3773". Plain spaces on purpose: V8 compiles a literal in half the time of a class like `[\s-]`, and
 * this regex is compiled on every page load (about 9 ms instead of 16 ms; with `\s+` or an alternation at
 * each of some 3,000 word gaps, ten times longer).
 */
const SPACE = ' ';
const DASH = ' {1,3}';

/** What the regex reads: the lower-cased text with each whitespace character and hyphen as a space (same length). */
export function searchView(lower: string): string {
  return lower.replace(SEARCH_SEPARATOR, ' ');
}
// Spaces are most of them and stay as they are: only the others are replaced (a replace per space costs more than the regex).
const SEARCH_SEPARATOR = /[^\S ]|-/g;

/** The form under which names and matched text are looked up: separators folded to one space. */
export function lookupForm(s: string): string {
  // Most matches are single words: skip the replace (this runs once per match on the page).
  return HAS_SEPARATOR.test(s) ? s.replace(SEPARATORS, ' ') : s;
}
const HAS_SEPARATOR = /[\s-]/;
const SEPARATORS = /[\s-]+/g;

const SPECIAL = new Set([...'.*+?^${}()|[]\\/']);

/** Separator runs become one placeholder: U+0001 for spaces, U+0002 for a run holding a hyphen. */
function toUnits(term: string): string {
  return term.replace(/[\s-]+/g, (run) => (run.includes('-') ? '\u0002' : '\u0001'));
}

const unitSource = (u: string) => (u === '\u0001' ? SPACE : u === '\u0002' ? DASH : SPECIAL.has(u) ? `\\${u}` : u);

/**
 * Emits the trie of the sorted `terms[lo..hi)`, which share their first `depth` units, into `out`. No node
 * objects: the sorted list is the trie (this runs in the content script at start-up, where allocations
 * and garbage collection cost as much as the work).
 */
function emitSorted(terms: string[], lo: number, hi: number, depth: number, out: string[]): void {
  // A chain of single children is written out directly.
  while (true) {
    const end = terms[lo]!.length === depth;
    const first = end ? lo + 1 : lo;
    if (first >= hi) return;
    const c = terms[first]![depth]!;
    if (end || terms[hi - 1]![depth] !== c) break;
    out.push(unitSource(c));
    depth++;
  }
  const end = terms[lo]!.length === depth;
  out.push('(?:');
  let i = end ? lo + 1 : lo;
  let firstBranch = true;
  while (i < hi) {
    const c = terms[i]![depth]!;
    let j = i + 1;
    while (j < hi && terms[j]![depth] === c) j++;
    if (!firstBranch) out.push('|');
    firstBranch = false;
    out.push(unitSource(c));
    emitSorted(terms, i, j, depth + 1, out);
    i = j;
  }
  // The name that ends here comes last, so that longer names are tried first.
  if (end) out.push('|');
  out.push(')');
}

/**
 * The regex source for `terms` (lower-case canonical forms). A name must not start right after, nor end
 * right before, a word character of an alphabetic script. One lookbehind in front of the whole trie (not
 * one per branch, nor an alternative trie for names in unspaced scripts: either doubles the time, since
 * V8 then tries every position in full). It costs names that start with a Han or kana character nothing,
 * as those characters are not word characters here: "个人信息保护法" is found after "中华人民共和国" or "《".
 */
export function trieSource(terms: Iterable<string>): string {
  const sorted = [...new Set([...terms].filter(Boolean).map(toUnits))].sort();
  if (!sorted.length) return '(?!)';
  const out: string[] = [`(?<!${WORD_CLASS})`];
  emitSorted(sorted, 0, sorted.length, 0, out);
  // One guard after the whole trie, not one per name: when the longest name is followed by a letter, the
  // engine backtracks to the shorter names on the same path, and the guard checks each. Numbers must end
  // where the name's number ends: "Law 25" is not in "Law 25,326".
  out.push(`(?!${WORD_CLASS}|[.,]\\d)`);
  return out.join('');
}
