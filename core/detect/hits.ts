/**
 * What a scan holds between finding names and returning detections: raw matches with their senses, names
 * still ambiguous, decided hits; and the rules that sort senses, score fuzzy matches and keep the longest
 * of overlapping hits.
 */
import type { EntityKind } from './lexicon';
import type { Sense } from './tables';

export interface Raw {
  start: number;
  end: number;
  senses: Sense[];
  acronym: boolean;
  /** Lookup key of the name matched. */
  key: string;
}

export interface Ambiguous {
  start: number;
  end: number;
  ids: string[];
  acronym: boolean;
  /** 0 for an exact match. */
  fuzzyScore: number;
  /** Lookup key of the name matched ('' for a fuzzy match), for falling back to a shorter name. */
  key: string;
}

export interface Hit {
  start: number;
  end: number;
  kind: EntityKind;
  id: string;
  confidence: number;
  candidates?: string[];
  fuzzy: boolean;
  /** As evidence for context (a hit of a name is its own evidence: one object, not two). */
  strength: number;
  citation?: string;
}

const KIND_ORDER: Record<EntityKind, number> = { framework: 0, jurisdiction: 1, technology: 2, citation: 3 };

/** The senses of a match, sorted out once per distinct list (lists are shared by every match of a name). */
const SPLITS = new WeakMap<Sense[], { strong: Sense[]; shared: Sense[]; weakOnes: Sense[] }>();
export function split(senses: Sense[]) {
  let s = SPLITS.get(senses);
  if (!s) {
    s = {
      strong: unique(senses.filter((x) => !x.weak && !x.ambiguous)).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]),
      shared: unique(senses.filter((x) => x.ambiguous)),
      weakOnes: unique(senses),
    };
    SPLITS.set(senses, s);
  }
  return s;
}

export function unique(senses: Sense[]): Sense[] {
  const seen = new Set<string>();
  return senses.filter((s) => {
    const k = `${s.kind}:${s.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const round = (x: number) => Math.round(x * 100) / 100;

/** A fuzzy match is never as sure as an exact one: score 0.05 → 0.9, score 0.2 → 0.75. */
export function fuzzyConfidence(score: number): number {
  return round(Math.min(0.95, 1 - score) - 0.05);
}

/** Keep the longest of overlapping detections (an exact one over a fuzzy one of the same length), then the earliest. */
export function removeOverlaps(found: Hit[]): Hit[] {
  // Of two hits of one span, the one that knows its citation (a record's number read as a citation) is kept.
  found.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - b.start - (a.end - a.start) ||
      Number(a.fuzzy) - Number(b.fuzzy) ||
      Number(!a.citation) - Number(!b.citation),
  );
  const out: Hit[] = [];
  for (const d of found) {
    const last = out[out.length - 1];
    if (!last || d.start >= last.end) out.push(d);
    else if (d.end - d.start > last.end - last.start) out[out.length - 1] = d;
  }
  return out;
}
