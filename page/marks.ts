/**
 * The fallback painter, for documents without the CSS Custom Highlight API: each painted piece of text is
 * moved into a `<reg-lens-mark>` element. Text nodes are split at the match edges (the original node
 * keeps the text before the first mark, so it stays the same object in the same place), and removal
 * joins the pieces back into it and removes everything we inserted: the DOM is restored exactly.
 *
 * Mentions keep their coordinates in the original, unsplit text; the painter translates. Every write is
 * bracketed by `hooks` so the page's MutationObserver handling never mistakes our own edits for the page's.
 */
import type { EntityKind } from '../core/detect/lexicon';
import { insideOpaque, MARK_TAG } from './dom';
import type { Painter } from './highlights';
import type { Mention } from './mentions';

export interface WriteHooks {
  /** Called before the painter touches the DOM: pending page mutations must be taken first. */
  beforeWrite(): void;
  /** Called after: the mutations the painter just caused are to be discarded. */
  afterWrite(): void;
}

interface Segment {
  m: Mention;
  node: Text;
  start: number;
  end: number;
}

interface Wrapped {
  /** Everything we inserted after the original node, in order. */
  created: Node[];
}

const STYLE: Record<EntityKind, string> = {
  framework: 'background-color:rgba(255,196,0,.38);text-decoration:underline 2px rgba(191,135,0,.9);',
  jurisdiction: 'text-decoration:underline dotted 2px rgba(9,105,218,.85);',
  technology: 'text-decoration:underline dotted 2px rgba(130,80,223,.85);',
  citation: 'text-decoration:underline 2px rgba(191,135,0,.9);',
};
const CURRENT_STYLE = 'background-color:rgba(9,105,218,.30);text-decoration:underline solid 3px rgb(9,105,218);';

export class MarkPainter implements Painter {
  private readonly wrapped = new Map<Text, Wrapped>();
  private readonly segments = new Map<Mention, Segment[]>();
  private readonly byNode = new Map<Text, Set<Segment>>();
  private readonly markOf = new Map<Segment, HTMLElement>();
  private readonly mentionOfMark = new WeakMap<Node, Mention>();
  private readonly ours = new WeakSet<Node>();
  private readonly pending = new Set<Text>();
  private current: Mention | undefined;

  constructor(
    private readonly doc: Document,
    private readonly hooks: WriteHooks = { beforeWrite() {}, afterWrite() {} },
  ) {}

  add(mentions: Iterable<Mention>): void {
    const affected = new Set<Text>(this.pending);
    for (const m of mentions) {
      if (this.segments.has(m)) continue;
      const segs = this.segmentsFor(m);
      this.segments.set(m, segs);
      for (const s of segs) {
        let set = this.byNode.get(s.node);
        if (!set) this.byNode.set(s.node, (set = new Set()));
        set.add(s);
        affected.add(s.node);
      }
    }
    this.rewrap(affected);
  }

  remove(mentions: Iterable<Mention>): void {
    const affected = new Set<Text>(this.pending);
    for (const m of mentions) {
      const segs = this.segments.get(m);
      if (!segs) continue;
      this.segments.delete(m);
      if (this.current === m) this.current = undefined;
      for (const s of segs) {
        this.byNode.get(s.node)?.delete(s);
        this.markOf.delete(s);
        affected.add(s.node);
      }
    }
    this.rewrap(affected);
  }

  setCurrent(m: Mention | undefined): void {
    const prev = this.current;
    this.current = m;
    if (prev) this.styleMarks(prev);
    if (m) this.styleMarks(m);
  }

  rangeOf(m: Mention): Range {
    const r = this.doc.createRange();
    const marks = (this.segments.get(m) ?? []).map((s) => this.markOf.get(s)).filter((x): x is HTMLElement => !!x?.isConnected);
    if (marks.length) {
      r.setStartBefore(marks[0]!);
      r.setEndAfter(marks[marks.length - 1]!);
    } else {
      r.setStart(m.startNode, Math.min(m.startOffset, m.startNode.length));
      r.setEnd(m.endNode, Math.min(m.endOffset, m.endNode.length));
    }
    return r;
  }

  mentionOfNode(node: Node): Mention | undefined {
    for (let n: Node | null = node, i = 0; n && i < 4; n = n.parentNode, i++) {
      const m = this.mentionOfMark.get(n);
      if (m) return m;
    }
    return undefined;
  }

