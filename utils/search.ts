/**
 * Typo-tolerant lookup over frameworks, jurisdictions and technologies (Fuse.js). Pure: takes records,
 * returns ranked hits; the popup and the side panel build it from the database.
 */
import Fuse from 'fuse.js';
import type { Binding, Framework, Jurisdiction, Technology } from '../data/schema';
import type { EntityKind } from './detect/lexicon';

export interface SearchDoc {
  kind: EntityKind;
  id: string;
  name: string;
  shortName?: string;
  aliases: string[];
  summary: string;
  binding?: Binding;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
}

const KIND_ORDER: Record<EntityKind, number> = { framework: 0, jurisdiction: 1, technology: 2 };

export function toSearchDocs(frameworks: Framework[], jurisdictions: Jurisdiction[], technologies: Technology[]): SearchDoc[] {
  return [
    ...frameworks.map((f) => ({
      kind: 'framework' as const,
      id: f.id,
      name: f.name,
      shortName: f.shortName,
      aliases: [...f.aliases, ...f.ambiguousAliases],
      summary: f.summary,
      binding: f.binding,
    })),
    ...jurisdictions.map((j) => ({ kind: 'jurisdiction' as const, id: j.id, name: j.name, shortName: j.shortName, aliases: j.aliases, summary: j.summary })),
    ...technologies.map((t) => ({
      kind: 'technology' as const,
      id: t.id,
      name: t.name,
      aliases: [...t.aliases, ...t.subAreas.flatMap((s) => [s.name, ...s.aliases])],
      summary: t.summary,
    })),
  ];
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
}

export function createSearchIndex(docs: SearchDoc[]): SearchIndex {
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'shortName', weight: 3 },
      { name: 'name', weight: 2 },
      { name: 'aliases', weight: 2 },
      { name: 'summary', weight: 0.3 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.45,
  });
  return {
    search(query, limit = 8) {
      const q = query.trim().slice(0, 100);
      if (!q) return [];
      const folded = q.toLowerCase();
      const exact = (d: SearchDoc) => [d.name, d.shortName, ...d.aliases].some((n) => n?.toLowerCase() === folded);
      const hits = fuse.search(q).map((r) => ({ doc: r.item, score: exact(r.item) ? 0 : Math.max(r.score ?? 1, 1e-6) }));
      // An exact name leads; then frameworks first among comparably good hits, so a clearly better hit of
      // another kind still comes before a weak framework match.
      const rank = (h: SearchHit) => [h.score === 0 ? 0 : 1, Math.round(h.score * 5), KIND_ORDER[h.doc.kind], h.score];
      hits.sort((a, b) => {
        const ra = rank(a);
        const rb = rank(b);
        const i = ra.findIndex((v, k) => v !== rb[k]);
        return i < 0 ? 0 : ra[i]! - rb[i]!;
      });
      return hits.slice(0, limit);
    },
  };
}
