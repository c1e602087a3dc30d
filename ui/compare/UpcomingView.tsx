import type { UpcomingColumn } from '../../core/compare/upcoming';
import { milestoneText } from '../../core/compare/upcoming';
import { formatDate } from '../../core/format';
import { t } from '../../platform/i18n';

/** Per compared jurisdiction, the milestones of its instruments in the next 24 months, soonest first. */
export function UpcomingView({ columns }: { columns: UpcomingColumn[] }) {
  return (
    <section class="rl-upcoming" aria-labelledby="rl-upcoming-h">
      <h2 id="rl-upcoming-h">{t('upcomingHeading')}</h2>
      {columns.map((c) => (
        <section key={c.jurisdiction.id} class="rl-upcoming__column" data-jurisdiction={c.jurisdiction.id} aria-label={c.jurisdiction.name}>
          <h3>{c.jurisdiction.shortName ?? c.jurisdiction.name}</h3>
          {c.milestones.length ? (
            <ol class="rl-upcoming__list">
              {c.milestones.map((m) => (
                <li key={`${m.framework.id}-${m.event.date}-${m.event.kind}`} data-framework={m.framework.id}>
                  <time dateTime={m.event.date}>{formatDate(m.event.date)}</time> {milestoneText(m)}
                </li>
              ))}
            </ol>
          ) : (
            <p class="rl-muted">{t('upcomingNone')}</p>
          )}
        </section>
      ))}
    </section>
  );
}
