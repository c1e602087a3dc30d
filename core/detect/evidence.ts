/**
 * Where the page names jurisdictions, frameworks and technologies, as sorted positions: what the context
 * rules (context.ts) and the page level (page-level.ts) weigh, and how far they look.
 */

export const NEAR = 250;
export const NEAR_TECHNOLOGY = 600;
export const PAGE_TECHNOLOGY_MENTIONS = 3;

export interface EvidencePoint {
  start: number;
  end: number;
  id: string;
  /** 1 for a name, ADJECTIVE_STRENGTH for an adjective. */
  strength: number;
}

/** Sorted positions of evidence, with binary search for the ones near a point. */
export class Evidence {
  private sorted = false;
  readonly items: EvidencePoint[] = [];

  add(m: EvidencePoint) {
    this.items.push(m);
    this.sorted = false;
  }

  near(start: number, end: number, radius: number): EvidencePoint[] {
    if (!this.sorted) {
      this.items.sort((a, b) => a.start - b.start);
      this.sorted = true;
    }
    const lo = lowerBound(this.items, start - radius);
    const out: EvidencePoint[] = [];
    for (let i = lo; i < this.items.length && this.items[i]!.start <= end + radius; i++) out.push(this.items[i]!);
    return out;
  }
}

function lowerBound(items: EvidencePoint[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
