/**
 * Every mention found on the page, and which of them are painted under the reader's settings (kinds on or
 * off; every mention, or only the first of each entity in reading order). Changes accumulate as a diff
 * that the caller hands to a painter once per time slice, so a slice paints in one go.
 */
import type { EntityKind } from '../core/detect/lexicon';
import type { Density } from '../platform/settings';
import { PageEvidence } from './evidence';
import { compareMentions, entityKey, isIntact, type Mention, type ScanRoot } from './mentions';

export interface DisplayFilter {
  kinds: Record<EntityKind, boolean>;
  density: Record<EntityKind, Density>;
}

export interface PaintDiff {
  add: Mention[];
  remove: Mention[];
}

export interface EntityMentions {
  kind: EntityKind;
  id: string;
  name: string;
  count: number;
  first: Mention;
}

interface Entity {
  all: Set<Mention>;
  first: Mention | undefined;
}

/** Mentions of a node are kept in buckets of this many characters, for rescans of a range of a long text. */
const BUCKET_BITS = 12;

export class MentionStore {
  private readonly all = new Set<Mention>();
  // Sets, not arrays: a single huge text node holds 100k+ mentions, and removing them one by one from an
  // array (indexOf + splice) was quadratic. Bucketed by offset: such a node is scanned in windows, and each
  // window replaces only the mentions in its own range.
  private readonly byNode = new Map<Text, Map<number, Set<Mention>>>();
  private readonly entities = new Map<string, Entity>();
  private readonly painted = new Set<Mention>();
  private toAdd = new Set<Mention>();
  private toRemove = new Set<Mention>();
  /** Bumped on every change, so readers can cache derived lists. */
  version = 0;
  /** The page-level evidence of the same text (it follows the mentions: pruned, dropped and cleared with them). */
  readonly evidence = new PageEvidence();

  constructor(private filter: DisplayFilter) {}

  get size(): number {
    return this.all.size;
  }

  get paintedCount(): number {
    return this.painted.size;
  }

  add(ms: Iterable<Mention>): void {
    for (const m of ms) {
      if (this.all.has(m)) continue;
      this.all.add(m);
      let buckets = this.byNode.get(m.startNode);
      if (!buckets) this.byNode.set(m.startNode, (buckets = new Map()));
      const b = m.startOffset >> BUCKET_BITS;
      const set = buckets.get(b);
      if (set) set.add(m);
      else buckets.set(b, new Set([m]));
      const key = entityKey(m.detection);
      let e = this.entities.get(key);
      if (!e) this.entities.set(key, (e = { all: new Set(), first: undefined }));
      e.all.add(m);
      if (!e.first || compareMentions(m, e.first) < 0) {
        const old = e.first;
        e.first = m;
        if (old) this.update(old);
      }
      this.update(m);
    }
    this.version++;
  }

  remove(ms: Iterable<Mention>): void {
    const refirst = new Set<Entity>();
    for (const m of ms) {
      if (!this.all.delete(m)) continue;
      const buckets = this.byNode.get(m.startNode);
      const b = m.startOffset >> BUCKET_BITS;
      const set = buckets?.get(b);
      if (set) {
        set.delete(m);
        if (!set.size) buckets!.delete(b);
        if (!buckets!.size) this.byNode.delete(m.startNode);
      }
      const key = entityKey(m.detection);
      const e = this.entities.get(key);
      if (e) {
        e.all.delete(m);
        if (e.first === m) refirst.add(e);
        if (!e.all.size) this.entities.delete(key);
      }
      this.setPainted(m, false);
    }
    for (const e of refirst) {
      e.first = undefined;
      for (const m of e.all) if (!e.first || compareMentions(m, e.first) < 0) e.first = m;
      if (e.first) this.update(e.first);
    }
    this.version++;
  }

