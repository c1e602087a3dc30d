/**
 * One time-sliced pump for all page work: jobs run until the slice's deadline (a share of the budget,
 * leaving room for the paint at the end of the slice and the garbage collector), then the page gets the
 * thread back. A failing job never stops the others, and a failing paint never stops the pump. Counts
 * slices for the page's stats.
 */
import type { Report } from './report';

export interface Job {
  /**
   * Works until `deadline` (or until too little time is left for its next piece of work) and says whether
   * it is finished. Unfinished, it has used its slice: the pump paints and gives the page the thread.
   */
  step(deadline: number): boolean;
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

export interface SliceStats {
  chunks: number;
  chunksOverBudget: number;
  longestChunkMs: number;
}

export class Pump {
  private jobs: Job[] = [];
  private running = false;
  private waiters: Array<() => void> = [];
  readonly stats: SliceStats = { chunks: 0, chunksOverBudget: 0, longestChunkMs: 0 };

  constructor(
    private readonly opts: {
      budgetMs: number;
      now: () => number;
      /** Whether work may go on (the extension is active and its context valid). */
      alive: () => boolean;
      /** Runs at the end of every slice (the paint). */
      afterSlice: () => void;
      /** Runs when the queue empties. */
      onIdle?: () => void;
      /** Where a failing job or paint is reported. */
      report: Report;
    },
  ) {}

  get busy(): boolean {
    return this.running || this.jobs.length > 0;
  }

  /** Queues a job; `urgent` ones (reactions to the page's changes) go first. */
  add(job: Job, urgent = false): void {
    if (urgent) this.jobs.unshift(job);
    else this.jobs.push(job);
    void this.run();
  }

  clear(): void {
    this.jobs = [];
    this.wake();
  }

  /** Resolves when the queue is empty. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const { now, budgetMs } = this.opts;
    try {
      while (this.jobs.length && this.opts.alive()) {
        const t0 = now();
        const deadline = t0 + budgetMs * 0.6;
        while (this.jobs.length && now() < deadline) {
          const job = this.jobs[0]!;
          let done = true;
          try {
            done = job.step(deadline);
          } catch (e) {
            this.opts.report('a scan step', e);
          }
          // A step may have queued urgent jobs in front of itself.
          if (done) this.jobs.splice(this.jobs.indexOf(job), 1);
          else break;
        }
        try {
          this.opts.afterSlice();
        } catch (e) {
          // Uncaught, it would end this run with the queue still full, and nothing would restart it until
          // the page changed again.
          this.opts.report('painting', e);
        }
        const dt = now() - t0;
        this.stats.chunks++;
        if (dt > budgetMs) this.stats.chunksOverBudget++;
        if (dt > this.stats.longestChunkMs) this.stats.longestChunkMs = dt;
        if (this.jobs.length) await yieldToPage();
      }
    } finally {
      this.running = false;
    }
    if (!this.jobs.length) {
      this.opts.onIdle?.();
      this.wake();
    }
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
