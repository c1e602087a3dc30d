/**
 * The matcher's citation step: citations found in the scanned text, read against what the rest of the scan
 * established (jurisdictions named near them or on the page), each either a curated framework (its id or
 * its work is in the tables' citation index) or a citation of its own, kind 'citation'.
 */
import { NEAR, type Evidence } from '../evidence';
import type { PageLevel } from '../page-level';
import { compileForms, scanCitations, type CitationContext, type CompiledForms } from './engine';
import type { FormPattern } from './forms';
import { resolveCitation, type CitationRow } from './resolve';

export interface CitationDetection {
  start: number;
  end: number;
  kind: 'framework' | 'citation';
  id: string;
  /** The citation as first written, for a citation without a record (its card says it in full). */
  display?: string;
  /** For a framework: the citation's identifier. */
  citation?: string;
}

/** Common-law countries that cite Acts as "<Name> Act <year>" too: the UK must lead them on the page. */
const SHORT_TITLE_COUNTRIES = ['au', 'nz', 'ie', 'in', 'ca', 'sg', 'za', 'ke', 'ng', 'gh', 'my', 'hk'];

/** The step, made once per matcher from its tables (the records' citations, the forms' patterns). */
export function citationStep(rows: CitationRow[], patterns: Readonly<Record<string, FormPattern>>) {
  const index = new Map(rows);
  let forms: CompiledForms | undefined;
  return (page: string, evidence: { jurisdictions: Evidence; frameworks: Evidence }, level: PageLevel | undefined) =>
    citationDetections(page, evidence, level, index, (forms ??= compileForms(patterns)));
}

function citationDetections(
  page: string,
  evidence: { jurisdictions: Evidence; frameworks: Evidence },
  level: PageLevel | undefined,
  index: ReadonlyMap<string, string>,
  forms: CompiledForms,
): CitationDetection[] {
  // With a page level, the page's totals (the rest of the page and the own range), so that the answer
  // is the one the page-level checks below will ask again; else the text's own evidence.
  const totals = (): ReadonlyMap<string, number> => {
    if (level) return level.names(evidence).jurisdictions;
    const own = new Map<string, number>();
    for (const m of evidence.jurisdictions.items) own.set(m.id, (own.get(m.id) ?? 0) + m.strength);
    return own;
  };
  let cached: ReadonlyMap<string, number> | undefined;
  const count = (id: string) => (cached ??= totals()).get(id) ?? 0;
  const rule = (id: 'eu' | 'us' | 'gb', n: (j: string) => number, ids: () => Iterable<string>): boolean => {
    if (id === 'us') return n('us') > 0 || [...ids()].some((j) => j.startsWith('us-'));
    if (id === 'gb') return n('gb') > 0 && SHORT_TITLE_COUNTRIES.every((c) => n(c) <= n('gb'));
    return n(id) > 0;
  };
  const established = (id: 'eu' | 'us' | 'gb'): boolean => {
    const yes = rule(id, count, () => (cached ??= totals()).keys());
    // Asked again when the page's totals change (another part of the page names the EU, say).
    level?.depends(
      (t) =>
        rule(
          id,
          (j) => t.jurisdictions.get(j) ?? 0,
          () => t.jurisdictions.keys(),
        ) === yes,
    );
    return yes;
  };
  const context: CitationContext = {
    jurisdiction: established,
    state(start, end) {
      let best: { id: string; d: number } | undefined;
      for (const m of evidence.jurisdictions.near(start, end, NEAR)) {
        if (!m.id.startsWith('us-') || m.strength < 1) continue;
        const d = m.end <= start ? start - m.end : m.start - end;
        if (!best || d < best.d) best = { id: m.id, d };
      }
      return best?.id;
    },
  };
  return scanCitations(page, context, forms).map((h): CitationDetection => {
    const framework = resolveCitation(index, h.id);
    if (framework) return { start: h.start, end: h.end, kind: 'framework', id: framework, citation: h.id };
    return { start: h.start, end: h.end, kind: 'citation', id: h.id, display: page.slice(h.start, h.end).replace(/\s+/g, ' ') };
  });
}
