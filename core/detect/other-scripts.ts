/**
 * The names are split three ways by their letters, each set a trie of its own (trie.ts): names in ASCII
 * (read on every text); names with accented Latin letters ("Côte d'Ivoire", "Türkiye", "Elfenbeinküste"),
 * read only on text that has such letters; and names with letters of other scripts ("日本", "대한민국",
 * "Япония", "اليابان"), read only on text that has those. Most pages have neither, so most pages read one
 * trie; and each set reports its own longest name at a place, where a name of another set may overlap it
 * (the scan keeps the longest of overlapping detections). The split began with the regex the tries
 * replaced, which could no longer skip ahead on the first character once letters of 30 languages shared it.
 */
/** Greek and Cyrillic to Ethiopic and beyond (U+0370-U+1DFF, U+1F00-U+1FFF), kana, Han, Hangul, CJK compatibility ideographs. */
const OTHER = '\\u0370-\\u1dff\\u1f00-\\u1fff\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff';
/** Latin letters beyond ASCII: Latin-1, Latin Extended-A and -B, Latin Extended Additional. */
const ACCENTED = '\\u00c0-\\u024f\\u1e00-\\u1eff';
const HAS_OTHER = new RegExp(`[${OTHER}]`);
const HAS_ACCENTED = new RegExp(`[${ACCENTED}]`);

/** The names (trie terms) by the letters they need: the text must have such letters for them to be searched. */
export function splitByScript(terms: Iterable<string>): { ascii: string[]; accented: string[]; other: string[] } {
  const ascii: string[] = [];
  const accented: string[] = [];
  const other: string[] = [];
  for (const t of terms) (HAS_OTHER.test(t) ? other : HAS_ACCENTED.test(t) ? accented : ascii).push(t);
  return { ascii, accented, other };
}

/** Whether a text has a letter of another script, which the `other` names need. */
export const hasOtherScript = (text: string): boolean => HAS_OTHER.test(text);
/** Whether a text has an accented Latin letter, which the `accented` names need. */
export const hasAccentedLatin = (text: string): boolean => HAS_ACCENTED.test(text);
