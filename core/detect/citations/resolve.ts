/**
 * Which citations name a curated record. Computed when the matcher's tables are built, by running the
 * recogniser over every framework's own names and aliases ("Regulation (EU) 2016/679", "ISO/IEC
 * 42001:2023", "SB 24-205"): a record added with its official number is found by it, with no field of its
 * own to fill in. A key that two records claim names neither.
 */
import type { Lexicon } from '../lexicon';
import { workKey } from './engine';
import { citationOf } from './recognise';

/** [citation id or work key, framework id]: plain JSON, sent to content scripts with the tables. */
export type CitationRow = [string, string];

export function citationIndex(lexicon: Lexicon): CitationRow[] {
  return citationRows(
    lexicon.entries.flatMap((e) =>
      e.kind === 'framework' && !e.weak && !e.ambiguous
        ? [{ id: e.id, name: e.term, jurisdictions: lexicon.frameworkJurisdictions?.[e.id] ?? [] }]
        : [],
    ),
  );
}

/** The same from any list of a framework's names (the popup's search documents). */
export function citationRows(names: Iterable<{ id: string; name: string; jurisdictions?: readonly string[] }>): CitationRow[] {
  const owner = new Map<string, string | null>();
  const claim = (key: string, id: string) => {
    const had = owner.get(key);
    owner.set(key, had === undefined || had === id ? id : null);
  };
  for (const n of names) {
    // A record's alias names its own context: a state bill is the bill of the record's state.
    const state = n.jurisdictions?.find((j) => j.startsWith('us-'));
    const hit = citationOf(n.name, { state });
    if (!hit) continue;
    claim(hit.id, n.id);
    const w = workKey(hit.id);
    if (w) claim(w, n.id);
  }
  return [...owner].flatMap(([key, id]): CitationRow[] => (id ? [[key, id]] : []));
}

/** The record a citation names, through its identifier or its work. */
export function resolveCitation(index: ReadonlyMap<string, string>, id: string): string | undefined {
  return index.get(id) ?? index.get(workKey(id) ?? '');
}
