/**
 * A scan job's text: its units in document order, their texts read on demand and the last few kept (a
 * segment's margins are its neighbours' texts), the margins around a segment, and a segment's own text
 * composed from its parts with the map back to the page's nodes.
 */
import { BLOCK_BREAK, chunkAt, type TextIndex } from '../core/detect/extract';
import { MARGIN_CHARS } from '../core/detect/page-level';
import type { Painter } from './highlights';
import { unitIndex, type Unit } from './mentions';
import type { Report } from './report';

/** Unit texts a job keeps (a segment's tail margin is read again as the next segment). */
const CACHED_UNITS = 64;
/** How much further a margin may reach to start at a word. */
const WORD_SLACK = 100;
/** What reading the page needs: where failures go, and the painter to restore a node's text before reading it. */
export interface StreamEnv {
  report: Report;
  painterFor(node: Node): Painter;
}

/** A range of one unit's text (a doc-order index into a Stream), with the text when just read. */
export interface Part {
  unit: number;
  from: number;
  to: number;
  index?: TextIndex;
}

/**
 * A job's units in document order, with their texts read on demand (and the last few kept: a segment's
 * margins are its neighbours' texts, and the next segment reads them again).
 */
export class Stream {
  /** Texts read, and whether read from the nodes as the page wrote them (`own`: see `index`). */
  private readonly cache = new Map<number, { index: TextIndex | null; own: boolean }>();

  constructor(
    readonly units: Unit[],
    private readonly env: StreamEnv,
  ) {}

  /**
   * The unit's text, or undefined when it is gone from the page, empty or cannot be read. For its own
   * scan (`own`), the text is read from the nodes as the page wrote them: the fallback painter may have
   * split them into marks since the job began (it paints after every slice), and mentions are anchored
   * to the page's nodes. A margin needs only the text, which marks do not change.
   */
  index(i: number, own = false): TextIndex | undefined {
    let entry = this.cache.get(i);
    if (!entry || (own && !entry.own)) {
      const u = this.units[i];
      entry = { index: null, own };
      try {
        if (u && connected(u)) {
          if (own) for (const n of u.kind === 'element' ? [u.root] : u.nodes) this.env.painterFor(n).restoreWithin(n);
          const read = unitIndex(u);
          if (read.text) entry.index = read;
        }
      } catch (e) {
        this.env.report('reading the page', e);
      }
      this.cache.delete(i);
      if (this.cache.size >= CACHED_UNITS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(i, entry);
    }
    return entry.index ?? undefined;
  }

  /** Forgets the texts (the job is done; a later rescan reads them again). */
  release(): void {
    this.cache.clear();
    this.recent = undefined;
  }

  /**
   * The end of the text just scanned (margin and own range, up to where `last` ends): the next segment in
   * document order takes its lead margin from it instead of reading its neighbours again.
   */
  remember(last: Part, text: string): void {
    const keep = MARGIN_CHARS + WORD_SLACK;
    this.recent = { unit: last.unit, to: last.to, text: text.length > keep ? text.slice(-keep) : text };
  }

  private recent?: { unit: number; to: number; text: string };

  /** The remembered text if `part` starts right where it ends (empty units between count for nothing). */
  private recentBefore(part: Part): string | undefined {
    const r = this.recent;
    if (!r) return undefined;
    if (r.unit === part.unit) return r.to === part.from ? r.text : undefined;
    if (part.from !== 0 || r.unit > part.unit || r.to !== this.index(r.unit)?.text.length) return undefined;
    for (let i = r.unit + 1; i < part.unit; i++) if (this.index(i)) return undefined;
    return r.text + BLOCK_BREAK;
  }

  /** Forgets a unit's text: it is scanned again after the job (its nodes may have changed since). */
  forget(i: number): void {
    this.cache.delete(i);
  }

  /**
   * The text before `part` in document order, the units joined as in the whole text: up to `chars`
   * characters (a little more, to start at a word).
   */
  before(part: Part, chars: number): string {
    const out: string[] = [];
    let length = 0;
    const want = chars + WORD_SLACK;
    const recent = this.recentBefore(part);
    if (recent !== undefined) {
      out.push(recent);
      length = want;
    }
    for (let i = part.unit, end = part.from; i >= 0 && length < want; i--, end = Infinity) {
      const text = this.index(i)?.text;
      if (!text) continue;
      if (i !== part.unit) {
        out.push(BLOCK_BREAK);
        length++;
      }
      const piece = text.slice(Math.max(0, Math.min(end, text.length) - (want - length)), end);
      out.push(piece);
      length += piece.length;
    }
    const s = out.reverse().join('');
    if (s.length <= chars) return s;
    // Start at a word, so that the first name in the margin reads as in the whole text.
    for (let p = s.length - chars; p > 0; p--) if (/[\s\u001f]/.test(s[p - 1]!)) return s.slice(p);
    return s.slice(s.length - chars);
  }

  /** The text after `part` in document order, up to `chars` characters. */
  after(part: Part, chars: number): string {
    const out: string[] = [];
    let length = 0;
    for (let i = part.unit, from = part.to; i < this.units.length && length < chars; i++, from = 0) {
      const text = this.index(i)?.text;
      if (!text) continue;
      if (i !== part.unit) {
        out.push(BLOCK_BREAK);
        length++;
      }
      const piece = text.slice(from, from + chars - length);
      out.push(piece);
      length += piece.length;
    }
    return out.join('');
  }
}

/**
 * The own text of a segment (its parts joined as in the whole text), and for each chunk the range of its
 * node the segment covers ([from, to) in the node; `to` is Infinity when it runs to the node's end).
 */
export function compose(stream: Stream, parts: Part[]): { index: TextIndex; froms: number[]; tos: number[] } | undefined {
  const texts: string[] = [];
  const chunks: TextIndex['chunks'] = [];
  const froms: number[] = [];
  const tos: number[] = [];
  let length = 0;
  for (const part of parts) {
    const idx = part.index ?? stream.index(part.unit, true);
    if (!idx) return undefined;
    if (texts.length) {
      texts.push(BLOCK_BREAK);
      length++;
    }
    const cs = idx.chunks;
    // The chunks overlapping [from, to): from the last one starting at or before `from`.
    for (let k = Math.max(0, chunkAt(idx, part.from)); k < cs.length && cs[k]!.start < part.to; k++) {
      const c = cs[k]!;
      const end = cs[k + 1]?.start ?? idx.text.length;
      if (end <= part.from) continue;
      chunks.push({ node: c.node, start: c.start - part.from + length });
      froms.push(Math.max(0, part.from - c.start));
      tos.push(part.to >= end ? Infinity : part.to - c.start);
    }
    const text = part.from === 0 && part.to === idx.text.length ? idx.text : idx.text.slice(part.from, part.to);
    texts.push(text);
    length += text.length;
  }
  return { index: { text: texts.join(''), chunks }, froms, tos };
}

/**
 * Maps an offset in a segment's own text to a node and an offset in it (and the chunk's number), in the
 * text as the page wrote it: the fallback painter may have split the node since it was read (a long unit
 * is scanned over several slices, painted in between), and mentions keep the original offsets, which the
 * painter translates.
 */
export function locateIn(index: TextIndex, offset: number, preferEnd = false): { node: Text; offset: number; k: number } | undefined {
  const k = chunkAt(index, offset, preferEnd);
  const c = index.chunks[k];
  return c ? { node: c.node, offset: offset - c.start, k } : undefined;
}

function connected(u: Unit): boolean {
  return u.kind === 'element' ? u.root.isConnected : u.nodes.every((n) => n.isConnected);
}
