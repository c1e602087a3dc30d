import type { EntityKind } from '../../data/schema';
import type { PageMention } from '../../protocol/page-answers';
import type { PageState } from './page-client';
import { plural, t } from '../../platform/i18n';

const GROUPS: Array<{ kind: EntityKind; title: string }> = [
  { kind: 'framework', title: t('kindFrameworks') },
  { kind: 'jurisdiction', title: t('kindJurisdictions') },
  { kind: 'technology', title: t('kindTechnologies') },
  { kind: 'citation', title: t('kindCitations') },
];

const mentions = (n: number) => plural(n, 'mentionsOne', 'mentionsMany');

/** What the current tab mentions, grouped by kind; choosing one shows it on the page. */
interface PagePanelProps {
  page: PageState;
  /** Frameworks whose standing changed since the page's own date. */
  changed?: ReadonlySet<string>;
  onReveal: (m: PageMention) => void;
}

export function PagePanel({ page, changed, onReveal }: PagePanelProps) {
  if (page.status === 'loading') return <p class="rl-muted rl-pad">{t('readingPage')}</p>;
  if (page.status === 'unreadable') return <p class="rl-note rl-unreadable">{page.reason}</p>;
  if (!page.mentions.length) return <p class="rl-muted rl-pad">{t('nothingOnPage')}</p>;
  return (
    <div class="rl-page">
      {GROUPS.map(({ kind, title }) => {
        const list = page.mentions.filter((m) => m.kind === kind);
        if (!list.length) return null;
        const headingId = `rl-page-${kind}`;
        return (
          <section key={kind} aria-labelledby={headingId} data-kind={kind}>
            <h2 id={headingId} class="rl-page__title">
              {title} <span class="rl-count">{list.length}</span>
            </h2>
            <ul class="rl-page__list">
              {list.map((m) => (
                <li key={m.id}>
                  <button type="button" class="rl-page__item" data-id={m.id} data-kind={m.kind} onClick={() => onReveal(m)}>
                    <span class="rl-page__name">{m.name}</span>
                    {m.kind === 'framework' && changed?.has(m.id) ? (
                      <span class="rl-page__changed">{t('timelineChangedSince')}</span>
                    ) : null}
                    <span class="rl-muted rl-page__count">{mentions(m.count)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <p class="rl-muted rl-hint">{t('pageHint')}</p>
    </div>
  );
}
