/**
 * The lexicon is the compact form of the dataset the page needs to find mentions: each surface form with
 * the entity it names. The background builds it once and sends it to content scripts, which never see
 * full records until a card opens.
 */
// Plain types on purpose: the lexicon is built by our own background from the validated dataset, and
// keeping zod out of this module keeps it out of the content script's bundle.
import type { Dataset, EntityKind } from '../../data/schema';

export type { EntityKind };

export interface LexiconEntry {
  /** Surface form as written in the dataset. */
  term: string;
  kind: EntityKind;
  id: string;
  /** Display name of the entity. */
  name: string;
  /** A name shared by several frameworks; resolved from context, and shown with its candidates otherwise. */
  ambiguous?: boolean;
}

export interface Lexicon {
  version: string;
  entries: LexiconEntry[];
}

export function buildLexicon(d: Dataset): Lexicon {
  const entries: LexiconEntry[] = [];
  const push = (term: string, kind: EntityKind, id: string, name: string, ambiguous = false) => {
    entries.push(ambiguous ? { term, kind, id, name, ambiguous } : { term, kind, id, name });
  };
  for (const f of d.frameworks) {
    const display = f.shortName ?? f.name;
    for (const t of new Set([f.name, ...(f.shortName ? [f.shortName] : []), ...f.aliases])) push(t, 'framework', f.id, display);
    for (const t of f.ambiguousAliases) push(t, 'framework', f.id, display, true);
  }
  for (const j of d.jurisdictions) {
    const display = j.shortName ?? j.name;
    for (const t of new Set([j.name, ...(j.shortName ? [j.shortName] : []), ...j.aliases])) push(t, 'jurisdiction', j.id, display);
  }
  for (const t of d.technologies) {
    for (const a of new Set([t.name, ...t.aliases, ...t.subAreas.flatMap((s) => [s.name, ...s.aliases])])) {
      push(a, 'technology', t.id, t.name);
    }
  }
  return { version: d.version, entries };
}
