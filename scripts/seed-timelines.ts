/**
 * Writes a timeline for every framework record in data/frameworks.json that has none, from what its `status`
 * and `dates` already say; records that have a timeline (the hand-written ones) are left as they are. Run it
 * again after adding records: `npm run seed:timelines`. It changes nothing the second time (idempotent), keeps
 * the records' order and every other field, and writes each event on one line.
 *
 * How a record's events are made:
 * - one event per date: proposed, adopted, inForce ("in-force"), applies, amended; `repealed` becomes the event
 *   of the record's status when that is superseded or invalidated, else "repealed"; in order of date;
 * - when the status says more than the dates (in force, superseded... with no date for it), an undated event of
 *   that kind follows the last event of an earlier stage (an ending follows every event): the record states it
 *   happened, not when;
 * - a record whose status still disagrees with its derived standing is left without a timeline and named on
 *   stderr (exit code 1): its timeline must be written by hand (the dataset tests name it too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EventKind, Framework, Status, TimelineEvent } from '../data/schema';
import { dayRange, dayOf } from '../core/timeline/partial-date';
import { currentStatus } from '../core/timeline/standing';

const FILE = fileURLToPath(new URL('../data/frameworks.json', import.meta.url));
type Raw = Omit<Framework, 'timeline'> & { timeline?: TimelineEvent[] };

const FROM_DATE: Record<Exclude<keyof Framework['dates'], 'repealed'>, EventKind> = {
  proposed: 'proposed',
  adopted: 'adopted',
  inForce: 'in-force',
  applies: 'applies',
  amended: 'amended',
};
/** Order of kinds on the same day (or overlapping partial dates). */
const LIFE: EventKind[] = ['proposed', 'adopted', 'in-force', 'applies', 'amended', 'invalidated', 'repealed', 'superseded', 'withdrawn'];
const ENDING: Partial<Record<Status, EventKind>> = {
  superseded: 'superseded',
  invalidated: 'invalidated',
  withdrawn: 'withdrawn',
  repealed: 'repealed',
};
/** The undated event that brings a record to its status, and the kinds it must come after. */
const TO_STATUS: Partial<Record<Status, EventKind>> = { adopted: 'adopted', 'in-force': 'in-force', ...ENDING };

function fromDates(f: Raw): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const [key, kind] of Object.entries(FROM_DATE) as Array<[keyof typeof FROM_DATE, EventKind]>) {
    const date = f.dates[key];
    if (date) events.push({ kind, date });
  }
  if (f.dates.repealed) events.push({ kind: ENDING[f.status] ?? 'repealed', date: f.dates.repealed });
  return events.sort(
    (a, b) => dayRange(a.date!).first.localeCompare(dayRange(b.date!).first) || LIFE.indexOf(a.kind) - LIFE.indexOf(b.kind),
  );
}

/** The timeline implied by status and dates, or undefined when they cannot agree without a hand. */
function impliedTimeline(f: Raw, today: string): TimelineEvent[] | undefined {
  const events = fromDates(f);
  const agrees = (timeline: TimelineEvent[]) => currentStatus({ ...f, timeline }, today) === f.status;
  if (events.length && agrees(events)) return events;
  const kind = TO_STATUS[f.status];
  if (!kind) return undefined;
  // An ending comes last; adoption or entry into force after the last event of an earlier stage of life (an
  // amendment or a later stage can follow it).
  const rank = LIFE.indexOf(kind);
  let at = 0;
  events.forEach((e, i) => {
    if (ENDING[f.status] === kind || (LIFE.indexOf(e.kind) < rank && e.kind !== 'amended')) at = i + 1;
  });
  const withStatus = [...events.slice(0, at), { kind }, ...events.slice(at)];
  return agrees(withStatus) ? withStatus : undefined;
}

/** JSON as the file has it (two-space indent), with each timeline event on one line. */
function serialise(records: Raw[]): string {
  const lines: string[][] = [];
  const text = JSON.stringify(
    records.map((r) => {
      if (!r.timeline) return r;
      lines.push(r.timeline.map((e) => JSON.stringify(e, null, 1).replace(/\n\s*/g, ' ')));
      return { ...r, timeline: `__timeline_${lines.length - 1}__` };
    }),
    null,
    2,
  );
  return text.replace(/"__timeline_(\d+)__"/g, (_, i: string) => `[\n      ${lines[Number(i)]!.join(',\n      ')}\n    ]`) + '\n';
}

/** Keys in the order the schema lists them, so a new `timeline` sits right after `dates`. */
function withTimeline(r: Raw, timeline: TimelineEvent[]): Raw {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    out[k] = v;
    if (k === 'dates') out.timeline = timeline;
  }
  return out as Raw;
}

function main() {
  const today = dayOf(new Date());
  const records = JSON.parse(readFileSync(FILE, 'utf8')) as Raw[];
  const failed: string[] = [];
  let seeded = 0;
  const next = records.map((r) => {
    if (r.timeline) return r;
    const timeline = impliedTimeline(r, today);
    if (!timeline) {
      failed.push(`${r.id}: status ${r.status} does not follow from dates ${JSON.stringify(r.dates)}`);
      return r;
    }
    seeded++;
    return withTimeline(r, timeline);
  });
  writeFileSync(FILE, serialise(next));
  console.log(`seed-timelines: ${seeded} timelines written, ${records.length - seeded - failed.length} kept`);
  if (failed.length) {
    console.error(`needs a hand-written timeline:\n${failed.join('\n')}`);
    process.exitCode = 1;
  }
}

main();
