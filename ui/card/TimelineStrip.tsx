import type { Framework } from '../../data/schema';
import type { EntityView } from '../../protocol/messages';
import { formatDate } from '../../core/format';
import { EVENT_LABEL } from '../../core/timeline/describe';
import { datedEvents } from '../../core/timeline/standing';
import { tookEffectBy, dayRange } from '../../core/timeline/partial-date';
import { t } from '../../platform/i18n';

export interface TimelineStripProps {
  f: Framework;
  view: EntityView;
  today: string;
}

/** The timeline as a compact list of dots on a line: past events filled, those ahead hollow. */
export function TimelineStrip({ f, view, today }: TimelineStripProps) {
  const events = datedEvents(f);
  if (!events.length) return null;
  const day = dayRange(today);
  return (
    <section class="rl-timeline-box" aria-label={t('timelineHeading')}>
      <h3>{t('timelineHeading')}</h3>
      <ol class="rl-timeline">
        {events.map(({ event: e, range }, i) => {
          const ahead = tookEffectBy(range, day) === 'no';
          const who = e.actor ?? (e.by ? view.names[e.by] : undefined);
          return (
            <li key={i} class="rl-timeline__event" data-kind={e.kind} data-ahead={ahead ? 'true' : undefined}>
              <span class="rl-timeline__date">{e.date ? formatDate(e.date) : t('timelineUndated')}</span>{' '}
              <strong>{EVENT_LABEL[e.kind]}</strong>
              {e.what ? <span>: {e.what}</span> : null}
              {who ? <span class="rl-muted"> ({who})</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
