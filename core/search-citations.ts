/**
 * The popup's lookup by citation: a query that is a citation ("2022/868", "EO 13636", "ISO/IEC 27001")
 * finds the record it names, or else the citation itself, whose card says what its form tells. Pure, like
 * search.ts, whose documents it reads.
 */
import { citationsOfQuery } from './detect/citations/recognise';
import { citationInfo } from './detect/citations/info';
import { citationRows, resolveCitation } from './detect/citations/resolve';
import type { SearchDoc } from './search-doc';

export function citationSearch(docs: readonly SearchDoc[]): (query: string) => SearchDoc[] {
  let index: Map<string, string> | undefined;
  const byId = new Map(docs.filter((d) => d.kind === 'framework').map((d) => [d.id, d]));
  return (query) => {
    // "<Name> Act <year>" reads as a UK Act only where a page establishes the UK; a query has no page, and
    // "Bhutan Information Communications and Media Act 2018" is no Act of Parliament.
    const cited = citationsOfQuery(query).filter((c) => !c.id.startsWith('ukact:'));
    if (!cited.length) return [];
    // Built on the first query that cites something.
    index ??= new Map(
      citationRows(
        [...byId.values()].flatMap((d) =>
          [d.name, ...(d.shortName ? [d.shortName] : []), ...d.aliases].map((name) => ({ id: d.id, name, jurisdictions: d.jurisdictions })),
        ),
      ),
    );
    const out: SearchDoc[] = [];
    const seen = new Set<string>();
    const resolved = cited.flatMap((c) => {
      const id = resolveCitation(index!, c.id);
      const doc = id ? byId.get(id) : undefined;
      return doc ? [doc] : [];
    });
    // A bare number that names a record is that record; otherwise every act it may be.
    for (const doc of resolved) {
      if (seen.has(doc.id)) continue;
      seen.add(doc.id);
      out.push(doc);
    }
    if (resolved.length) return out;
    for (const c of cited) {
      const info = citationInfo(c.id);
      if (!info || seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({
        kind: 'citation',
        id: c.id,
        name: info.display,
        aliases: [],
        sharedAliases: [],
        summary: '',
        scope: info.link?.site ?? '',
        reach: 0,
        context: [],
      });
    }
    return out;
  };
}
