/**
 * Typo-tolerant recognition of long framework names ("Genral Data Protection Regulation", "Markets in
 * Crypto-Asset Regulation"). Only names of three or more words that end in an instrument word ("Act",
 * "Regulation", "Convention"...) take part: short names and acronyms are never matched fuzzily, since one
 * changed letter turns "DSA" into "DMA" and "AI Act" into "AI Art".
 *
 * The exact matcher reports every capitalised instrument word it meets ("head"), and the last word of
 * every shared name it could not settle. From there we read the capitalised words before it, and compare
 * each window of three or more words with the names that end in the same head. Before any scoring, a
 * window must agree with the name on every number ("Act 2018" is not "Act 1988"), be of similar length,
 * and match it word by word: each word the name's own or a near miss of it (short words exactly), in
 * order, one small word more or less at most. Fuse.js then scores the pair both ways (the window inside
 * the name, the name inside the window), so that a missing or extra word costs as much as a misspelled
 * one; the worse score is kept and compared with the threshold (chosen in BENCHMARKS.md).
 *
 * The scoring itself (`PairScorer`, Fuse.js in `fuzzy-score.ts`) is passed in: the content script loads it
 * only on a page where a window gets that far (a misspelled long name is rare), and until then reports
 * the pairs it could not score (`onUnscored`), so that the page can be read again once it is there.
 */
import { BLOCK_BREAK } from './extract';

/** Fuse score (0 exact, 1 unrelated) at or below which a window is taken for a name. See BENCHMARKS.md. */
export const DEFAULT_FUZZY_THRESHOLD = 0.15;

export interface FuzzyName {
  /** Lookup key of the dataset form it stands for. */
  key: string;
  /** Lower-case form compared with windows. */
  text: string;
  words: string[];
  numbers: string;
}

export interface FuzzyIndex {
  /** Lower-case heads, singular and plural, for the exact matcher to report. */
  heads: Set<string>;
  byHead: Map<string, FuzzyName[]>;
}

/** Small words that may sit inside a name: "Markets in Crypto-Assets", "Protection of Personal Data". */
const CONNECTORS = new Set([
  'of',
  'on',
  'for',
  'the',
  'and',
  'in',
  'to',
  'with',
  'a',
  'an',
  'by',
  'from',
  'at',
  'as',
  'regarding',
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'et',
  'der',
  'die',
  'das',
  'und',
  'für',
  'über',
  'del',
  'y',
  'e',
  'da',
  'do',
  'dos',
]);

const MIN_WORDS = 3;
const MIN_CHARS = 15;
const MAX_WINDOW_WORDS = 12;
/** The shorter of window and name must be at least this share of the longer one. */
const MIN_LENGTH_RATIO = 0.8;

const wordsOf = (s: string) => s.split(' ').filter(Boolean);
const numbersOf = (words: string[]) =>
  words
    .filter((w) => /\d/.test(w))
    .map((w) => w.replace(/\D+/g, ' ').trim())
    .sort()
    .join('|');
const singular = (w: string) => (w.endsWith('s') ? w.slice(0, -1) : w);

/**
 * Words that end an instrument's name. Misspellings are looked for only in front of one of them, and only
 * for names that end in one: the words before "Act" are worth a second look, those before "China" are not.
 */
const INSTRUMENT_WORDS = new Set(
  `act regulation directive convention principles recommendation recommendations declaration framework law measures
  provisions strategy rule rules standard protocol guidelines guideline guidance code order ordinance agreement treaty
  compact charter bill decree statute scheme blueprint process practice`.split(/\s+/),
);

/**
 * Builds the index from dataset forms: [lookup key, form as written, framework id]. Only forms of three or
 * more words ending in a capitalised instrument word are used.
 */
export function buildFuzzyIndex(forms: Iterable<[string, string, string]>): FuzzyIndex {
  const byHead = new Map<string, FuzzyName[]>();
  for (const [key, written] of forms) {
    // A year after the instrument word ("Act 2022", "Act, 2019") is read after the head on the page.
    const ws = wordsOf(written.replace(/,?\s+(?:19|20)\d\d$/, ''));
    const last = ws[ws.length - 1];
    if (ws.length < MIN_WORDS || written.length < MIN_CHARS || !last || !/^\p{Lu}\p{Ll}+$/u.test(last)) continue;
    const name = fuzzyName(key);
    const final = name.words[name.words.length - 1]!;
    const head = /^\d{4}$/.test(final) ? name.words[name.words.length - 2]! : final;
    if (!INSTRUMENT_WORDS.has(head)) continue;
    const list = byHead.get(head) ?? [];
    if (!list.some((n) => n.key === key)) list.push(name);
    byHead.set(head, list);
  }
  return { heads: headsOf(byHead), byHead };
}

/** The heads the exact matcher reports: each instrument word, singular and plural. */
function headsOf(byHead: Map<string, FuzzyName[]>): Set<string> {
  const heads = new Set<string>();
  for (const h of byHead.keys()) {
    heads.add(h);
    heads.add(h.endsWith('y') ? `${h.slice(0, -1)}ies` : `${h}s`);
  }
  return heads;
}

function fuzzyName(key: string): FuzzyName {
  const words = wordsOf(key.replace(/,/g, ''));
  return { key, text: words.join(' '), words, numbers: numbersOf(words) };
}

/** The index from its table form ([head, keys of the names that end in it]), as the background sent it. */
export function fuzzyIndexFrom(rows: Array<[string, string[]]>): FuzzyIndex {
  const byHead = new Map(rows.map(([head, keys]) => [head, keys.map(fuzzyName)]));
  return { heads: headsOf(byHead), byHead };
}

