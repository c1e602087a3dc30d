/**
 * The cross-record rules of a framework's timeline that hold on any day: events in order of date, the
 * records it names among `related`, and `dates` saying what the timeline says. Whether `status` is the
 * standing the timeline gives today depends on the day, so the dataset tests check that (core/timeline/).
 */
import type { EventKind, Framework } from './schema';

/** The event a `dates` field stands for; `repealed` is the day it stopped, however it stopped. */
const DATE_EVENTS: Record<keyof Framework['dates'], readonly EventKind[]> = {
  proposed: ['proposed'],
  adopted: ['adopted'],
  inForce: ['in-force'],
  applies: ['applies'],
  amended: ['amended'],
  repealed: ['repealed', 'superseded', 'invalidated', 'withdrawn'],
};

/** Whether partial date `a` can be on or before `b` (compared at the precision both have). */
const notAfter = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) <= b.slice(0, n);
};

export function timelineProblems(f: Framework): string[] {
  const timeline = f.timeline;
  if (!timeline) return [];
  const at = `frameworks[${f.id}].timeline`;
  const problems: string[] = [];
  if (!timeline.length) problems.push(`${at}: empty (leave it out to have it seeded)`);
  let previous: string | undefined;
  timeline.forEach((e, i) => {
    if (e.date) {
      if (previous && !notAfter(previous, e.date)) problems.push(`${at}.${i}.date: ${e.date} is before the event above it (${previous})`);
      previous = e.date;
    }
    for (const field of ['by', 'successor'] as const) {
      const id = e[field];
      if (id && !f.related.includes(id)) problems.push(`${at}.${i}.${field}: "${id}" is not in related`);
    }
    if (e.partial && e.kind !== 'applies') problems.push(`${at}.${i}.partial: only a stage of application is partial`);
  });
  for (const [field, kinds] of Object.entries(DATE_EVENTS) as Array<[keyof Framework['dates'], readonly EventKind[]]>) {
    const date = f.dates[field];
    if (date && !timeline.some((e) => kinds.includes(e.kind) && e.date === date)) {
      problems.push(`frameworks[${f.id}].dates.${field}: ${date} has no ${kinds.join('/')} event of that date in the timeline`);
    }
  }
  return problems;
}
