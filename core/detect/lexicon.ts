/**
 * The lexicon is the compact form of the dataset the page needs to find mentions: each surface form with
 * the entity it names, plus the few relations that context resolution needs (which jurisdictions a
 * framework belongs to, which jurisdictions contain or group others). The background builds it once and
 * sends it to content scripts, which never see full records until a card opens.
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
  /**
   * A word that names the entity only with context: a jurisdiction's adjective ("Chinese" in "Chinese
   * regulators", not in "Chinese food") or a technology's generic word ("algorithm" near "machine learning").
   */
  weak?: 'adjective' | 'context';
}

export interface Lexicon {
  version: string;
  entries: LexiconEntry[];
  /** Framework id → the jurisdictions it belongs to (scope and issuer): evidence for resolving shared names. */
  frameworkJurisdictions?: Record<string, string[]>;
  /** Jurisdiction id → its parent and the blocs it is a member of: weaker evidence ("Germany" → EU). */
  jurisdictionGroups?: Record<string, string[]>;
  /** Framework id → its technologies: a generic word ("privacy") counts near the GDPR. */
  frameworkTechnologies?: Record<string, string[]>;
}

export function buildLexicon(d: Dataset): Lexicon {
  const entries: LexiconEntry[] = [];
  const push = (term: string, kind: EntityKind, id: string, name: string, extra: Partial<LexiconEntry> = {}) => {
    entries.push({ term, kind, id, name, ...extra });
  };
  const frameworkJurisdictions: Record<string, string[]> = {};
  const jurisdictionGroups: Record<string, string[]> = {};
  const frameworkTechnologies: Record<string, string[]> = {};
  for (const f of d.frameworks) {
    const display = f.shortName ?? f.name;
    for (const t of new Set([f.name, ...(f.shortName ? [f.shortName] : []), ...f.aliases])) push(t, 'framework', f.id, display);
    for (const t of f.ambiguousAliases) push(t, 'framework', f.id, display, { ambiguous: true });
    frameworkJurisdictions[f.id] = [...new Set([...f.scope.jurisdictions, f.issuer])];
    frameworkTechnologies[f.id] = [...f.technologies];
  }
  for (const j of d.jurisdictions) {
    const display = j.shortName ?? j.name;
    for (const t of new Set([j.name, ...(j.shortName ? [j.shortName] : []), ...j.aliases])) push(t, 'jurisdiction', j.id, display);
    for (const t of j.adjectives) push(t, 'jurisdiction', j.id, display, { weak: 'adjective' });
    const groups = [...new Set([...(j.parent ? [j.parent] : []), ...j.memberOf])];
    if (groups.length) jurisdictionGroups[j.id] = groups;
  }
  for (const t of d.technologies) {
    if (t.policyArea) continue;
    for (const a of new Set([t.name, ...t.aliases, ...t.subAreas.flatMap((s) => [s.name, ...s.aliases])])) {
      push(a, 'technology', t.id, t.name);
    }
    for (const a of t.contextTerms) push(a, 'technology', t.id, t.name, { weak: 'context' });
  }
  return { version: d.version, entries, frameworkJurisdictions, jurisdictionGroups, frameworkTechnologies };
}
