/**
 * The matcher's checks on the text around a name: what the page's own writing says about a candidate match
 * (capitals, shouting, a longer name or a company it is part of). Pure functions of the page text.
 */
import { wordsPattern, type PageLevel } from './page-level';
import { WORD_CHARS } from './pattern';
export function isUpper(written: string): boolean {
  const c = written[0] ?? '';
  return c !== c.toLowerCase();
}

/**
 * An acronym that is also a common word loses its meaning in an all-capitals run ("CONTACT US", "WHO WE
 * ARE"). The page itself tells which acronyms are common words: it writes them in lower case elsewhere.
 */
export function shoutingCheck(page: string, level?: PageLevel) {
  const usesWord = new Map<string, boolean>();
  const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  /** Whether an all-capitals word of two letters or more starts (step 1) or ends (step -1) next to `from`. */
  const capsWordAt = (from: number, step: 1 | -1): boolean => {
    let i = from;
    while (page.charCodeAt(i) === 32) i += step;
    let n = 0;
    for (let c = page.charCodeAt(i); isLetter(c); c = page.charCodeAt((i += step))) {
      if (c >= 97) return false;
      n++;
    }
    return n >= 2;
  };
  return (start: number, end: number, written: string): boolean => {
    if (!/^[A-Z]+$/.test(written)) return false;
    if (!capsWordAt(start - 1, -1) && !capsWordAt(end, 1)) return false;
    const lower = written.toLowerCase();
    let uses = usesWord.get(lower);
    if (uses === undefined) {
      uses = level ? level.usesWord(lower) : wordsPattern([lower])!.test(page);
      usesWord.set(lower, uses);
    }
    return uses;
  };
}

/** Lower-cases letter by letter, keeping those whose lower case is longer as they are. */
export function lowerSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const lc = ch.toLowerCase();
    out += lc.length === ch.length ? lc : ch;
  }
  return out;
}

/** End of the name `key` (lower-case words) read from `start` in `page`, or undefined if it is not there whole. */
export function prefixEnd(page: string, start: number, key: string): number | undefined {
  let pos = start;
  const words = key.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (page.slice(pos, pos + w.length).toLowerCase() !== w) return undefined;
    pos += w.length;
    if (i < words.length - 1) {
      const sep = /^[\s-]+/.exec(page.slice(pos, pos + 20));
      if (!sep) return undefined;
      pos += sep[0].length;
    }
  }
  return WORD_CHARS[page.charCodeAt(pos)] === 1 ? undefined : pos;
}

/** Places whose names contain another's: "North Korea", "West Virginia", "New Mexico". */
const PLACE_PREFIX = /(?:^|[^\p{L}])(?:North|South|East|West|New)\s$/u;
/** Legal forms of companies: "Microsoft Ireland Operations Limited", "Coinbase Luxembourg S.A.". */
const COMPANY_FORM =
  /^(?:\s+(?:[A-Z][\w&.-]*|&)){0,2}?\s+(?:GmbH|AG|KG|Ltd|Limited|Inc|LLC|LLP|PLC|plc|S\.?A\.?S?|SARL|S\.?à\s?r\.?l\.?|B\.?V\.?|N\.?V\.?|Pty|Corp|Corporation|S\.?p\.?A\.?|S\.?L\.?|Oy|AB|A\/S|K\.?K\.?|Pte|Sdn|Ltda)(?![\p{L}])/u;

/**
 * A jurisdiction's name that is part of another proper name is not a mention of it: a place ("North
 * Korea", "West Virginia") or a company ("Microsoft Schweiz GmbH").
 */
export function partOfAnotherName(page: string, start: number, end: number): boolean {
  if (PLACE_PREFIX.test(page.slice(Math.max(0, start - 7), start))) return true;
  return COMPANY_FORM.test(page.slice(end, end + 60));
}

/**
 * Whether the word before `start` is a capitalised word, not the first of its sentence and not itself
 * (the end of) a name we matched: then a shared name at `start` is the tail of a longer title.
 */
export function insideLongerTitle(page: string, start: number, nameEnds: Set<number>): boolean {
  let j = start;
  while (j > 0 && (page[j - 1] === ' ' || page[j - 1] === '\t')) j--;
  if (j === start) return false;
  let k = j;
  while (k > 0 && /[\p{L}\p{M}\p{N}'.-]/u.test(page[k - 1]!)) k--;
  const word = page.slice(k, j);
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  const bare = word.replace(/'s$/, '');
  if (nameEnds.has(k + bare.length)) return false;
  let p = k;
  while (p > 0 && /\s/.test(page[p - 1]!)) p--;
  return p > 0 && !/[.!?:;\u001f"(]/.test(page[p - 1]!);
}
