/**
 * Everything painted, per document: one painter for each (the Highlight API, or the `<reg-lens-mark>`
 * fallback where a document lacks it), the store's diff applied once per slice, the index from text
 * nodes to painted mentions that hit tests use, and the geometry of a painted mention. A document whose
 * painter fails is reported and skipped; the other documents are painted all the same.
 */
import { caretAt } from './geometry';
import type { Painter } from './highlights';
import { fallbackAfter, preferredPainter, type PainterOptions } from './painter-choice';
import { isIntact, rectsInTopViewport, textNodesOf, type Mention } from './mentions';
import type { PaintDiff } from './store';

export class Paintwork {
  private readonly painters = new Map<Document, Painter>();
  // Sets, not arrays: see MentionStore.byNode (removal from arrays was quadratic on huge text nodes).
  private readonly byNode = new Map<Text, Set<Mention>>();
  /**
   * The document each mention was painted in. A page can move painted text to another document (into a
   * <template>'s content, a frame): its range is still held by the painter of the document it left, and
   * only that painter can remove it (the new document may have no window, hence no painter at all).
   */
  private readonly paintedIn = new Map<Mention, Document>();

  constructor(private readonly opts: PainterOptions & { isPainted(m: Mention): boolean }) {}

  painterFor(doc: Document): Painter {
    let p = this.painters.get(doc);
    if (!p) {
      p = preferredPainter(doc, this.opts);
      this.painters.set(doc, p);
    }
    return p;
  }

  /** Applies a diff; returns how many mentions were newly painted. */
  apply({ add, remove }: PaintDiff): number {
    if (!add.length && !remove.length) return 0;
    const byDoc = new Map<Document, PaintDiff>();
    const bucket = (d: Document) => {
      let b = byDoc.get(d);
      if (!b) byDoc.set(d, (b = { add: [], remove: [] }));
      return b;
    };
    for (const m of remove) bucket(this.paintedIn.get(m) ?? m.startNode.ownerDocument).remove.push(m);
    for (const m of add) bucket(m.startNode.ownerDocument).add.push(m);
    for (const m of remove) this.unindex(m);
    let added = 0;
    for (const [doc, b] of byDoc) {
      if (!this.paintIn(doc, b)) continue;
      for (const m of b.add) this.index(m, doc);
      added += b.add.length;
    }
    return added;
  }

  /** Paints one document's share of a diff, falling back to the other painter if the first one throws. */
  private paintIn(doc: Document, b: PaintDiff): boolean {
    let p = this.painterFor(doc);
    try {
      if (b.remove.length) p.remove(b.remove);
      p.add(b.add);
      p.refresh();
      return true;
    } catch (e) {
      this.opts.report('painting', e);
    }
    const next = fallbackAfter(p, doc, this.opts);
    if (!next) return false;
    this.painters.set(doc, (p = next));
    try {
      // What the failed painter held (its removals are already unindexed), then this diff's additions.
      p.add([...this.paintedIn].filter(([, d]) => d === doc).map(([m]) => m));
      p.add(b.add);
      return true;
    } catch (e) {
      this.opts.report('painting', e);
      return false;
    }
  }

  /** Puts back what a page may have cleared (the highlight registry, the adopted sheets). */
  refresh(): void {
    for (const p of this.painters.values()) {
      try {
        p.refresh();
      } catch (e) {
        this.opts.report('refreshing the highlights', e);
      }
    }
  }

  setCurrent(m: Mention | undefined): void {
    for (const p of this.painters.values()) p.setCurrent(undefined);
    if (m) this.painterFor(m.startNode.ownerDocument).setCurrent(m);
  }

  /** Whether a mention's text is still where it was found (offsets as the page wrote the text). */
  isIntact(m: Mention): boolean {
    const p = this.painters.get(m.startNode.ownerDocument);
    return isIntact(m, p?.lengthOf ? (t) => p.lengthOf!(t) : undefined);
  }

  /** The painted mention under a point of `doc`'s viewport. */
  mentionAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): Mention | undefined {
    const pos = caretAt(doc, x, y, shadowRoots);
    if (!pos || pos.node.nodeType !== 3) return undefined;
    const painter = this.painterFor(doc);
    const marked = painter.mentionOfNode?.(pos.node);
    const candidates = marked ? [marked] : (this.byNode.get(pos.node as Text) ?? []);
    for (const m of candidates) {
      if (!this.opts.isPainted(m)) continue;
      for (const rect of painter.rangeOf(m).getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
      }
    }
    return undefined;
  }

  /** The mention's first line box in the top viewport's coordinates. */
  rectOf(m: Mention): DOMRect | undefined {
    if (!m.startNode.isConnected) return undefined;
    const doc = m.startNode.ownerDocument;
    const rects = rectsInTopViewport(this.painterFor(doc).rangeOf(m), doc);
    return rects.find((x) => x.width || x.height) ?? rects[0];
  }

  /** Removes every trace of painting, in every document. */
  clear(): void {
    for (const p of this.painters.values()) p.clear();
    this.painters.clear();
    this.byNode.clear();
    this.paintedIn.clear();
  }

  private index(m: Mention, doc: Document): void {
    this.paintedIn.set(m, doc);
    for (const t of textNodesOf(m)) {
      const set = this.byNode.get(t);
      if (set) set.add(m);
      else this.byNode.set(t, new Set([m]));
    }
  }

  private unindex(m: Mention): void {
    this.paintedIn.delete(m);
    for (const t of textNodesOf(m)) {
      const set = this.byNode.get(t);
      if (!set) continue;
      set.delete(m);
      if (!set.size) this.byNode.delete(t);
    }
  }
}
