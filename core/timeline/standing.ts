/**
 * An instrument's standing on a given day, derived from its timeline: the typed `status` is what this gives
 * for today, and the dataset tests check that it does for every record.
 */
import type { EventKind, Framework, Status, TimelineEvent } from '../../data/schema';
import { dayRange, tookEffectBy, type DayRange, type Tri } from './partial-date';

/** The standing each kind of event leaves (`amended` leaves it as it was; `applies` depends on what follows). */
const STANDING: Record<Exclude<EventKind, 'amended' | 'applies'>, Status> = {
  proposed: 'proposed',
  adopted: 'adopted',
  'in-force': 'in-force',
  invalidated: 'invalidated',
  repealed: 'repealed',
  superseded: 'superseded',
  withdrawn: 'withdrawn',
};

export interface DatedEvent {
  event: TimelineEvent;
  /** The days it may have happened on; an undated event spans from the event before it to `lastReviewed`. */
  range: DayRange;
}

/**
 * The timeline with every event's days. A dated event whose first day is on or before `lastReviewed` had
 * happened when the record was reviewed: a partial date ("2026") then ends there, not at the year's end.
 */
export function datedEvents(f: Pick<Framework, 'timeline' | 'lastReviewed'>): DatedEvent[] {
  const reviewed = dayRange(f.lastReviewed).last;
  let previous = '0000-01-01';
  return (f.timeline ?? []).map((event) => {
    let range: DayRange;
    if (event.date) {
      const r = dayRange(event.date);
      range = r.first <= reviewed && r.last > reviewed ? { first: r.first, last: reviewed } : r;
    } else {
      range = { first: previous, last: reviewed };
    }
    previous = range.first;
    return { event, range };
  });
}

/** The standing right after `events[i]`, given the events before it. */
function standingAfter(events: readonly DatedEvent[], i: number, before: Status | undefined): Status | undefined {
  const { kind } = events[i]!.event;
  if (kind === 'amended') return before;
  if (kind === 'applies') {
    const moreStages = events[i]!.event.partial || events.slice(i + 1).some((e) => e.event.kind === 'applies');
    return moreStages ? 'partially-applicable' : 'in-force';
  }
  return STANDING[kind];
}

export interface Standing {
  /** Undefined before the first event (not even proposed yet). */
  status: Status | undefined;
  /** False when an event's date overlaps the day asked about, so the standing then cannot be told. */
  certain: boolean;
}

/** The standing on `on` (a partial date, e.g. a page's date). */
export function standingOn(f: Pick<Framework, 'timeline' | 'lastReviewed'>, on: string): Standing {
  const events = datedEvents(f);
  const day = dayRange(on);
  let status: Status | undefined;
  for (let i = 0; i < events.length; i++) {
    const took: Tri = tookEffectBy(events[i]!.range, day);
    if (took === 'no') break;
    if (took === 'unknown') return { status, certain: false };
    status = standingAfter(events, i, status);
  }
  return { status, certain: true };
}

/** The standing to show today: derived from the timeline, falling back to the typed status without one. */
export function currentStatus(f: Pick<Framework, 'timeline' | 'lastReviewed' | 'status'>, today: string): Status {
  if (!f.timeline?.length) return f.status;
  return standingOn(f, today).status ?? f.status;
}

/** Whether the event changes the standing (everything but an amendment or a stage that is not the last). */
export function changesStanding(events: readonly DatedEvent[], i: number): boolean {
  const before = i > 0 ? standingAfterAll(events, i - 1) : undefined;
  return standingAfter(events, i, before) !== before;
}

function standingAfterAll(events: readonly DatedEvent[], last: number): Status | undefined {
  let s: Status | undefined;
  for (let i = 0; i <= last; i++) s = standingAfter(events, i, s);
  return s;
}
