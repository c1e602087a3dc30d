import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EntityView } from '../../protocol/messages';
import type { PageMention } from '../../protocol/page-answers';
import type { PageState, TargetTab } from './page-client';
import type { RecentRef } from './recent';
import type { SearchIndex } from '../../core/search';
import type { SearchDoc } from '../../core/search-doc';
import { EntityCard } from '../card/EntityCard';
import { useResolved } from './hooks';
import { PagePanel } from './PagePanel';
import { changedSince } from './changed-since';
import { PopupTabs, type PopupView } from './PopupTabs';
import { PopupToolbar } from './PopupToolbar';
import { optionId, SearchResults, type ResultSection } from './SearchResults';
import { plural, t } from '../../platform/i18n';

/** Everything the popup reads or does outside itself; `ui/popup/deps.ts` wires the real browser. */
export interface PopupDeps {
  index: Promise<SearchIndex>;
  /** A newer index, if the first one was read from an out-of-date database. */
  indexReplacement?: Promise<SearchIndex | undefined>;
  tab: Promise<TargetTab | undefined>;
  readPage(tab: TargetTab | undefined): Promise<PageState>;
  /** Host name of the tab's page, where the extension runs there. */
  siteOf(tab: TargetTab | undefined): Promise<string | undefined>;
  loadView(ref: RecentRef): Promise<EntityView>;
  recents(): Promise<RecentRef[]>;
  remember(ref: RecentRef): Promise<void>;
  reveal(tabId: number, ref: RecentRef): Promise<string | undefined>;
  /** Must open synchronously from the click (user gesture); absent where the browser has no side panel. */
  openSidePanel?(windowId: number | undefined, jurisdictions: string[]): Promise<string | undefined>;
  openOptions?(): Promise<string | undefined>;
  sitePause?: { isPaused(host: string): Promise<boolean>; setPaused(host: string, paused: boolean): Promise<void> };
  /** The address of the PDF the tab shows, if it shows one; and opening it in the PDF reader. */
  pdfOf?(tab: TargetTab | undefined): Promise<string | undefined>;
  openReader?(pdfUrl: string): Promise<void>;
  /** Closes the popup (after revealing a mention, so the page shows). */
  close(): void;
}

const RESULTS_ID = 'rl-results';
const key = (r: RecentRef) => `${r.kind}:${r.id}`;
const quoted = (q: string) => (q.length > 40 ? `${q.slice(0, 40)}...` : q);

