/**
 * Failure reports from the page side ("an exception in one part is caught, reported to the
 * extension's console once, and does not stop the rest"). The part that failed goes on without the piece
 * that threw (one unit, one card, one batch of mutations); this only tells. Each distinct failure (where
 * it happened, the error's name and message) is logged once: a page that makes the same thing throw on
 * every slice or every keystroke must not flood its console, nor make us format a warning each time.
 */

export type Report = (where: string, error: unknown) => void;

export interface Reporter {
  report: Report;
  /** Every failure reported, repeats included (tests, diagnostics). */
  readonly failures: number;
}

/** Past this many distinct failures nothing new is logged (messages that embed changing data). */
export const MAX_DISTINCT_REPORTS = 50;

/** `log` defaults to console.warn, looked up at each call (tests replace it after the reporter exists). */
export function createReporter(
  log: (message: string, error: unknown) => void = (message, error) => console.warn(message, error),
): Reporter {
  const seen = new Set<string>();
  let failures = 0;
  return {
    report(where, error) {
      failures++;
      const key = `${where}\u0000${describeError(error)}`;
      if (seen.has(key) || seen.size >= MAX_DISTINCT_REPORTS) return;
      seen.add(key);
      log(`[regulatory-lens] ${where} failed (reported once; the rest goes on):`, error);
    },
    get failures() {
      return failures;
    },
  };
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  // DOMExceptions from another realm (a frame) are not `instanceof Error` here.
  if (typeof e === 'object' && e !== null && 'message' in e)
    return `${String((e as { name?: unknown }).name)}: ${String((e as { message: unknown }).message)}`;
  return String(e);
}
