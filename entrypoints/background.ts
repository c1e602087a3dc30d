import { browser } from 'wxt/browser';
import { loadDataset } from '../data/index';
import { LensDb, ensureSeeded } from '../utils/db';
import { buildLexicon } from '../utils/detect/lexicon';
import { loadEntityView } from '../utils/entities';
import { handleRequest, isOwnSender, type Handlers } from '../utils/messages';

export default defineBackground(() => {
  const dataset = loadDataset();
  const db = new LensDb();
  // Every request waits for the seed, so a message that arrives while seeding sees the full dataset.
  let seeded: Promise<unknown> = ensureSeeded(db, dataset);
  const ready = () =>
    (seeded = seeded.catch(async (e: unknown) => {
      console.error('[regulatory-lens] seeding failed, retrying', e);
      return ensureSeeded(db, dataset);
    }));
  const lexicon = buildLexicon(dataset);

  const handlers: Handlers = {
    getLexicon: async () => lexicon,
    getEntity: async ({ kind, id }) => {
      await ready();
      return loadEntityView(db, kind, id);
    },
    datasetInfo: async () => {
      await ready();
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

  browser.runtime.onInstalled.addListener(() => void ready());
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isOwnSender(sender, browser.runtime.id)) return undefined;
    return handleRequest(message, handlers);
  });
});
