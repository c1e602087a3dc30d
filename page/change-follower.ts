/**
 * Following the page's changes: the mutation records the roots collected become one job at the front of
 * the pump, which scans the changed blocks again, drops what left the page and settles the names that
 * what left may have resolved elsewhere.
 */
import { dirtyFromRecords } from './living';
import type { ScanRoot } from './mentions';
import type { Paintwork } from './paintwork';
import type { Pump } from './pump';
import type { Report } from './report';
import type { Roots } from './roots';
import type { ScanJob } from './scan';
import type { MentionStore } from './store';

export interface ChangeFollowerDeps {
  active(): boolean;
  pump: Pump;
  roots: Roots;
  store: MentionStore;
  paint: Paintwork;
  report: Report;
  /** Jobs: the whole root read again; its changed blocks read again; the page's names settled. */
  fullScan(root: ScanRoot): ScanJob;
  blocksScan(root: ScanRoot, blocks: Node[]): ScanJob;
  settling(): ScanJob;
}

export class ChangeFollower {
  private queued = false;

  constructor(private readonly deps: ChangeFollowerDeps) {}

  /** Changes arrived: one job takes them all (queued once until it runs). */
  queue(): void {
    if (!this.deps.active() || this.queued) return;
    this.queued = true;
    this.deps.pump.add({ step: () => this.process() }, true);
  }

  /** Forgets a queued job (the pump was cleared). */
  reset(): void {
    this.queued = false;
  }

  private process(): boolean {
    const { pump, roots, store, paint, report } = this.deps;
    this.queued = false;
    let removed = false;
    for (const [root, records] of roots.take()) {
      let dirty;
      try {
        dirty = dirtyFromRecords(records, root);
      } catch (e) {
        // What changed is unknown: read the root again whole (as after a storm); the other roots go on.
        report('following page changes', e);
        pump.add(this.deps.fullScan(root));
        continue;
      }
      removed ||= dirty.removed;
      if (dirty.blocks.length) pump.add(this.deps.blocksScan(root, dirty.blocks), true);
    }
    if (removed) {
      store.pruneDetached((m) => paint.isIntact(m));
      roots.dropDead();
      // What left the page may have resolved names elsewhere on it.
      pump.add(this.deps.settling());
    }
    return true;
  }
}
