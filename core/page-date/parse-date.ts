/**
 * Reading one date value as a page publishes it: ISO 8601 in metadata, or English words in a `<time>`
 * attribute or a dateline ("on Sunday September 11, 2022 @03:38PM", "July 2009", "11/17/2023 05:40 PM").
 * A numeric date that could be day-first or month-first ("6/1/2020") is not read: we would be guessing.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const TIME = '(?:,?\\s*(?:at\\s+|@\\s*)?\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*(?:[A-Z]{2,4}|uhr|gmt[+-]?\\d*))?)?';

export interface ParsedDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  /** Machine-readable ISO 8601, as opposed to words or a numeric form. */
  iso: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d?: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12) return undefined;
  if (d === undefined) return `${y}-${pad(m)}`;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

const month = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

const ISO = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/;
const MDY = new RegExp(`^\\s*(?:on\\s+)?${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}\\s*$`, 'i');
const DMY = new RegExp(`^\\s*${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${TIME}\\s*$`, 'i');
const MY = new RegExp(`^\\s*${MONTH}\\s+(\\d{4})\\s*$`, 'i');
const NUMERIC = new RegExp(`^\\s*(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})${TIME}\\s*$`, 'i');

/** The date a value states as a whole, or undefined (the value is something else, or ambiguous). */
export function parseDateValue(value: string): ParsedDate | undefined {
  let m = ISO.exec(value);
  if (m) {
    const date = valid(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined);
    return date ? { date, iso: true } : undefined;
  }
  let date: string | undefined;
  if ((m = MDY.exec(value))) date = valid(Number(m[3]), month(m[1]!), Number(m[2]));
  else if ((m = DMY.exec(value))) date = valid(Number(m[3]), month(m[2]!), Number(m[1]));
  else if ((m = MY.exec(value))) date = valid(Number(m[2]), month(m[1]!));
  else if ((m = NUMERIC.exec(value))) {
    const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
    // 17.11.2023 is day-first by convention; with slashes only a part above 12 tells which is the day.
    if (m[2] === '.') date = valid(y, b, a);
    else if (a > 12 && b <= 12) date = valid(y, b, a);
    else if (b > 12 && a <= 12) date = valid(y, a, b);
  }
  return date ? { date, iso: false } : undefined;
}
