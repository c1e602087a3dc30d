/**
 * Which of the frameworks a page mentions stood otherwise when the page was written (its published date)
 * than today: the popup marks them in "On this page". The timeline rules are the card's (core/timeline/).
 */
import { thenAndNow } from '../../core/timeline/milestones';
import { dayOf } from '../../core/timeline/partial-date';
import type { EntityView } from '../../protocol/messages';
import type { PageMention } from '../../protocol/page-answers';
import type { RecentRef } from './recent';

export async function changedSince(
  mentions: readonly PageMention[],
  pageDate: string | undefined,
  loadView: (ref: RecentRef) => Promise<EntityView>,
  today = dayOf(new Date()),
): Promise<Set<string>> {
  const changed = new Set<string>();
  if (!pageDate) return changed;
  await Promise.all(
    mentions
      .filter((m) => m.kind === 'framework')
      .map(async (m) => {
        const view = await loadView({ kind: 'framework', id: m.id }).catch(() => undefined);
        if (view?.entity.kind === 'framework' && thenAndNow(view.entity.record, pageDate, today)) changed.add(m.id);
      }),
  );
  return changed;
}
