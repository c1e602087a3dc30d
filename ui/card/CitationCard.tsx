import type { ComponentChildren } from 'preact';
import type { CitationInfo } from '../../core/detect/citations/info';
import type { EntityView } from '../../protocol/messages';
import { t, type MessageKey } from '../../platform/i18n';

export interface CitationCardProps {
  c: CitationInfo;
  view: EntityView;
  children?: ComponentChildren;
}

/**
 * An instrument cited by its number that the dataset has no record for: only what the citation itself says
 * (its kind, what that kind binds, its issuer and year, its official page), never a title or a status.
 */
export function CitationCard({ c, view, children }: CitationCardProps) {
  // The family tables name their texts by key (the pure core has no i18n); the catalogue test checks them.
  const say = (key: string) => t(key as MessageKey);
  return (
    <article class="rl-card" data-kind="citation" data-id={c.id} data-family={c.family} aria-label={c.display}>
      <header>
        <h2 class="rl-card__title">{c.display}</h2>
        <p class="rl-card__meta">
          <span class="rl-instrument">{say(c.label)}</span>
        </p>
      </header>
      {children}
      <p class="rl-summary rl-cite-tells">{say(c.tells)}</p>
      <dl class="rl-facts">
        <dt>{t('issuer')}</dt>
        <dd class="rl-cite-issuer">{say(c.issuer)}</dd>
        {c.jurisdiction ? (
          <>
            <dt>{t('citeState')}</dt>
            <dd>{view.names[c.jurisdiction] ?? c.jurisdiction}</dd>
          </>
        ) : null}
        {c.year ? (
          <>
            <dt>{t('citeYear')}</dt>
            <dd class="rl-cite-year">{c.year}</dd>
          </>
        ) : null}
        <dt>{t('citeOfficialPage')}</dt>
        <dd>
          {c.link?.url.startsWith('https://') ? (
            <a class="rl-cite-link" href={c.link.url} target="_blank" rel="noopener noreferrer">
              {t('citeLinkOn', [c.display, c.link.site])}
            </a>
          ) : (
            <span class="rl-muted">{t('citeNoLink')}</span>
          )}
        </dd>
      </dl>
      <p class="rl-note rl-cite-norecord">{t('citeNoRecord')}</p>
    </article>
  );
}
