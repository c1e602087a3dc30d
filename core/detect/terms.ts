/**
 * How a dataset name is compared with page text. Shared by the matcher and the dataset validator so that
 * "which names collide" and "which names match" can never disagree.
 */
import { normalizeText } from './normalize';

export { normalizeText };

/**
 * How a name in its canonical form (`canonicalTerm`) is compared with page text:
 * - `exact`: acronyms and other single tokens with inner capitals ("AI", "EU", "IoT", "MiCA", "U.S.") carry
 *   meaning in their case: "us" and "ai" are ordinary words;
 * - `capital`: a single capitalised word ("China", "Turkey", "Jersey") is a proper noun only when written
 *   with its capital ("china" is porcelain or a tag, "turkey" a bird); it still matches in capitals;
 * - `any`: multi-word names and plain words match in any case.
 */
export type CaseMode = 'exact' | 'capital' | 'any';

export function caseModeOf(canonical: string): CaseMode {
  if (/\s/.test(canonical)) return 'any';
  if (/\p{Lu}/u.test(canonical.slice(1))) return 'exact';
  return /^\p{Lu}/u.test(canonical) ? 'capital' : 'any';
}

/** Whether a dataset name matches only in its own case (see `caseModeOf`). */
export function isCaseSensitiveTerm(term: string): boolean {
  return caseModeOf(canonicalTerm(term)) === 'exact';
}

/** Whitespace collapsed, and a leading article dropped: "The Bletchley Declaration" is found after "the". */
export function canonicalTerm(term: string): string {
  const t = normalizeText(term).replace(/\s+/g, ' ').trim();
  const bare = /^the (.+)$/i.exec(t)?.[1];
  return bare && /\s/.test(bare) ? bare : t;
}

/** The key under which a term is indexed: exact for case-sensitive terms, folded otherwise. */
export function termKey(term: string, caseSensitive: boolean): string {
  const t = canonicalTerm(term);
  return caseSensitive ? t : t.toLowerCase();
}
