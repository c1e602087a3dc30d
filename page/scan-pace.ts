/**
 * How much text one matcher run may take so that it ends by the slice's deadline. Its cost per character
 * depends on the lexicon (which grows with the dataset), the page's language and the machine, so it is
 * learnt from the runs so far rather than fixed: a fixed segment that took a millisecond with a small
 * lexicon took ten with a large one, and every slice of a long page ran over its budget.
 */
import { MARGIN_CHARS } from '../core/detect/page-level';

/** Own text per segment at most: past this, the margins' share is negligible and nothing is gained. */
export const SEGMENT_CHARS = 16_000;
/** And at least: below this, the margins (read again on both sides) would cost more than the text. */
export const MIN_SEGMENT_CHARS = 4_000;
/** A cautious first guess (a page's first runs also pay for the JIT): 2,000 characters per millisecond. */
const FIRST_MS_PER_CHAR = 1 / 2000;
/** How much each new run counts: a few runs settle it, one preempted run does not swing it. */
const WEIGHT = 0.3;

export class ScanPace {
  /** `msPerChar`: the first guess (0: the largest segments until a run is timed). */
  constructor(private msPerChar = FIRST_MS_PER_CHAR) {}

  /** A matcher run over `chars` characters (margins included) took `ms`. */
  observe(chars: number, ms: number): void {
    // Short runs are mostly fixed costs: they say little about the rate.
    if (chars < MIN_SEGMENT_CHARS || !(ms >= 0)) return;
    this.msPerChar += WEIGHT * (ms / chars - this.msPerChar);
  }

  /** The segment's own text, in characters, that one run can scan in `ms` (its two margins come on top). */
  charsFor(ms: number): number {
    const fits = Math.floor(ms / this.msPerChar) - 2 * MARGIN_CHARS;
    return Math.max(MIN_SEGMENT_CHARS, Math.min(SEGMENT_CHARS, fits));
  }
}
