/**
 * Scanning as resumable jobs that a time-sliced pump advances: each `step` does work until its deadline
 * and says whether it is finished. A job walks its containers into units, optionally puts the visible
 * ones first, then scans units in batches (one matcher run per ~2,000 characters), replacing the mentions
 * previously found in the same text nodes. A full scan finally drops what it did not find again.
 */
import type { Matcher } from '../detect/matcher';
import type { Painter } from './highlights';
import { under } from './living';
import { joinIndexes, mentionsIn, unitIndex, type Mention, type ScanRoot, type Unit } from './mentions';
import type { MentionStore } from './store';
import { UnitWalker, type Discoveries } from './units';

export interface Job {
  step(deadline: number): boolean;
}

export interface ScanCounters {
  units: number;
  textNodes: number;
  chars: number;
}

export interface ScanEnv {
  matcher: Matcher;
  store: MentionStore;
  painterFor(node: Node): Painter;
  discoveries: Discoveries;
  now(): number;
  counters: ScanCounters;
}

export const BATCH_CHARS = 2000;

export interface ScanJobOptions {
  /** A full scan of the root: mentions of the root it does not find again are dropped at the end. */
  full: boolean;
  stamp: number;
  /** Reorders the units once walked (visible viewport first). */
  order?: (units: Unit[]) => Unit[];
  onDone?: () => void;
}

export class ScanJob implements Job {
  private phase: 'start' | 'walk' | 'scan' | 'finish' = 'start';
  private walkers: UnitWalker[] = [];
  private units: Unit[] = [];
  private pos = 0;

  constructor(
    private readonly env: ScanEnv,
    readonly root: ScanRoot,
    private readonly containers: Node[],
    private readonly opts: ScanJobOptions,
  ) {}

  step(deadline: number): boolean {
    const { env } = this;
    if (this.phase === 'start') {
      const live = this.containers.filter((c) => c.isConnected);
      // The fallback painter wraps text in elements: join it back before reading it.
      for (const c of live) env.painterFor(c).restoreWithin(c);
      if (!this.opts.full) {
        const blocks = new Set(live);
        env.store.remove(env.store.where((m) => m.root === this.root && under(m.startNode, blocks)));
      }
      this.walkers = live.map((c) => new UnitWalker(c, env.discoveries, this.root));
      this.phase = 'walk';
    }
    if (this.phase === 'walk') {
      while (this.walkers.length) {
        if (env.now() >= deadline) return false;
        const u = this.walkers[0]!.next();
        if (u) this.units.push(u);
        else this.walkers.shift();
      }
      if (this.opts.order) this.units = this.opts.order(this.units);
      env.counters.units += this.units.length;
      this.phase = 'scan';
    }
    if (this.phase === 'scan') {
      while (this.pos < this.units.length) {
        if (env.now() >= deadline) return false;
        this.scanBatch(deadline);
      }
      this.phase = 'finish';
    }
    if (this.opts.full) {
      const stamp = this.opts.stamp;
      env.store.remove(env.store.where((m) => m.root === this.root && m.stamp < stamp));
    }
    this.opts.onDone?.();
    return true;
  }

  private scanBatch(deadline: number): void {
    const { env } = this;
    const parts = [];
    let chars = 0;
    // Reading units costs time too (extraction walks their nodes): stop at the deadline as well.
    while (this.pos < this.units.length && chars < BATCH_CHARS && (!parts.length || env.now() < deadline)) {
      const u = this.units[this.pos++]!;
      if (!connected(u)) continue;
      const idx = unitIndex(u);
      if (!idx.text) continue;
      parts.push(idx);
      chars += idx.text.length;
    }
    if (!parts.length) return;
    const joined = joinIndexes(parts);
    const found: Mention[] = mentionsIn(joined, env.matcher, this.root, this.opts.stamp);
    env.store.remove(env.store.inNodes(joined.chunks.map((c) => c.node)));
    env.store.add(found);
    env.counters.textNodes += joined.chunks.length;
    env.counters.chars += joined.text.length;
  }
}

function connected(u: Unit): boolean {
  return u.kind === 'element' ? u.root.isConnected : u.nodes.every((n) => n.isConnected);
}

/** Lets the page handle input and paint between slices. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}
