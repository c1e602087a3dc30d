/** Per framework mentioned on a page: its standing when the page was written and today (the CLI's report). */
import type { Framework, Status, TimelineEvent } from '../../data/schema';
import { changesBetween } from './milestones';
import { currentStatus, standingOn } from './standing';

export interface StandingRow {
  id: string;
  name: string;
  /** Absent when the page has no date or the standing then cannot be told from partial dates. */
  then?: Status;
  now: Status;
  /** The events that changed the standing between the page's date and today. */
  changes: TimelineEvent[];
}

export function standingRows(
  frameworks: ReadonlyMap<string, Framework>,
  ids: Iterable<string>,
  pageDate: string | undefined,
  today: string,
): StandingRow[] {
  const rows: StandingRow[] = [];
  for (const id of new Set(ids)) {
    const f = frameworks.get(id);
    if (!f) continue;
    const then = pageDate ? standingOn(f, pageDate) : undefined;
    const row: StandingRow = { id, name: f.shortName ?? f.name, now: currentStatus(f, today), changes: [] };
    if (then?.certain && then.status) {
      row.then = then.status;
      row.changes = changesBetween(f, pageDate!, today);
    }
    rows.push(row);
  }
  return rows;
}

/** An event in the CLI's plain words: "invalidated 2020-07-16 by the CJEU (...), successor eu-us-dpf". */
export function eventLine(e: TimelineEvent): string {
  const who = e.actor ?? e.by;
  return [`${e.kind} ${e.date ?? '(date not known)'}`, who ? ` by ${who}` : '', e.successor ? `, successor ${e.successor}` : ''].join('');
}
