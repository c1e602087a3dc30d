/**
 * The reader page and its detection worker (detect-worker.ts) talk in these messages: the
 * matcher's tables once, then each page's text with its neighbours, in page order; the worker answers
 * each page with its detections (offsets in that page's text). The matcher's regex is compiled, and
 * every page scanned, off the reader's main thread: a first regex compile alone takes a few hundred
 * milliseconds, far past the 50 ms a task may hold the page.
 */
import type { Detection } from '../../core/detect/matcher';
import type { MatcherTables } from '../../core/detect/tables';

export type ToDetectWorker =
  { type: 'tables'; tables: MatcherTables } | { type: 'page'; n: number; text: string; before: string; after: string };

export type FromDetectWorker =
  | { type: 'ready'; compileMs: number }
  | { type: 'found'; n: number; detections: Detection[]; scanMs: number }
  | { type: 'error'; error: string };

/** The worker's side: a fresh scanner per document, pages in order. */
export function isToDetectWorker(m: unknown): m is ToDetectWorker {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r.type === 'tables') return typeof r.tables === 'object' && r.tables !== null;
  return (
    r.type === 'page' &&
    typeof r.n === 'number' &&
    typeof r.text === 'string' &&
    typeof r.before === 'string' &&
    typeof r.after === 'string'
  );
}

/** The page's side: one worker per document; pages answered in the order they were sent. */
export class DetectClient {
  private readonly waiting = new Map<number, (d: Detection[]) => void>();
  private readonly ready: Promise<number>;
  /** The longest single page scan in the worker (ms), for the benchmark. */
  longestScanMs = 0;

  constructor(
    private readonly worker: Worker,
    tables: MatcherTables,
  ) {
    this.ready = new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<FromDetectWorker>) => {
        const m = e.data;
        if (m.type === 'ready') resolve(m.compileMs);
        else if (m.type === 'found') {
          this.longestScanMs = Math.max(this.longestScanMs, m.scanMs);
          this.waiting.get(m.n)?.(m.detections);
          this.waiting.delete(m.n);
        } else reject(new Error(m.error));
      };
      worker.onerror = (e) => reject(new Error(e.message));
    });
    this.ready.catch(() => undefined);
    this.post({ type: 'tables', tables });
  }

  whenReady(): Promise<number> {
    return this.ready;
  }

  scan(n: number, text: string, before: string, after: string): Promise<Detection[]> {
    return new Promise((resolve) => {
      this.waiting.set(n, resolve);
      this.post({ type: 'page', n, text, before, after });
    });
  }

  stop(): void {
    this.worker.terminate();
    this.waiting.clear();
  }

  private post(m: ToDetectWorker): void {
    this.worker.postMessage(m);
  }
}
