/**
 * The service worker's work: seed the extension-origin database from the bundled dataset (and repair it when
 * damaged), and answer the typed messages of this extension's pages and content scripts.
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../data/schema';
import { buildLexicon } from '../core/detect/lexicon';
import { buildMatcherTables } from '../core/detect/tables';
import { LensDb, ensureSeeded } from '../platform/db';
import { forgetSearchIndex } from '../platform/search-index-cache';
import { loadEntityView } from '../platform/entities';
import type { Handlers } from '../protocol/messages';
import { openSidePanel } from './open-panel';

export interface Service {
  handlers: Handlers;
  /** Seeds or repairs the database unless a seeding is already under way; never rejects. */
  reseedIfNeeded(): Promise<unknown>;
  /** On install and update: forgets what older code derived from the dataset, then seeds as needed; never rejects. */
  installed(): Promise<unknown>;
}

export function createService(dataset: Dataset, db: LensDb = new LensDb()): Service {
  // Seeding is serialised through one promise chain, and every request waits for it, so a message that
  // arrives while seeding sees the full dataset.
  let seeded: Promise<unknown> = Promise.resolve();
  const reseedIfNeeded = () =>
    (seeded = seeded.then(() => ensureSeeded(db, dataset)).catch((e: unknown) => console.error('[regulatory-lens] seeding failed', e)));
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
      await seeded;
      return loadEntityView(db, kind, id);
    },
    // Called synchronously from the message event, so the opener still runs inside the user's gesture.
    openSidePanel: ({ jurisdictions }, sender) =>
      openSidePanel(jurisdictions, sender, { db, byId: jurisdictionsById, openers: panelOpeners }),
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
  const installed = () =>
    forgetSearchIndex(db)
      .catch(() => undefined)
      .then(reseedIfNeeded);
  return { handlers, reseedIfNeeded, installed };
}
