/**
 * Dates in the dataset and on pages are partial: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A partial date stands for
 * every day it could be, so it is an interval of days, and two dates are ordered only when their intervals do
 * not overlap: "2019" is neither before nor after "2019-07-03". Comparisons answer yes, no or unknown, never a
 * guess. Days are ISO strings (`YYYY-MM-DD`), which order as text.
 */
export interface DayRange {
  first: string;
  last: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dayRange(date: string): DayRange {
  const [y, m, d] = date.split('-');
  if (d) return { first: date, last: date };
  if (m) return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}` };
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** The UTC day of an instant, as a full date. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export type Tri = 'yes' | 'no' | 'unknown';

/**
 * Whether something that took effect during `event` had taken effect on `on`. An event takes effect from the
 * start of its day, so an event and a page of the same day count as "yes": the page was written under it.
 */
export function tookEffectBy(event: DayRange, on: DayRange): Tri {
  if (event.last <= on.first) return 'yes';
  if (event.first > on.last) return 'no';
  return 'unknown';
}

/** Whole months from `day` forward, clamped to the month's end (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const dd = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
