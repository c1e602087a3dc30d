/**
 * When a query names a record, as opposed to resembling it. The lookup ranks every record a query's words
 * touch (names, summaries, misspellings), but offers as results only the records the query names: a
 * reader who types an instrument the dataset lacks must read "no match", not an unrelated record as
 * "1 result". The others are suggestions, shown as such.
 *
 * A query names a record when one of the record's names holds all its words, each as itself, as the
 * start of a word (typing) or as a close misspelling, except for words that only situate it: the record's
 * places and years ("Kenya data protection act 2019"), and generic words ("act", "regulation") that another
 * of its names holds ("AI Act regulation" names the AI Act, whose official number says "Regulation").
 */

/** Words that say what kind of instrument a name is, not which one. */
const GENERIC = new Set([
  'act',
  'acts',
  'law',
  'laws',
  'regulation',
  'regulations',
  'directive',
  'rules',
  'bill',
  'statute',
  'ordinance',
  'decree',
  'code',
]);

/** Edits a misspelt word may have and still name a word: "gdrp" is GDPR, "eidas" is not "vasps". */
export function maxEdits(length: number): number {
  if (length < 4) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up as soon as it
 * must exceed `bound`: the lookup asks it only about a few dozen short candidates per word.
 */
export function editsWithin(a: string, b: string, bound: number): boolean {
  if (Math.abs(a.length - b.length) > bound) return false;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return false;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]! <= bound;
}

export interface NamedCheck {
  /** The query's meaningful words, in order. */
  query: readonly string[];
  /** For each query word, the vocabulary words it stands for: itself, words it starts, close misspellings. */
  close: ReadonlyArray<ReadonlySet<string>>;
}

/**
 * Whether the query names a record with these names (each as its words); `situates(k)` says whether query
 * word k is one of the record's places or years.
 */
export function names(check: NamedCheck, recordNames: ReadonlyArray<readonly string[]>, situates: (k: number) => boolean): boolean {
  const { query, close } = check;
  const holds = (name: readonly string[], k: number) => name.some((w) => close[k]!.has(w));
  for (const name of recordNames) {
    let own = 0;
    let ok = true;
    for (let k = 0; k < query.length && ok; k++) {
      if (holds(name, k)) own++;
      else if (situates(k)) continue;
      else if (GENERIC.has(query[k]!) && recordNames.some((n) => holds(n, k))) continue;
      else ok = false;
    }
    if (ok && own > 0) return true;
  }
  return false;
}