export interface FuzzyHit {
  start: number;
  end: number;
  key: string;
  /** Fuse score of the pair, the worse of both directions. */
  score: number;
}

/** Scores a window against a name: 0 the same, 1 unrelated (the worse of both directions). */
export type PairScorer = (window: string, name: string) => number;

/** How the fuzzy stage scores: the scorer if loaded, else whom to tell that a pair went unscored. */
export interface Scoring {
  score?: PairScorer;
  onUnscored?: () => void;
}

/**
 * Word by word, the window must be the name with typos: every word equal or a near miss of a word of more
 * than three letters (one edit up to six letters, two beyond), in the same order; at most one small word
 * ("of", "and") more or less. "UN's AI Principles" is not "OECD AI Principles".
 */
function wordsAlign(name: string[], window: string[]): boolean {
  if (name.length === window.length) return name.every((w, i) => nearWord(w, window[i]!));
  const [long, short] = name.length > window.length ? [name, window] : [window, name];
  return long.some((w, i) => CONNECTORS.has(w) && [...long.slice(0, i), ...long.slice(i + 1)].every((x, j) => nearWord(x, short[j]!)));
}

function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length <= 3 || b.length <= 3 || /\d/.test(a) || /\d/.test(b)) return false;
  return editDistance(a, b) <= (Math.min(a.length, b.length) <= 6 ? 1 : 2);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function isCapitalised(w: string): boolean {
  return /^[\p{Lu}\d]/u.test(w);
}

/**
 * Reads back from a head at `headStart..headEnd` in `text` (normalised, original case) and returns the
 * best-scoring name within `threshold`, if any. `cache` holds results per window within one scan.
 */
export function matchAtHead(
  index: FuzzyIndex,
  text: string,
  headStart: number,
  headEnd: number,
  threshold: number,
  cache: Map<string, { key: string; score: number } | null>,
  scoring: Scoring,
): FuzzyHit | undefined {
  const headWord = text.slice(headStart, headEnd).toLowerCase();
  const group = index.byHead.get(headWord) ?? index.byHead.get(singular(headWord)) ?? index.byHead.get(headWord.replace(/ies$/, 'y'));
  if (!group) return undefined;
  // Words before the head, nearest first, until punctuation, a paragraph break or a lower-case word.
  const before: Array<{ word: string; start: number }> = [];
  let i = headStart;
  const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
  while (before.length < MAX_WINDOW_WORDS) {
    let j = i;
    while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
    if (j === i || j === 0) break;
    let k = j;
    while (k > 0 && !isSpace(text.charCodeAt(k - 1)) && text[k - 1] !== BLOCK_BREAK) k--;
    const raw = text.slice(k, j);
    if (/[,;:!?.)"'\]]$/.test(raw) || /^["'([]/.test(raw)) break;
    const word = raw.replace(/-+/g, ' ');
    const lower = word.toLowerCase();
    if (!isCapitalised(word) && !CONNECTORS.has(lower)) break;
    before.push({ word: lower, start: k });
    i = k;
  }
  // A year right after the head belongs to the name ("... Infrastructure Act 2022").
  const year = /^,?\s+((?:19|20)\d\d)(?![\d.,]\d)/.exec(text.slice(headEnd, headEnd + 8));
  const windows: Array<{ words: string[]; start: number; end: number }> = [];
  for (let n = 2; n <= before.length; n++) {
    const first = before[n - 1]!;
    if (CONNECTORS.has(first.word)) continue;
    const words = [
      ...before
        .slice(0, n)
        .reverse()
        .flatMap((b) => wordsOf(b.word)),
      headWord,
    ];
    // With a year after the head, the year is part of the name on the page and must agree.
    if (year) windows.push({ words: [...words, year[1]!], start: first.start, end: headEnd + year[0].length });
    else windows.push({ words, start: first.start, end: headEnd });
  }
  let best: FuzzyHit | undefined;
  for (const w of windows) {
    const window = w.words.join(' ');
    if (w.words.length < MIN_WORDS || window.length < MIN_CHARS) continue;
    let found = cache.get(window);
    if (found === undefined) {
      found = bestName(group, window, w.words, threshold, scoring);
      cache.set(window, found);
    }
    if (found && (!best || found.score < best.score || (found.score === best.score && w.end - w.start > best.end - best.start))) {
      best = { start: w.start, end: w.end, key: found.key, score: found.score };
    }
  }
  return best;
}

function bestName(
  group: FuzzyName[],
  window: string,
  words: string[],
  threshold: number,
  scoring: Scoring,
): { key: string; score: number } | null {
  const numbers = numbersOf(words);
  const wordSet = new Set(words);
  let best: { key: string; score: number } | null = null;
  for (const name of group) {
    if (Math.abs(name.words.length - words.length) > 1 || name.numbers !== numbers) continue;
    const shared = name.words.filter((w) => wordSet.has(w)).length;
    if (shared < Math.max(2, Math.ceil(name.words.length / 2)) || !wordsAlign(name.words, words)) continue;
    const ratio = Math.min(window.length, name.text.length) / Math.max(window.length, name.text.length);
    if (ratio < MIN_LENGTH_RATIO) continue;
    // The window written exactly as a name is the exact matcher's business (it has already decided).
    if (name.text === window) continue;
    if (!scoring.score) {
      scoring.onUnscored?.();
      continue;
    }
    const score = scoring.score(window, name.text);
    if (score <= threshold && (!best || score < best.score)) best = { key: name.key, score };
  }
  return best;
}