  /** Mentions starting in `node` at an offset in [from, to) (what a rescan of that range replaces). */
  inRange(node: Text, from: number, to: number): Mention[] {
    const out: Mention[] = [];
    const buckets = this.byNode.get(node);
    if (!buckets) return out;
    const lo = from >> BUCKET_BITS;
    const hi = to === Infinity ? Infinity : (to - 1) >> BUCKET_BITS;
    // Few buckets in the range (a window of a long text): look them up; many: walk the node's buckets.
    const keys = hi - lo < buckets.size ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i) : [...buckets.keys()];
    for (const b of keys) {
      if (b < lo || b > hi) continue;
      for (const m of buckets.get(b) ?? []) if (m.startOffset >= from && m.startOffset < to) out.push(m);
    }
    return out;
  }

  /** Mentions matching a predicate (pruning: detached, inside a changed block, from a stale scan). */
  where(pred: (m: Mention) => boolean): Mention[] {
    const out: Mention[] = [];
    for (const m of this.all) if (pred(m)) out.push(m);
    return out;
  }

  /** Drops mentions whose text left the page or changed under them. */
  pruneDetached(intact: (m: Mention) => boolean = (m) => isIntact(m)): number {
    const gone = this.where((m) => !intact(m));
    this.remove(gone);
    this.evidence.releaseWhere((p) => !p.node.isConnected);
    return gone.length;
  }

  dropRoot(root: ScanRoot): void {
    this.remove(this.where((m) => m.root === root));
    this.evidence.releaseWhere((p) => p.root === root);
  }

  clear(): void {
    this.remove([...this.all]);
    this.evidence.clear();
  }

  setFilter(filter: DisplayFilter): void {
    this.filter = filter;
    for (const m of this.all) this.update(m);
    this.version++;
  }

  isPainted(m: Mention): boolean {
    return this.painted.has(m);
  }

  /** How many changes wait for the painter. */
  get pendingPaint(): number {
    return this.toAdd.size + this.toRemove.size;
  }

  /** How many mentions the painter shows (as of the last diff taken). */
  get shownCount(): number {
    return this.painted.size - this.toAdd.size + this.toRemove.size;
  }

  /** What changed for the painter since the last call (at most `limit` changes, removals first; the rest waits). */
  takeDiff(limit = Infinity): PaintDiff {
    if (this.pendingPaint <= limit) {
      const diff = { add: [...this.toAdd], remove: [...this.toRemove] };
      this.toAdd = new Set();
      this.toRemove = new Set();
      return diff;
    }
    const take = (from: Set<Mention>, n: number) => {
      const out: Mention[] = [];
      for (const m of from) {
        if (out.length >= n) break;
        out.push(m);
      }
      for (const m of out) from.delete(m);
      return out;
    };
    const remove = take(this.toRemove, limit);
    return { remove, add: take(this.toAdd, limit - remove.length) };
  }

  /** Painted mentions in reading order. */
  paintedInOrder(): Mention[] {
    return [...this.painted].sort(compareMentions);
  }

  /** One entry per entity with its mention count and first mention (kinds switched off are left out). */
  entitiesFound(): EntityMentions[] {
    const out: EntityMentions[] = [];
    for (const e of this.entities.values()) {
      const first = e.first;
      if (!first || !this.filter.kinds[first.detection.kind]) continue;
      out.push({ kind: first.detection.kind, id: first.detection.id, name: first.detection.name, count: e.all.size, first });
    }
    return out.sort((a, b) => compareMentions(a.first, b.first));
  }

  firstOf(kind: EntityKind, id: string): Mention | undefined {
    const e = this.entities.get(entityKey({ kind, id }));
    return e?.first && this.filter.kinds[kind] ? e.first : undefined;
  }

  private shouldPaint(m: Mention): boolean {
    const kind = m.detection.kind;
    if (!this.filter.kinds[kind]) return false;
    if (this.filter.density[kind] === 'every') return true;
    return this.entities.get(entityKey(m.detection))?.first === m;
  }

  private update(m: Mention): void {
    this.setPainted(m, this.all.has(m) && this.shouldPaint(m));
  }

  private setPainted(m: Mention, on: boolean): void {
    if (on === this.painted.has(m)) return;
    if (on) {
      this.painted.add(m);
      if (!this.toRemove.delete(m)) this.toAdd.add(m);
    } else {
      this.painted.delete(m);
      if (!this.toAdd.delete(m)) this.toRemove.add(m);
    }
  }
}
