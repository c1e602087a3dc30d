/** Words for the dataset's enums, as a reader should see them. */
import type { Binding, Framework } from '../data/schema';

export const BINDING_LABEL: Record<Binding, string> = {
  binding: 'Binding',
  'binding-for-parties': 'Binding for parties',
  'non-binding': 'Non-binding',
  mixed: 'Mixed',
};

export const INSTRUMENT_LABEL: Record<Framework['instrument'], string> = {
  treaty: 'Treaty',
  regulation: 'Regulation',
  directive: 'Directive',
  statute: 'Statute',
  'executive-action': 'Executive action',
  bill: 'Bill',
  'soft-law': 'Soft law',
  standard: 'Standard',
  guideline: 'Guideline',
  strategy: 'Strategy',
  declaration: 'Declaration',
};

export const STATUS_LABEL: Record<Framework['status'], string> = {
  proposed: 'Proposed',
  adopted: 'Adopted',
  'in-force': 'In force',
  'partially-applicable': 'Partially applicable',
  repealed: 'Repealed',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
};

export const DATE_LABEL: Record<keyof Framework['dates'], string> = {
  proposed: 'Proposed',
  adopted: 'Adopted',
  inForce: 'In force',
  applies: 'Applies',
  amended: 'Amended',
  repealed: 'Repealed',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2018-05-25" -> "25 May 2018"; "2013-12" -> "Dec 2013"; precision is never invented. */
export function formatDate(d: string): string {
  const [y, m, day] = d.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/** First year the framework was adopted (or proposed), for lists and tables. */
export function frameworkYear(f: Framework): string | undefined {
  return (f.dates.adopted ?? f.dates.inForce ?? f.dates.proposed)?.slice(0, 4);
}
