/** What changed since a day, and what comes next: the events of a timeline seen from a day. */
import type { Framework, TimelineEvent } from '../../data/schema';
import { addMonths, dayRange, tookEffectBy } from './partial-date';
import { changesStanding, datedEvents, standingOn, type Standing } from './standing';

type Timed = Pick<Framework, 'timeline' | 'lastReviewed'>;
type Dated = TimelineEvent & { date: string };

/** Events after a page's day that changed the standing by today; empty when the page's day cannot tell. */
export function changesBetween(f: Timed, then: string, today: string): TimelineEvent[] {
  const events = datedEvents(f);
  const thenDay = dayRange(then);
  const todayDay = dayRange(today);
  return events
    .filter((e, i) => tookEffectBy(e.range, thenDay) === 'no' && tookEffectBy(e.range, todayDay) === 'yes' && changesStanding(events, i))
    .map((e) => e.event);
}

export interface ThenAndNow {
  then: Standing;
  now: Standing;
  /** The events in between that changed the standing. */
  changes: TimelineEvent[];
}

/**
 * The standing when the page was written, when it is known and differs from today's; undefined otherwise
 * (the page has no date, the standing then is uncertain, or nothing changed).
 */
export function thenAndNow(f: Timed, pageDate: string | undefined, today: string): ThenAndNow | undefined {
  if (!pageDate || !f.timeline?.length) return undefined;
  const then = standingOn(f, pageDate);
  const now = standingOn(f, today);
  if (!then.certain || then.status === undefined || then.status === now.status) return undefined;
  return { then, now, changes: changesBetween(f, pageDate, today) };
}

/** The first event that has certainly not happened by today. */
export function nextMilestone(f: Timed, today: string): Dated | undefined {
  const day = dayRange(today);
  return datedEvents(f).find((e) => e.event.date && tookEffectBy(e.range, day) === 'no')?.event as Dated | undefined;
}

export interface Milestone {
  framework: Framework;
  event: Dated;
}

/** Every dated event after today whose first possible day is within `months`, soonest first. */
export function upcomingMilestones(frameworks: readonly Framework[], today: string, months = 24): Milestone[] {
  const day = dayRange(today);
  const horizon = addMonths(today, months);
  const out: Milestone[] = [];
  for (const framework of frameworks) {
    for (const e of datedEvents(framework)) {
      if (e.event.date && tookEffectBy(e.range, day) === 'no' && e.range.first <= horizon) {
        out.push({ framework, event: { ...e.event, date: e.event.date } });
      }
    }
  }
  const label = (m: Milestone) => m.framework.shortName ?? m.framework.name;
  return out.sort((a, b) => dayRange(a.event.date).first.localeCompare(dayRange(b.event.date).first) || label(a).localeCompare(label(b)));
}
