/** The timeline in words, for the card, the popup and the CLI. */
import type { EventKind, TimelineEvent } from '../../data/schema';
import { formatDate, STATUS_LABEL } from '../format';
import { t } from '../../platform/i18n';
import type { ThenAndNow } from './milestones';

/** Kept out of core/format.ts, which the content script carries: only cards, the popup and the CLI say events. */
export const EVENT_LABEL: Record<EventKind, string> = {
  proposed: t('statusProposed'),
  adopted: t('statusAdopted'),
  'in-force': t('statusInForce'),
  applies: t('dateApplies'),
  amended: t('dateAmended'),
  invalidated: t('statusInvalidated'),
  repealed: t('statusRepealed'),
  superseded: t('statusSuperseded'),
  withdrawn: t('statusWithdrawn'),
};

export interface Names {
  /** Display names by id. */
  names: Record<string, string>;
  /** When a related framework took effect, by id. */
  since?: Record<string, string>;
}

/** "invalidated by the CJEU (Schrems II, C-311/18) on 16 Jul 2020; replaced by EU-U.S. DPF (10 Jul 2023)". */
export function eventPhrase(e: TimelineEvent, { names, since }: Names): string {
  const who = e.actor ?? (e.by ? (names[e.by] ?? e.by) : undefined);
  const label = EVENT_LABEL[e.kind].toLowerCase();
  let out = who ? t('timelineEventBy', [label, who]) : label;
  if (e.what && e.kind === 'applies') out = `${out}: ${e.what}`;
  if (e.date) out = t('timelineEventOn', [out, formatDate(e.date)]);
  if (e.successor) {
    const name = names[e.successor] ?? e.successor;
    const date = since?.[e.successor];
    out += `; ${date ? t('timelineReplacedBy', [name, formatDate(date)]) : t('timelineReplacedByUndated', name)}`;
  }
  return out;
}

/** "When this page was written (3 Jul 2019): in force — invalidated by ... on 16 Jul 2020; replaced by ...". */
export function thenSentence(pageDate: string, seen: ThenAndNow, names: Names): string {
  const then = STATUS_LABEL[seen.then.status!].toLowerCase();
  const since = seen.changes.map((e) => eventPhrase(e, names)).join('; ');
  return t('timelineThen', [formatDate(pageDate), since ? `${then} \u2014 ${since}` : then]);
}

/** "Next, from 2 Aug 2027: High-risk classification of AI in products ...". */
export function nextSentence(e: TimelineEvent & { date: string }, names: Names): string {
  return t('timelineNext', [formatDate(e.date), e.what ?? eventPhrase({ ...e, date: undefined }, names)]);
}
