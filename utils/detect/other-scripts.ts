/**
 * Names that start with a letter outside the Latin script ("日本", "대한민국", "Япония", "اليابان", "जापान")
 * go in a trie regex of their own, run only on text that has such letters. In one regex with the Latin
 * names, V8 cannot skip ahead on the first character once many distinct first characters of other
 * scripts join (Han and Hangul above all): every position of an English page then tries far more of the
 * trie (the news fixtures: 0.3 s → 2.5 s with the country names of 30 languages in one regex).
 */
/** Greek and Cyrillic to Ethiopic and beyond (U+0370-U+1FFF), kana, Han, Hangul, CJK compatibility ideographs. */
const OTHER = '\\u0370-\\u1fff\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff';
const OTHER_FIRST = new RegExp(`^[${OTHER}]`);
const HAS_OTHER = new RegExp(`[${OTHER}]`);

/** The names (trie terms) split into those searched on every text and those searched only where `hasOtherScript`. */
export function splitByScript(terms: Iterable<string>): { latin: string[]; other: string[] } {
  const latin: string[] = [];
  const other: string[] = [];
  for (const t of terms) (OTHER_FIRST.test(t) ? other : latin).push(t);
  return { latin, other };
}

/** Whether a text has a letter the other-script names can start with. */
export const hasOtherScript = (text: string): boolean => HAS_OTHER.test(text);
