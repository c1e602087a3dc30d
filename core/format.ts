/** Words for the dataset's enums, as a reader should see them. */
import type { Binding, Framework } from '../data/schema';
import { t } from '../platform/i18n';

export const BINDING_LABEL: Record<Binding, string> = {
  binding: t('bindingBinding'),
  'binding-for-parties': t('bindingForParties'),
  'non-binding': t('bindingNonBinding'),
  mixed: t('bindingMixed'),
};

export const INSTRUMENT_LABEL: Record<Framework['instrument'], string> = {
  treaty: t('instrTreaty'),
  regulation: t('instrRegulation'),
  directive: t('instrDirective'),
  statute: t('instrStatute'),
  'executive-action': t('instrExecutiveAction'),
  bill: t('instrBill'),
  'soft-law': t('instrSoftLaw'),
  standard: t('instrStandard'),
  guideline: t('instrGuideline'),
  strategy: t('instrStrategy'),
  declaration: t('instrDeclaration'),
};

export const STATUS_LABEL: Record<Framework['status'], string> = {
  proposed: t('statusProposed'),
  adopted: t('statusAdopted'),
  'in-force': t('statusInForce'),
  'partially-applicable': t('statusPartiallyApplicable'),
  repealed: t('statusRepealed'),
  superseded: t('statusSuperseded'),
  invalidated: t('statusInvalidated'),
  withdrawn: t('statusWithdrawn'),
};

export const DATE_LABEL: Record<keyof Framework['dates'], string> = {
  proposed: t('statusProposed'),
  adopted: t('statusAdopted'),
  inForce: t('statusInForce'),
  applies: t('dateApplies'),
  amended: t('dateAmended'),
  repealed: t('statusRepealed'),
};

const MONTHS = [
  'monthJan',
  'monthFeb',
  'monthMar',
  'monthApr',
  'monthMay',
  'monthJun',
  'monthJul',
  'monthAug',
  'monthSep',
  'monthOct',
  'monthNov',
  'monthDec',
] as const;

/** "2018-05-25" -> "25 May 2018"; "2013-12" -> "Dec 2013"; precision is never invented. */
export function formatDate(d: string): string {
  const [y, m, day] = d.split('-');
  if (!m) return y!;
  const month = t(MONTHS[Number(m) - 1]!);
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/** First year the framework was adopted (or proposed), for lists and tables. */
export function frameworkYear(f: Framework): string | undefined {
  return (f.dates.adopted ?? f.dates.inForce ?? f.dates.proposed)?.slice(0, 4);
}
