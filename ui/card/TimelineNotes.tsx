import type { Framework } from '../../data/schema';
import type { EntityView } from '../../protocol/messages';
import { nextMilestone, thenAndNow } from '../../core/timeline/milestones';
import { nextSentence, thenSentence } from '../../core/timeline/describe';

export interface TimelineNotesProps {
  f: Framework;
  view: EntityView;
  /** The page's own date, when it publishes one. */
  pageDate?: string;
  today: string;
}

/** What applied when the page was written, if that differs from today, and the next milestone. */
export function TimelineNotes({ f, view, pageDate, today }: TimelineNotesProps) {
  const seen = thenAndNow(f, pageDate, today);
  const next = nextMilestone(f, today);
  if (!seen && !next) return null;
  return (
    <div class="rl-when">
      {seen && pageDate ? <p class="rl-then">{thenSentence(pageDate, seen, view)}</p> : null}
      {next ? <p class="rl-next">{nextSentence(next, view)}</p> : null}
    </div>
  );
}
