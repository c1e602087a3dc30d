/**
 * The page's page-level evidence (see core/detect/page-level.ts): what each scanned piece of text (a
 * text node, or a range of one when a long text is scanned in windows) adds to the page's totals, and the
 * checks of every scanned segment that relied on them. Pieces follow the page like mentions do: scanned
 * again, they replace what they held; gone from the page (or from its root's latest full scan), they are
 * dropped. `totals` is therefore always the sum over the page as last read, and a segment about to be
 * scanned first releases its own pieces, so that `totals` is then the rest of the page.
 */
import type { EvidenceItem, EvidenceKind, PageTotals } from '../core/detect/page-level';
import type { ScanRoot } from './mentions';

type Counts = Record<EvidenceKind, Map<string, number>>;

export interface Piece {
  node: Text;
  /** Offsets in the node: [from, to); `to` may be Infinity (to the node's end). */
  from: number;
  to: number;
  root: ScanRoot;
  stamp: number;
  /** What the piece adds to the totals (a list, not maps: a page holds tens of thousands of pieces). */
  items?: EvidenceItem[];
  /** False once released: a segment scanned again replaces only the pieces it still owns. */
  alive: boolean;
}

/** A scanned segment whose detections relied on page-level answers, and how to scan it again. */
export interface SegmentRecord {
  checks: Array<(page: PageTotals) => boolean>;
  pieces: Piece[];
  /** Opaque to this module: what the scan job needs to scan the segment again. */
  target: unknown;
}

const newCounts = (): Counts => ({ jurisdictions: new Map(), frameworks: new Map(), technologies: new Map(), words: new Map() });

export class PageEvidence {
  private readonly counts: Counts = newCounts();
  /** Pieces by text node: most nodes hold one piece, kept without an array (a page of 100k nodes). */
  private readonly byNode = new Map<Text, Piece | Piece[]>();
  private readonly records = new Set<SegmentRecord>();
  /** Bumped whenever the totals change. */
  version = 0;
  /** The version last checked for stale segments (by the scan jobs' settling). */
  settled = -1;

  /** The live totals (read-only to callers; valid until the next change). */
  get totals(): PageTotals {
    return this.counts;
  }

  /** A copy of the totals that later changes do not touch (for a round of checks). */
  snapshot(): PageTotals {
    return {
      jurisdictions: new Map(this.counts.jurisdictions),
      frameworks: new Map(this.counts.frameworks),
      technologies: new Map(this.counts.technologies),
      words: new Map(this.counts.words),
    };
  }

  /** Text nodes holding evidence or the text of a segment to re-check. */
  get size(): number {
    return this.byNode.size;
  }

  /** Drops the pieces of `node` overlapping [from, to): a scan of that range is about to replace them. */
  release(node: Text, from: number, to: number): void {
    const held = this.byNode.get(node);
    if (held) this.keepOnly(node, held, (p) => !(p.from < to && from < p.to));
  }

  /** Drops every piece matching `pred`. */
  releaseWhere(pred: (p: Piece) => boolean): void {
    for (const [node, held] of this.byNode)
      if (Array.isArray(held) ? held.some(pred) : pred(held)) this.keepOnly(node, held, (p) => !pred(p));
  }

  clear(): void {
    this.releaseWhere(() => true);
    this.records.clear();
  }

  /**
   * Adds a scanned segment's pieces and its evidence (`found`: items by the piece they are in). A record
   * with checks is kept for `stale`.
   */
  commit(pieces: Piece[], found: Array<{ piece: Piece; item: EvidenceItem }>, record?: SegmentRecord): void {
    for (const { piece, item } of found) (piece.items ??= []).push(item);
    for (const p of pieces) {
      p.alive = true;
      const held = this.byNode.get(p.node);
      if (!held) this.byNode.set(p.node, p);
      else if (Array.isArray(held)) held.push(p);
      else this.byNode.set(p.node, [held, p]);
      if (p.items) this.apply(p.items, 1);
    }
    if (record) {
      record.pieces = pieces;
      this.records.add(record);
    }
  }

  /**
   * The segments whose page-level answers differ under the current totals. Segments that no longer own
   * any of their text are forgotten.
   */
  stale(): SegmentRecord[] {
    const now = this.snapshot();
    const out: SegmentRecord[] = [];
    for (const r of this.records) {
      if (!r.pieces.some((p) => p.alive)) {
        this.records.delete(r);
        continue;
      }
      if (r.checks.some((check) => !check(now))) out.push(r);
    }
    return out;
  }

  /** Something the checks depend on changed outside the totals (the fuzzy scorer arrived): settle again. */
  touch(): void {
    this.version++;
  }

  /** Forgets a record (it is being scanned again and will be replaced). */
  forget(record: SegmentRecord): void {
    this.records.delete(record);
  }

  private keepOnly(node: Text, held: Piece | Piece[], keep: (p: Piece) => boolean): void {
    if (!Array.isArray(held)) {
      if (keep(held)) return;
      this.drop(held);
      this.byNode.delete(node);
      return;
    }
    const kept: Piece[] = [];
    for (const p of held) {
      if (keep(p)) kept.push(p);
      else this.drop(p);
    }
    if (kept.length > 1) this.byNode.set(node, kept);
    else if (kept.length) this.byNode.set(node, kept[0]!);
    else this.byNode.delete(node);
  }

  private drop(p: Piece): void {
    if (!p.alive) return;
    p.alive = false;
    if (p.items) this.apply(p.items, -1);
  }

  private apply(items: EvidenceItem[], sign: 1 | -1): void {
    for (const { kind, id, weight } of items) {
      const total = this.counts[kind];
      const v = (total.get(id) ?? 0) + sign * weight;
      // Strengths are 1 and 0.5: sums and differences are exact, a total that returns to zero is zero.
      if (v > 0) total.set(id, v);
      else total.delete(id);
    }
    if (items.length) this.version++;
  }
}