  /** Joins the text under `node` back together before it is read; it is wrapped again on the next add/remove. */
  restoreWithin(node: Node): void {
    const inside = [...this.wrapped.keys()].filter((t) => node === t || node.contains(t));
    if (!inside.length) return;
    this.hooks.beforeWrite();
    for (const t of inside) {
      this.restoreNode(t);
      this.pending.add(t);
    }
    this.hooks.afterWrite();
  }

  refresh(): void {
    // Marks are page elements: nothing registered elsewhere to put back.
  }

  clear(): void {
    this.hooks.beforeWrite();
    for (const t of [...this.wrapped.keys()]) this.restoreNode(t);
    this.hooks.afterWrite();
    this.segments.clear();
    this.byNode.clear();
    this.markOf.clear();
    this.pending.clear();
    this.current = undefined;
  }

  /** Number of mentions painted (tests, stats). */
  get size(): number {
    return this.segments.size;
  }

  /** The pieces of original text nodes a mention covers, in the original (unsplit) coordinates. */
  private segmentsFor(m: Mention): Segment[] {
    if (m.startNode === m.endNode) return [{ m, node: m.startNode, start: m.startOffset, end: m.endOffset }];
    const segs: Segment[] = [{ m, node: m.startNode, start: m.startOffset, end: this.originalLength(m.startNode) }];
    const walker = this.doc.createTreeWalker(this.doc, 0x4 /* SHOW_TEXT */);
    walker.currentNode = m.startNode;
    const scope = m.startNode.parentNode?.parentNode ?? this.doc;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (n === m.endNode) break;
      if (this.ours.has(n) || insideOpaque(n, scope)) continue;
      segs.push({ m, node: n, start: 0, end: this.originalLength(n) });
    }
    segs.push({ m, node: m.endNode, start: 0, end: m.endOffset });
    return segs.filter((s) => s.end > s.start);
  }

  lengthOf(t: Text): number {
    return this.originalLength(t);
  }

  private originalLength(t: Text): number {
    const w = this.wrapped.get(t);
    return t.length + (w ? w.created.reduce((n, c) => n + (c.textContent?.length ?? 0), 0) : 0);
  }

  private rewrap(nodes: Set<Text>): void {
    this.pending.clear();
    if (!nodes.size) return;
    this.hooks.beforeWrite();
    for (const t of nodes) this.restoreNode(t);
    for (const t of nodes) this.wrapNode(t);
    this.hooks.afterWrite();
  }

  private restoreNode(t: Text): void {
    const w = this.wrapped.get(t);
    if (!w) return;
    this.wrapped.delete(t);
    const parent = t.parentNode;
    if (!parent) return;
    const mine = w.created.filter((n) => n.parentNode === parent);
    t.data += mine.map((n) => n.textContent ?? '').join('');
    for (const n of mine) parent.removeChild(n);
  }

  private wrapNode(t: Text): void {
    const segs = [...(this.byNode.get(t) ?? [])].sort((a, b) => b.start - a.start);
    const parent = t.parentNode;
    if (!segs.length || !parent || !t.isConnected) return;
    for (const s of segs) {
      if (s.end > t.length || s.start >= s.end) continue;
      if (s.end < t.length) this.ours.add(t.splitText(s.end));
      // Split even at 0: the original node must stay first, holding the text before the mark.
      const mid = t.splitText(s.start);
      this.ours.add(mid);
      const mark = this.doc.createElement(MARK_TAG);
      mark.setAttribute('data-kind', s.m.detection.kind);
      this.ours.add(mark);
      parent.insertBefore(mark, mid);
      mark.appendChild(mid);
      this.markOf.set(s, mark);
      this.mentionOfMark.set(mark, s.m);
      this.styleMark(mark, s.m);
    }
    const created: Node[] = [];
    for (let n = t.nextSibling; n && this.ours.has(n); n = n.nextSibling) created.push(n);
    this.wrapped.set(t, { created });
  }

  private styleMarks(m: Mention): void {
    for (const s of this.segments.get(m) ?? []) {
      const mark = this.markOf.get(s);
      if (mark) this.styleMark(mark, m);
    }
  }

  private styleMark(mark: HTMLElement, m: Mention): void {
    mark.setAttribute('style', this.current === m ? CURRENT_STYLE : STYLE[m.detection.kind]);
  }
}
