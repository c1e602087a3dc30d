/** The side panel's "upcoming" view: per compared jurisdiction, the dated milestones of its instruments ahead. */
import type { Framework, Jurisdiction } from '../../data/schema';
import { upcomingMilestones, type Milestone } from '../timeline/milestones';
import { eventPhrase } from '../timeline/describe';
import { formatDate } from '../format';
import { t } from '../../platform/i18n';
import type { TechnologyComparison } from './alignment';

/** How far ahead the view looks. */
export const UPCOMING_MONTHS = 24;

export interface UpcomingColumn {
  jurisdiction: Jurisdiction;
  milestones: Milestone[];
}

/** Its own and international instruments across every compared technology, each once. */
function instrumentsOf(j: Jurisdiction, comparisons: readonly TechnologyComparison[]): Framework[] {
  const byId = new Map<string, Framework>();
  for (const tc of comparisons) {
    const c = tc.columns.find((x) => x.jurisdiction.id === j.id);
    for (const r of c ? [...c.own, ...c.international] : []) byId.set(r.framework.id, r.framework);
  }
  return [...byId.values()];
}

export function upcomingByJurisdiction(comparisons: readonly TechnologyComparison[], today: string): UpcomingColumn[] {
  const chosen = comparisons[0]?.columns.map((c) => c.jurisdiction) ?? [];
  return chosen.map((jurisdiction) => ({
    jurisdiction,
    milestones: upcomingMilestones(instrumentsOf(jurisdiction, comparisons), today, UPCOMING_MONTHS),
  }));
}

/** "AI Act: applies: High-risk classification ..." (the date is said apart). */
export function milestoneText(m: Milestone): string {
  const what = m.event.what ?? eventPhrase({ ...m.event, date: undefined }, { names: {} });
  return t('upcomingMilestone', [m.framework.shortName ?? m.framework.name, what]);
}

/** The Markdown section of the export. */
export function upcomingMarkdown(columns: readonly UpcomingColumn[]): string[] {
  const out = [`## ${t('exportMdUpcoming')}`, ''];
  for (const c of columns) {
    out.push(`### ${c.jurisdiction.shortName ?? c.jurisdiction.name}`, '');
    if (!c.milestones.length) out.push(t('upcomingNone'));
    for (const m of c.milestones) out.push(`- ${formatDate(m.event.date)}: ${milestoneText(m)}`);
    out.push('');
  }
  return out;
}
