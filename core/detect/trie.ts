/**
 * Every name of the lexicon in one character trie, read over the page's search view (pattern.ts): at each
 * position where a word may start, the longest name there. It replaced one trie-shaped regex: V8 compiles
 * a regex on its first use in each page, and with 10,000 names that took about 110 ms in a single task
 * (the time grows faster than the source: a tenth of the names took 8 ms), while this trie is made from
 * its wire form in a few milliseconds and reads a page about twice as fast as the regex did.
 *
 * What a match is, exactly as the regex had it:
 * - a name starts where the character before is not a word character (`WORD_CHARS`), and ends where the
 *   next is neither a word character nor "." or "," before a digit ("Law 25" is not in "Law 25,326");
 * - the view has every whitespace character and hyphen as a space, one space between words after
 *   normalisation: a space in a name reads one space ("crypto assets", "crypto-assets"); a hyphen or dash
 *   in a name reads one to three ("crypto - assets"), so that a spaced dash on the page does not join
 *   words that a name separates by a space ("Illinois — HB 3773" is not the name "Illinois HB 3773");
 * - where several names fit, the longest whose end passes the check wins (a name that ends where longer
 *   ones go on is tried last, a space before a dash, a dash over as many spaces as it can).
 *
 * Nodes are numbered in depth-first order, so a node's first child is the next node and only siblings
 * need links: three typed arrays, no objects, nothing for the garbage collector.
 */
import { WORD_CHARS } from './pattern';

/** The separators of a name as they are sent: a space, or a run of separators that holds a hyphen. */
const SPACE = 0x20;
const DASH = 0x2d;
const NEWLINE = 0x0a;
/** The first character of each wire record is its common prefix with the previous name, as a code from here. */
const PREFIX_BASE = 0x20;
const HAS_CHILDREN = 1;
const ENDS_NAME = 2;
/** Below this, the root's children are found in a table; above it (Han, Hangul...), in a map. */
const ROOT_TABLE = 0x800;
/** The root's children for ASCII letters find their own ASCII children in a table: they have dozens. */
const ASCII = 0x80;

/**
 * The wire form of a set of names (lower case, as the trie reads them): each separator run as one space or
 * one hyphen, sorted, front-coded ("<prefix length><rest>\n"), so about as long as the trie has nodes.
 */
export function trieWire(terms: Iterable<string>): string {
  const sorted = [...new Set([...terms].filter(Boolean).map((t) => t.replace(/[\s-]+/g, (run) => (run.includes('-') ? '-' : ' '))))].sort();
  const out: string[] = [];
  let previous = '';
  for (const t of sorted) {
    let common = 0;
    while (common < previous.length && t.charCodeAt(common) === previous.charCodeAt(common)) common++;
    out.push(String.fromCharCode(PREFIX_BASE + common), t.slice(common), '\n');
    previous = t;
  }
  return out.join('');
}

export class Trie {
  /** Where the last match found by `next` ends. */
  end = 0;
  /** Names in the trie. */
  readonly size: number;
  private readonly code: Uint16Array;
  private readonly sibling: Int32Array;
  private readonly flags: Uint8Array;
  private readonly rootLow = new Int32Array(ROOT_TABLE);
  private readonly rootHigh = new Map<number, number>();
  /** For a child of the root, 1 + its row of ASCII children in `table`; 0 for the others. */
  private readonly wide: Uint8Array;
  private readonly table = new Int32Array(ASCII * ASCII);

  constructor(wire: string) {
    // A node per character of the names' rests, and the root.
    let records = 0;
    for (let i = wire.indexOf('\n'); i >= 0; i = wire.indexOf('\n', i + 1)) records++;
    const nodes = wire.length - 2 * records + 1;
    this.size = records;
    this.code = new Uint16Array(nodes);
    this.sibling = new Int32Array(nodes);
    this.flags = new Uint8Array(nodes);
    this.wide = new Uint8Array(nodes);
    let rows = 0;
    const lastChild = new Int32Array(nodes);
    const path: number[] = [0];
    let made = 1;
    for (let i = 0; i < wire.length; i++) {
      let depth = wire.charCodeAt(i++) - PREFIX_BASE;
      let node = path[depth]!;
      for (let c = wire.charCodeAt(i); c !== NEWLINE; c = wire.charCodeAt(++i)) {
        const k = made++;
        this.code[k] = c;
        if (lastChild[node]) this.sibling[lastChild[node]!] = k;
        else this.flags[node]! |= HAS_CHILDREN;
        lastChild[node] = k;
        if (node === 0) {
          if (c < ROOT_TABLE) this.rootLow[c] = k;
          else this.rootHigh.set(c, k);
          if (c < ASCII) this.wide[k] = ++rows;
        } else if (this.wide[node] && c < ASCII) this.table[(this.wide[node]! - 1) * ASCII + c] = k;
        path[++depth] = node = k;
      }
      this.flags[node]! |= ENDS_NAME;
    }
  }

  /** The start of the first name at or after `from` in `view`, or -1; it ends at `this.end`. */
  next(view: string, from: number): number {
    const len = view.length;
    for (let p = from; p < len; p++) {
      if (p > 0 && WORD_CHARS[view.charCodeAt(p - 1)] === 1) continue;
      const c = view.charCodeAt(p);
      const k = c < ROOT_TABLE ? this.rootLow[c]! : (this.rootHigh.get(c) ?? 0);
      if (k === 0) continue;
      const end = this.longest(view, k, p + 1);
      if (end >= 0) {
        this.end = end;
        return p;
      }
    }
    return -1;
  }

  /** The end of the longest name through `node` (read up to `p`) that fits the view from `p`, or -1. */
  private longest(view: string, node: number, p: number): number {
    for (;;) {
      const flags = this.flags[node]!;
      if (flags & HAS_CHILDREN && p < view.length) {
        const c = view.charCodeAt(p);
        if (c === SPACE) {
          const space = this.child(node, SPACE);
          if (space) {
            const end = this.longest(view, space, p + 1);
            if (end >= 0) return end;
          }
          const dash = this.child(node, DASH);
          if (dash) {
            let run = 1;
            while (run < 3 && view.charCodeAt(p + run) === SPACE) run++;
            for (; run > 0; run--) {
              const end = this.longest(view, dash, p + run);
              if (end >= 0) return end;
            }
          }
        } else {
          const k = this.child(node, c);
          if (k) {
            if (!(flags & ENDS_NAME)) {
              node = k;
              p++;
              continue;
            }
            const end = this.longest(view, k, p + 1);
            if (end >= 0) return end;
          }
        }
      }
      return flags & ENDS_NAME && endsHere(view, p) ? p : -1;
    }
  }

  /** The child of `node` reached by `c` (0 if none): siblings are in ascending order. */
  private child(node: number, c: number): number {
    const w = this.wide[node]!;
    if (w && c < ASCII) return this.table[(w - 1) * ASCII + c]!;
    for (let k = node + 1; k; k = this.sibling[k]!) {
      const x = this.code[k]!;
      if (x === c) return k;
      if (x > c) return 0;
    }
    return 0;
  }
}

/** Whether a name may end before `p`: no word character next, nor "." or "," before a digit. */
function endsHere(view: string, p: number): boolean {
  if (p >= view.length) return true;
  const c = view.charCodeAt(p);
  if (WORD_CHARS[c] === 1) return false;
  if (c !== 0x2e && c !== 0x2c) return true;
  const d = view.charCodeAt(p + 1);
  return !(d >= 0x30 && d <= 0x39);
}