export function Popup({ deps }: { deps: PopupDeps }) {
  const { value: firstIndex, error: indexError } = useResolved(deps.index);
  const [newerIndex, setNewerIndex] = useState<SearchIndex | undefined>();
  const index = newerIndex ?? firstIndex;
  const { value: tab } = useResolved(deps.tab);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [recents, setRecents] = useState<RecentRef[]>([]);
  const [view, setView] = useState<PopupView>('search');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [card, setCard] = useState<EntityView | undefined>();
  const [notice, setNotice] = useState('');
  const [site, setSite] = useState<{ host: string; paused: boolean } | undefined>();
  const [pdf, setPdf] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // A failed confirmation keeps the index shown: it is a complete dataset, only maybe not the newest.
    deps.indexReplacement?.then(
      (i) => i && setNewerIndex(i),
      () => undefined,
    );
    void deps.tab.then(deps.readPage).then(setPage);
    deps.recents().then(setRecents, () => setRecents([]));
  }, [deps]);

  useEffect(() => {
    if (page.status !== 'ok' || !page.pageDate) return setChanged(new Set());
    let current = true;
    void changedSince(page.mentions, page.pageDate, deps.loadView).then((ids) => current && setChanged(ids));
    return () => {
      current = false;
    };
  }, [deps, page]);

  useEffect(() => {
    const pause = deps.sitePause;
    if (!tab || !pause) return;
    void deps
      .siteOf(tab)
      .then(async (host) => (host ? { host, paused: await pause.isPaused(host) } : undefined))
      .then(setSite, () => setSite(undefined));
  }, [deps, tab]);

  useEffect(() => {
    if (tab && deps.pdfOf) deps.pdfOf(tab).then(setPdf, () => setPdf(undefined));
  }, [deps, tab]);

  // Marks for the benchmark (scripts/bench-popup.ts): when typing works, and when it finds things.
  useLayoutEffect(() => {
    if (index) performance.mark('rl-popup-ready');
  }, [index]);

  // Focus follows the view: the search box on the search tab, "Back" on a card. Before the first paint,
  // so the popup never shows an unfocused box and a key pressed at once lands in it.
  useLayoutEffect(() => {
    if (card) back.current?.focus();
    else if (view === 'search') {
      input.current?.focus();
      if (!performance.getEntriesByName('rl-popup-focused').length) performance.mark('rl-popup-focused');
    }
  }, [card, view]);

  const cardShown = useRef(false);
  cardShown.current = Boolean(card);
  useEffect(() => {
    // Esc goes back from a card to the results, wherever focus is (without a card, Esc is the browser's:
    // it clears the search box, then closes the popup).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !cardShown.current) return;
      e.preventDefault();
      setCard(undefined);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const docs = useMemo(() => new Map((index?.docs ?? []).map((d) => [key(d), d])), [index]);
  const onPage = useMemo(() => (page.status === 'ok' ? page.mentions : []), [page]);
  const trimmed = query.trim();

  const { sections, status, noMatch } = useMemo((): { sections: ResultSection[]; status: string; noMatch?: boolean } => {
    if (!index)
      return { sections: [], status: indexError ? t('datasetOpenFailed', String(indexError)) : trimmed ? t('datasetLoading') : '' };
    if (!trimmed) {
      const known = (refs: RecentRef[]) => refs.map((r) => docs.get(key(r))).filter((d): d is SearchDoc => Boolean(d));
      return {
        sections: [
          { title: t('recent'), docs: known(recents) },
          { title: t('frameworksOnThisPage'), docs: known(onPage.filter((m) => m.kind === 'framework')) },
        ],
        status: '',
      };
    }
    const hits = index.search(query);
    if (hits.length) return { sections: [{ docs: hits.map((h) => h.doc) }], status: plural(hits.length, 'resultsOne', 'resultsMany') };
    const near = index.nearest(query);
    return {
      sections: [{ title: t('suggestionsNotMatches'), docs: near }],
      status: t('noMatchFor', quoted(trimmed)),
      noMatch: true,
    };
  }, [index, indexError, docs, query, trimmed, recents, onPage]);

  const options = useMemo(() => sections.flatMap((s) => s.docs), [sections]);

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const openCard = async (ref: RecentRef) => {
    try {
      setCard(await deps.loadView(ref));
      setNotice('');
      await deps.remember(ref);
      setRecents(await deps.recents());
    } catch (e) {
      setNotice(t('cardOpenFailed', e instanceof Error ? e.message : String(e)));
    }
  };

  const onSearchKey = (e: KeyboardEvent) => {
    if (!options.length && e.key !== 'Enter') return;
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && options[active]) void openCard(options[active]);
    else return;
    e.preventDefault();
  };

  const reveal = async (m: PageMention) => {
    if (!tab) return;
    setNotice(t('showingOnPage', m.name));
    const error = await deps.reveal(tab.id, m);
    if (error) setNotice(t('showOnPageFailed', [m.name, error]));
    else deps.close();
  };

  const toolbar = (
    <PopupToolbar
      site={
        site && deps.sitePause
          ? {
              ...site,
              onToggle: () => {
                const { host } = site;
                const paused = !site.paused;
                setSite({ host, paused });
                deps.sitePause!.setPaused(host, paused).then(
                  async () => {
                    setNotice(paused ? t('pausedOn', host) : t('highlightingAgainOn', host));
                    // The content script applies the change; what it reports about the page changes with it.
                    setPage(await deps.readPage(tab));
                  },
                  (e: unknown) => {
                    setSite({ host, paused: !paused });
                    setNotice(t('settingChangeFailed', e instanceof Error ? e.message : String(e)));
                  },
                );
              },
            }
          : undefined
      }
      onSidePanel={
        deps.openSidePanel
          ? () => {
              const places = onPage.filter((m) => m.kind === 'jurisdiction').map((m) => m.id);
              void deps.openSidePanel!(tab?.windowId, places).then((error) => {
                if (error) setNotice(t('sidePanelOpenFailed', error));
                else deps.close();
              });
            }
          : undefined
      }
      onOptions={
        deps.openOptions
          ? () => void deps.openOptions!().then((error) => (error ? setNotice(t('optionsOpenFailed', error)) : deps.close()))
          : undefined
      }
    />
  );

  const live = (
    <p class="rl-live" role="status">
      {notice}
    </p>
  );

  const title = <h1 class="rl-popup__title">{t('extName')}</h1>;

  // The card of something the tab mentions says how it stood when the page was written.
  const pageDate = page.status === 'ok' ? page.pageDate : undefined;
  const mentioned = (v: EntityView) => onPage.some((m) => m.kind === v.entity.kind && m.id === v.entity.record.id);
  if (card) {
    return (
      <main class="rl-popup" data-ready={index ? '' : undefined}>
        <header class="rl-popup__head">{title}</header>
        <button ref={back} type="button" class="rl-back" onClick={() => setCard(undefined)}>
          {t('backToResults')}
        </button>
        <EntityCard view={card} pageDate={mentioned(card) ? pageDate : undefined} />
        {live}
      </main>
    );
  }

  return (
    <main class="rl-popup" data-ready={index ? '' : undefined}>
      <header class="rl-popup__head">
        {title}
        <PopupTabs view={view} pageCount={page.status === 'ok' ? page.mentions.length : undefined} onChange={setView} />
      </header>
      <div role="tabpanel" id="rl-panel-search" aria-labelledby="rl-tab-search" hidden={view !== 'search'}>
        <label class="rl-search">
          <span class="rl-visually-hidden">{t('searchLabel')}</span>
          <input
            ref={input}
            type="search"
            placeholder={t('searchPlaceholder')}
            value={query}
            autoComplete="off"
            spellcheck={false}
            aria-controls={options.length ? RESULTS_ID : undefined}
            aria-activedescendant={options.length ? optionId(Math.min(active, options.length - 1)) : undefined}
            aria-describedby="rl-search-status"
            onInput={(e) => {
              setQuery((e.target as HTMLInputElement).value);
              setActive(0);
            }}
            onKeyDown={onSearchKey}
          />
        </label>
        <p id="rl-search-status" class={noMatch ? 'rl-no-match' : 'rl-muted rl-count-line'} aria-live="polite">
          {status}
        </p>
        <SearchResults id={RESULTS_ID} sections={sections} active={active} onChoose={(d) => void openCard(d)} />
        {!trimmed && index && !options.length ? <p class="rl-muted rl-hint">{t('searchHint')}</p> : null}
      </div>
      <div role="tabpanel" id="rl-panel-page" aria-labelledby="rl-tab-page" hidden={view !== 'page'}>
        {pdf && deps.openReader ? (
          <button type="button" class="rl-open-reader" onClick={() => void deps.openReader!(pdf).then(() => deps.close())}>
            {t('popupOpenInReader')}
          </button>
        ) : null}
        <PagePanel page={page} changed={changed} onReveal={(m) => void reveal(m)} />
      </div>
      {live}
      {toolbar}
    </main>
  );
}
