import type { ReaderSession } from './session';
import { plural, t } from '../../platform/i18n';

/**
 * What each page mentions, page by page, filled in as pages are read; choosing one shows it in the
 * document with its card. Only pages with mentions are listed (a 500-page list of "nothing" helps no one);
 * the current page's entry says so when it has none.
 */
export function ReaderMentions({ session, version, pages, current }: { session: ReaderSession; version: number; pages: number; current: number }) {
  void version; // the list is drawn again when the session bumps it
  const lens = session.lens;
  if (!lens) return null;
  const rows = [];
  for (let n = 1; n <= pages; n++) {
    const list = lens.entitiesOfPage(n);
    if (!list) break;
    if (!list.length && n !== current) continue;
    rows.push(
      <section key={n} class={`rl-mentions__page${n === current ? ' rl-mentions__page--current' : ''}`} data-page={n}>
        <h3>
          <button type="button" class="rl-mentions__goto" onClick={() => session.goToPage(n)}>
            {t('readerMentionsPage', n)}
          </button>
        </h3>
        {list.length ? (
          <ul>
            {list.map((e) => (
              <li key={`${e.kind}:${e.id}`}>
                <button type="button" class="rl-mentions__item" data-kind={e.kind} data-id={e.id} onClick={() => void lens.show(e.first, true)}>
                  <span>{e.name}</span> <span class="rl-muted">{plural(e.count, 'mentionsOne', 'mentionsMany')}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="rl-muted">{t('readerNoMentions')}</p>
        )}
      </section>,
    );
  }
  return (
    <aside class="rl-reader__mentions" aria-label={t('readerMentions')}>
      <h2>{t('readerMentions')}</h2>
      {rows}
    </aside>
  );
}
