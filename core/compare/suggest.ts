/**
 * Jurisdictions to suggest for the comparison: those mentioned on the page in the active tab, most
 * mentioned first. The mentions come from the content script through `ui/popup/page-client.ts`; a tab
 * without one (a browser page, a page loaded before the extension) simply yields no suggestions.
 */
import type { Jurisdiction } from '../../data/schema';

/** What a suggestion needs from a page mention (`PageMention` in ui/popup/page-client.ts has more). */
export interface Mention {
  kind: string;
  id: string;
  count: number;
}

/** Comparable jurisdictions mentioned on the page and not already chosen, most mentioned first. */
export function suggestFromMentions(mentions: Mention[], byId: Map<string, Jurisdiction>, chosen: string[], limit = 6): Jurisdiction[] {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (m.kind !== 'jurisdiction' || chosen.includes(m.id)) continue;
    const j = byId.get(m.id);
    if (!j || j.kind === 'organization') continue;
    counts.set(j.id, (counts.get(j.id) ?? 0) + m.count);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([id]) => byId.get(id)!);
}
