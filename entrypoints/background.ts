import { browser } from 'wxt/browser';
import { loadDataset } from '../data/index';
import { LensDb, ensureSeeded } from '../platform/db';
import { buildLexicon } from '../core/detect/lexicon';
import { buildMatcherTables } from '../core/detect/tables';
import { loadEntityView } from '../platform/entities';
import { handleRequest, isOwnSender, type Handlers } from '../protocol/messages';
import { openSidePanel } from '../background/open-panel';
import { relayCommands } from '../background/commands';

export default defineBackground(() => {
  const dataset = loadDataset();
  const db = new LensDb();
  // Seeding is serialised through one promise chain, and every request waits for it, so a message that
  // arrives while seeding sees the full dataset.
  let seeded: Promise<unknown> = Promise.resolve();
  const reseedIfNeeded = () =>
    (seeded = seeded
      .then(() => ensureSeeded(db, dataset))
      .catch((e: unknown) => console.error('[regulatory-lens] seeding failed', e)));
  // Check at start-up: a database damaged or emptied while the worker slept is re-seeded before use.
  reseedIfNeeded();
  const ready = () => seeded;
  // Built once per worker start (the dataset is bundled, so once per version): content scripts only hydrate them.
  const tables = buildMatcherTables(buildLexicon(dataset));
  const jurisdictionsById = new Map(dataset.jurisdictions.map((j) => [j.id, j]));
  // Chrome has sidePanel, Firefox sidebarAction; the other one is undefined.
  const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  const panelOpeners = {
    sidePanel: browser.sidePanel ? (o: { tabId: number } | { windowId: number }) => browser.sidePanel.open(o) : undefined,
    sidebar: sidebarAction ? () => sidebarAction.open() : undefined,
  };

  const handlers: Handlers = {
    getLexicon: async () => tables,
    getEntity: async ({ kind, id }) => {
      await ready();
      return loadEntityView(db, kind, id);
    },
    // Called synchronously from the message event, so the opener still runs inside the user's gesture.
    openSidePanel: ({ jurisdictions }, sender) => openSidePanel(jurisdictions, sender, { db, byId: jurisdictionsById, openers: panelOpeners }),
    // Extension pages ask for this when they open, so it re-checks the database (cheap: a version and six
    // counts) and repairs a damaged one.
    datasetInfo: async () => {
      await reseedIfNeeded();
      return {
        version: dataset.version,
        counts: {
          frameworks: dataset.frameworks.length,
          jurisdictions: dataset.jurisdictions.length,
          technologies: dataset.technologies.length,
          coalitions: dataset.coalitions.length,
        },
      };
    },
  };

  browser.runtime.onInstalled.addListener(() => void reseedIfNeeded());
  // The browse-mentions shortcut reaches only the background: pass it on to the tab's content script.
  relayCommands();
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isOwnSender(sender, browser.runtime.id)) return undefined;
    return handleRequest(message, handlers, sender);
  });
});
