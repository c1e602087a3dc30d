/**
 * When the store's changes reach the painter: after every slice of the pump, soon after a change outside
 * it (a setting, a root dropped), and in slices of their own when more is waiting than one slice paints.
 */
import type { Paintwork } from './paintwork';
import type { Pump } from './pump';
import type { MentionStore } from './store';

/**
 * After a change to the highlights the browser re-validates every painted range and repaints the text in
 * the next frame (on a 10 MB text node, about 0.3 s per frame): past this many painted mentions, what a
 * scan still finds is painted when it is done, not after each slice.
 */
const PAINT_BATCHES_FROM = 10_000;
/** Changes painted in one slice at most (creating and registering ranges takes time too). */
const MAX_PAINT_PER_SLICE = 6_000;

export interface PaintScheduleDeps {
  active(): boolean;
  pump: Pump;
  store: MentionStore;
  paint: Paintwork;
  /** The first time something is painted. */
  firstPainted(): void;
}

export class PaintSchedule {
  private scheduled = false;
  /** Painting what the scan left waiting, without batching (see PAINT_BATCHES_FROM). */
  private draining = false;

  constructor(private readonly deps: PaintScheduleDeps) {}

  /** One more slice, with nothing to do but paint (`flush` runs after every slice). */
  drain(): void {
    this.draining = true;
    this.deps.pump.add({ step: () => true });
  }

  /** Paints the changes in a microtask (several changes in one task are painted once). */
  soon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  flush(): void {
    const { store, pump, paint } = this.deps;
    if (!this.deps.active()) return;
    if (!this.draining && pump.busy && store.shownCount >= PAINT_BATCHES_FROM) return;
    const added = paint.apply(store.takeDiff(MAX_PAINT_PER_SLICE));
    this.draining &&= store.pendingPaint > 0;
    if (store.pendingPaint && !pump.busy) this.drain();
    if (added) this.deps.firstPainted();
  }
}
