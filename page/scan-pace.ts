/**
 * How much text one segment may hold so that scanning it ends by the slice's deadline. Its cost per
 * character depends on the lexicon (which grows with the dataset), the page's language, its markup and the
 * machine, so it is learnt from the segments so far rather than fixed: a fixed segment that took a
 * millisecond with a small lexicon took ten with a large one, and every slice of a long page ran over its
 * budget.
 */

/** Own text per segment at most: past this, the margins' share is negligible and nothing is gained. */
export const SEGMENT_CHARS = 16_000;
/** And at least: below this, the margins (read again on both sides) would cost more than the text. */
export const MIN_SEGMENT_CHARS = 4_000;
/** A cautious first guess (a page's first segments also pay for the JIT): 1,000 characters a millisecond. */
const FIRST_MS_PER_CHAR = 1 / 1000;
/** How much each new segment counts: a few settle it, one preempted segment does not swing it. */
const WEIGHT = 0.3;

export class ScanPace {
  /** `msPerChar`: the first guess (0: the largest segments until one is timed). */
  constructor(private msPerChar = FIRST_MS_PER_CHAR) {}

  /**
   * Scanning a segment of `chars` characters of own text took `ms`, everything included (reading the
   * units, the matcher over the text and its margins, placing what it found).
   */
  observe(chars: number, ms: number): void {
    // Short segments are mostly fixed costs: they say little about the rate.
    if (chars < MIN_SEGMENT_CHARS || !(ms >= 0)) return;
    this.msPerChar += WEIGHT * (ms / chars - this.msPerChar);
  }

  /** The own text, in characters, that a segment can hold to be scanned in `ms`; 0 when not even the smallest fits. */
  charsFor(ms: number): number {
    const fits = this.msPerChar > 0 ? Math.floor(ms / this.msPerChar) : SEGMENT_CHARS;
    return fits < MIN_SEGMENT_CHARS ? 0 : Math.min(SEGMENT_CHARS, fits);
  }
}
