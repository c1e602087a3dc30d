import { Component } from 'preact';
import type { ReaderSession } from './session';
import type { ReaderLens } from './reader-lens';
import type { Settings } from '../../platform/settings';
import { plural, t } from '../../platform/i18n';

/**
 * What each page mentions, page by page, filled in as pages are read; choosing one shows it in the
 * document with its card. Only pages with mentions are listed (a 500-page list of "nothing" helps no one);
 * the current page's entry says so when it has none.
 */
export function ReaderMentions({
  session,
  version,
  pages,
  current,
}: {
  session: ReaderSession;
  version: number;
  pages: number;
  current: number;
}) {
  void version; // the list is drawn again when the session bumps it
  const lens = session.lens;
  if (!lens) return null;
  const rows = [];
  for (let n = 1; n <= pages; n++) {
    const list = lens.entitiesOfPage(n);
    if (!list) break;
    if (!list.length && n !== current) continue;
    rows.push(<PageMentions key={n} n={n} list={list} current={n === current} settings={session.settings} session={session} lens={lens} />);
  }
  return (
    <aside class="rl-reader__mentions" aria-label={t('readerMentions')}>
      <h2>{t('readerMentions')}</h2>
      {rows}
    </aside>
  );
}

type Entities = NonNullable<ReturnType<ReaderLens['entitiesOfPage']>>;
interface PageMentionsProps {
  n: number;
  list: Entities;
  current: boolean;
  /** What the list depends on besides the page: a page read once lists the same until the settings change. */
  settings: Settings | undefined;
  session: ReaderSession;
  lens: ReaderLens;
}

/**
 * One page's entry. The list is drawn again a few times a second while a document is read; a page already
 * read is not drawn again (a 100-page list, drawn whole each time, made tasks over 50 ms).
 */
class PageMentions extends Component<PageMentionsProps> {
  override shouldComponentUpdate(next: PageMentionsProps): boolean {
    const p = this.props;
    return next.current !== p.current || next.settings !== p.settings || next.lens !== p.lens || next.list.length !== p.list.length;
  }

  override render() {
    const { n, list, current, session, lens } = this.props;
    return (
      <section class={`rl-mentions__page${current ? ' rl-mentions__page--current' : ''}`} data-page={n}>
        <h3>
          <button type="button" class="rl-mentions__goto" onClick={() => session.goToPage(n)}>
            {t('readerMentionsPage', n)}
          </button>
        </h3>
        {list.length ? (
          <ul>
            {list.map((e) => (
              <li key={`${e.kind}:${e.id}`}>
                <button
                  type="button"
                  class="rl-mentions__item"
                  data-kind={e.kind}
                  data-id={e.id}
                  onClick={() => void lens.show(e.first, true)}
                >
                  <span>{e.name}</span> <span class="rl-muted">{plural(e.count, 'mentionsOne', 'mentionsMany')}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="rl-muted">{t('readerNoMentions')}</p>
        )}
      </section>
    );
  }
}
