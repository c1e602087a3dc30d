/**
 * How names are looked for in page text: what a word character is (a name must not start or end inside a
 * word), the view of the text that names are read from, and the form under which they are looked up. The
 * trie that reads them is trie.ts.
 */

/**
 * A letter, digit or mark of an alphabetic script, or "_": a name must not start or end inside a word.
 * It covers Latin, Greek, Cyrillic, Hebrew, Arabic, Indic and the other alphabets up to U+1FFF. Han, kana
 * and Hangul are left out on purpose: those scripts write no spaces, so "欧盟AI法案" contains the acronym "AI".
 */
const WORD_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
  [0xaa, 0xaa],
  [0xb5, 0xb5],
  [0xba, 0xba],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x1fff],
  [0x2c00, 0x2dff],
  [0xa640, 0xa6ff],
  [0xa720, 0xabff],
  [0xfb00, 0xfdff],
  [0xfe70, 0xfefe],
];
/** The word characters by UTF-16 code unit: 1 for a word character (a lookup per character of the page). */
export const WORD_CHARS = new Uint8Array(0x10000);
for (const [a, b] of WORD_RANGES) WORD_CHARS.fill(1, a, b + 1);

/** What the trie reads: the lower-cased text with each whitespace character and hyphen as a space (same length). */
export function searchView(lower: string): string {
  return lower.replace(SEARCH_SEPARATOR, ' ');
}
// Spaces are most of them and stay as they are: only the others are replaced (a replace per space costs more than the search).
const SEARCH_SEPARATOR = /[^\S ]|-/g;

/** The form under which names and matched text are looked up: separators folded to one space. */
export function lookupForm(s: string): string {
  // Most matches are single words: skip the replace (this runs once per match on the page).
  return HAS_SEPARATOR.test(s) ? s.replace(SEPARATORS, ' ') : s;
}
const HAS_SEPARATOR = /[\s-]/;
const SEPARATORS = /[\s-]+/g;
