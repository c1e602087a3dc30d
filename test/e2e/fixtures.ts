/**
 * The e2e harness: the built Chrome extension loaded into a real (headless) Chromium with a persistent
 * profile, its id read from the service worker, and test pages served from 127.0.0.1.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionArgs, findChromium } from '../../scripts/lib/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.RL_OUT_DIR ?? '.output', 'chrome-mv3');

interface WorkerFixtures {
  server: { url: string };
  extContext: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export const test = base.extend<{ extensionPage: (path: string) => Promise<Page> }, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const s = await serve([resolve(import.meta.dirname, '../pages')]);
      await use(s);
      await s.close();
    },
    { scope: 'worker' },
  ],
  extContext: [
    async ({}, use) => {
      const profile = mkdtempSync(join(tmpdir(), 'rl-e2e-'));
      const executablePath = findChromium();
      if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH)');
      const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: [...extensionArgs(EXTENSION_DIR), '--disable-gpu', '--no-sandbox'],
      });
      await use(context);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  serviceWorker: [
    async ({ extContext }, use) => {
      const sw = extContext.serviceWorkers()[0] ?? (await extContext.waitForEvent('serviceworker'));
      await use(sw);
    },
    { scope: 'worker' },
  ],
  extensionId: [async ({ serviceWorker }, use) => use(new URL(serviceWorker.url()).host), { scope: 'worker' }],
  // Tests get fresh pages from the shared persistent context.
  page: async ({ extContext }, use) => {
    const page = await extContext.newPage();
    await use(page);
    await page.close();
  },
  extensionPage: async ({ extContext, extensionId }, use) => {
    const opened: Page[] = [];
    await use(async (path) => {
      const p = await extContext.newPage();
      opened.push(p);
      await p.goto(`chrome-extension://${extensionId}/${path}`);
      return p;
    });
    await Promise.all(opened.map((p) => p.close()));
  },
});

export const expect = test.expect;

/** Number of ranges registered for a highlight on the page. */
export function highlightCount(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
}

/** Viewport centre of the first occurrence of `text` inside the element matched by `selector`. */
export async function textPoint(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(text);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + text.length);
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = r.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    { selector, text },
  );
}
