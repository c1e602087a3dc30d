import type { Page } from '@playwright/test';
import { bundledDataset } from './dataset';
import { expect, test } from './fixtures';

const dataset = bundledDataset();
const TABLES = ['frameworks', 'jurisdictions', 'technologies', 'challenges', 'stages', 'coalitions'];
const expected = Object.fromEntries(TABLES.map((t) => [t, dataset[t as keyof typeof dataset].length]));

// Raw IndexedDB in an extension page: the database lives in the extension's origin, not the web page's.
// (Extension pages forbid eval, so each operation is a plain function passed to page.evaluate.)
function counts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, number>>((ok, fail) => {
        const req = indexedDB.open('regulatory-lens');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const n of names) {
            const c = tx.objectStore(n).count();
            c.onsuccess = () => (out[n] = c.result);
          }
          tx.oncomplete = () => {
            db.close();
            ok(out);
          };
        };
      }),
    TABLES,
  );
}

/** Saves a comparison (user data), then makes the stored dataset look like an older, half-written version. */
function saveAndDamage(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((ok, fail) => {
        const req = indexedDB.open('regulatory-lens');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['comparisons', 'frameworks', 'meta'], 'readwrite');
          tx.objectStore('comparisons').add({ jurisdictions: ['eu', 'us'], savedAt: '2026-11-26' });
          tx.objectStore('frameworks').delete('gdpr');
          tx.objectStore('frameworks').delete('eu-ai-act');
          tx.objectStore('meta').put({ key: 'datasetVersion', value: 'an-older-version' });
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

function userDataAndVersion(page: Page): Promise<{ comparisons: Array<{ jurisdictions: string[] }>; version: string }> {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const req = indexedDB.open('regulatory-lens');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['comparisons', 'meta'], 'readonly');
          const all = tx.objectStore('comparisons').getAll();
          const meta = tx.objectStore('meta').get('datasetVersion');
          tx.oncomplete = () => {
            db.close();
            ok({ comparisons: all.result, version: meta.result.value });
          };
        };
      }),
  );
}

test('after install, IndexedDB in the extension origin holds exactly the bundled dataset', async ({ extensionPage }) => {
  const page = await extensionPage('popup.html');
  // The popup shows its search box before the background has answered: wait for the seed.
  await expect.poll(() => counts(page)).toEqual(expected);
});

test("a dataset upgrade and a damaged database are re-seeded without losing the user's saved data", async ({ extensionPage }) => {
  const first = await extensionPage('popup.html');
  await expect.poll(() => counts(first)).toEqual(expected);
  await saveAndDamage(first);
  expect((await counts(first)).frameworks).toBe(dataset.frameworks.length - 2);

  // Opening an extension page makes the background check the database and repair it.
  const second = await extensionPage('popup.html');
  await expect.poll(() => counts(second)).toEqual(expected);
  const after = await userDataAndVersion(second);
  expect(after.comparisons.map((c) => c.jurisdictions)).toContainEqual(['eu', 'us']);
  expect(after.version).not.toBe('an-older-version');
});
