/** The real browser behind the popup's `PopupDeps`: the dataset database, the current tab, settings. */
import type { PopupDeps } from './Popup';
import { openDataset, openSearchIndex } from '../dataset-client';
import { canOpenSidePanel, hasOptionsPage, openOptions, openSidePanel } from './actions';
import { recentLookups, rememberLookup } from './recent';

export function browserPopupDeps(): PopupDeps {
  const { index, replacement } = openSearchIndex();
  const db = openDataset();
  // Loaded beside the first render rather than before it: these bring zod (validation at the page and
  // storage boundaries), which the search box does not need to appear.
  const page = import('./page-client');
  const settings = import('../../platform/settings');
  const writer = import('../../platform/settings-writer');
  return {
    index,
    indexReplacement: replacement,
    tab: page.then((m) => m.targetTab()),
    readPage: async (tab) => (await page).readPage(tab?.id),
    siteOf: async (tab) => (await page).siteOf(tab),
    reveal: async (tabId, ref) => (await page).revealMention(tabId, ref),
    // A tab showing a PDF: offered to the PDF reader (loaded only here, it is small).
    pdfOf: async (tab) => {
      const [m, entry] = await Promise.all([page, import('./reader-entry')]);
      return entry.pdfOfTab(tab, m.reportedUrl);
    },
    openReader: async (url) => (await import('./reader-entry')).openReader(url),
    // Loaded on the first card only: it brings the dataset schemas along.
    loadView: async (ref) => (await import('../../platform/entities')).loadEntityView(await db, ref.kind, ref.id),
    recents: async () => recentLookups(await db),
    remember: async (ref) => rememberLookup(await db, ref),
    openSidePanel: canOpenSidePanel() ? openSidePanel : undefined,
    openOptions: hasOptionsPage() ? openOptions : undefined,
    sitePause: {
      isPaused: async (host) => {
        const { loadSettings, isActiveOn } = await settings;
        return !isActiveOn({ ...(await loadSettings()), enabled: true }, host);
      },
      setPaused: async (host, paused) => void (await (await writer).setPaused(host, paused)),
    },
    close: () => window.close(),
  };
}
