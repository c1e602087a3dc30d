/**
 * How a dataset name is compared with page text. Shared by the matcher and the dataset validator so that
 * "which names collide" and "which names match" can never disagree.
 */

/**
 * Acronyms and other single tokens with inner capitals ("AI", "EU", "IoT", "MiCA", "U.S.") carry meaning in
 * their case: "us" and "ai" are ordinary words. Multi-word names and plain words match in any case.
 */
export function isCaseSensitiveTerm(term: string): boolean {
  if (/\s/.test(term)) return false;
  return /\p{Lu}/u.test(term.slice(1));
}

/** The key under which a term is indexed: exact for case-sensitive terms, folded otherwise. */
export function termKey(term: string, caseSensitive: boolean): string {
  const t = normalizeText(term).trim();
  return caseSensitive ? t : t.toLowerCase();
}

/**
 * Page text and dataset names meet in one form: compatibility-normalised, with typographic apostrophes,
 * dashes and unusual spaces folded. The transform never changes the string's length, so offsets found in
 * the normalised text are offsets in the original.
 */
export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const mapped = FOLD[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const n = ch.normalize('NFKC');
    // Keep lengths aligned: only take the compatibility form when it is one UTF-16 unit for one.
    out += n.length === ch.length ? n : ch;
  }
  return out;
}

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\n': ' ',
  '\r': ' ',
  '\t': ' ',
};
