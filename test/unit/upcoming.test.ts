import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { compareAll } from '../../core/compare/alignment';
import { upcomingByJurisdiction } from '../../core/compare/upcoming';
import { comparisonMarkdown } from '../../core/compare/export';

const d = loadDataset();
const byId = new Map(d.jurisdictions.map((j) => [j.id, j]));
const comparisons = compareAll([byId.get('eu')!, byId.get('us')!], d.frameworks, byId);
const names = { technologies: new Map(d.technologies.map((t) => [t.id, t])), jurisdictions: byId };

describe('the upcoming view of a comparison', () => {
  const columns = upcomingByJurisdiction(comparisons, '2026-12-03');

  it('has a column per compared jurisdiction with its milestones of the next 24 months, soonest first', () => {
    expect(columns.map((c) => c.jurisdiction.id)).toEqual(['eu', 'us']);
    const eu = columns[0]!.milestones;
    expect(eu.map((m) => `${m.framework.id} ${m.event.date}`)).toContain('eu-ai-act 2027-08-02');
    const days = eu.map((m) => m.event.date);
    expect(days).toEqual([...days].sort());
    expect(days.every((x) => x > '2026-12-03' && x <= '2028-12-03')).toBe(true);
    expect(new Set(eu.map((m) => `${m.framework.id} ${m.event.date}`)).size).toBe(eu.length);
  });

  it('is exported with the comparison in Markdown', () => {
    const md = comparisonMarkdown(comparisons, names, '2026-12-03', columns);
    const at = md.indexOf('## Upcoming milestones (next 24 months)');
    expect(at).toBeGreaterThan(0);
    const section = md.slice(at);
    expect(section).toContain('- 2 Aug 2027: EU AI Act: High-risk classification of AI in products under Annex I');
    expect(section).toMatch(/### U\.S\.\n\nNo dated milestone in the next 24 months\./);
    expect(comparisonMarkdown(comparisons, names, '2026-12-03')).not.toContain('## Upcoming');
  });
});
