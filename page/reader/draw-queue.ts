/**
 * The order in which the reader draws the pages that come near the viewport: one page at a time, the one
 * nearest the page being read first. pdf.js draws a page's canvas in chunks of about 15 ms, one chunk per
 * animation frame; pages drawn side by side have their chunks run in the same frame, so three pages at
 * once made one 45 ms task, and a fast scroll, many more. Drawn one by one, a frame holds one chunk.
 */
export interface DrawQueueOptions {
  draw(n: number): Promise<void>;
  /** The page being read (the nearest wanted page to it is drawn next). */
  focus(): number;
}

export class DrawQueue {
  private readonly wanted = new Set<number>();
  private running = false;
  private stopped = false;

  constructor(private readonly opts: DrawQueueOptions) {}

  /** Page `n` came near the viewport: draw it in its turn. */
  want(n: number): void {
    this.wanted.add(n);
    void this.run();
  }

  /** Page `n` went out of reach before its turn: not drawn now. */
  drop(n: number): void {
    this.wanted.delete(n);
  }

  stop(): void {
    this.stopped = true;
    this.wanted.clear();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.wanted.size && !this.stopped) {
        const focus = this.opts.focus();
        let next = 0;
        let distance = Infinity;
        for (const n of this.wanted) {
          const d = Math.abs(n - focus);
          if (d < distance || (d === distance && n < next)) [next, distance] = [n, d];
        }
        this.wanted.delete(next);
        // A failed page is the drawer's to report; the queue goes on with the next.
        await this.opts.draw(next).catch(() => undefined);
      }
    } finally {
      this.running = false;
    }
  }
}
