/**
 * What a mention is, in the words browse mode says after its name ("GDPR — binding regulation — 3 of 12").
 * Part of the card module: the view it reads is the card's, and the content script need not carry the labels.
 */
import type { EntityView } from '../protocol/messages';
import { BINDING_LABEL, INSTRUMENT_LABEL } from '../core/format';
import { t, type MessageKey } from '../platform/i18n';

const JURISDICTION_KIND: Record<string, string> = {
  country: t('kindCountryLower'),
  subnational: t('kindSubnationalLower'),
  bloc: t('kindBlocLower'),
  organization: t('kindOrganizationLower'),
};

/** "binding regulation", "non-binding soft law", "country", "emerging technology". */
export function describeView(view: EntityView): string {
  const e = view.entity;
  if (e.kind === 'framework')
    return `${BINDING_LABEL[e.record.binding].toLowerCase()} ${INSTRUMENT_LABEL[e.record.instrument].toLowerCase()}`;
  if (e.kind === 'jurisdiction') return JURISDICTION_KIND[e.record.kind] ?? t('jurisdictionLower');
  // A citation's kind of instrument ("EU regulation"); its key comes from the family tables.
  if (e.kind === 'citation') return t(e.record.label as MessageKey);
  return t('emergingTechnologyLower');
}
