/**
 * The fuzzy stage's scorer (Fuse.js) loads only where it is needed: a page whose names are all
 * written exactly never fetches it; a page with a misspelled long name fetches it once, is read again,
 * and the misspelling is painted as the framework it names, on a strict-CSP page too.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { paintedTexts, resetSettings, scanned, totalHighlights } from './inpage-support';

const MODULE = /^chrome-extension:\/\/[^/]+\/fuzzy-score\.js$/;

function moduleRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => MODULE.test(r.url()) && seen.push(r.url()));
  return seen;
}

/** Serves `body` at `url` (optionally with a strict CSP), as a page of the test server would be. */
async function servePage(context: BrowserContext, url: string, body: string, csp?: string): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: csp ? { 'content-security-policy': csp } : {},
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`,
    }),
  );
}

const EXACT = `<p>The GDPR and the EU AI Act apply in the European Union. The Data Act, the Online Safety Act and the
  Digital Services Act were cited, as was the California Consumer Privacy Act.</p><p>Order now. Read the Code.</p>`;
const MISSPELLED = `<p id="typo">Under the Genral Data Protection Regulation, controllers in Europe keep records.</p>`;

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test('a page whose names are written exactly never loads the fuzzy scorer', async ({ extContext, page, server, serviceWorker }) => {
  const url = `${server.url}/generated/exact.html`;
  await servePage(extContext, url, EXACT);
  const requests = moduleRequests(page);
  await page.goto(url);
  await scanned(serviceWorker, page);
  expect(await totalHighlights(page)).toBeGreaterThan(5);
  await page.waitForTimeout(800);
  expect(requests).toEqual([]);
});

for (const csp of [undefined, "default-src 'none'"]) {
  test(`a misspelled long name loads the scorer once and is painted as the framework it names${csp ? ' (strict CSP)' : ''}`, async ({
    extContext,
    page,
    server,
    serviceWorker,
  }) => {
    const url = `${server.url}/generated/typo${csp ? '-csp' : ''}.html`;
    await servePage(extContext, url, `${EXACT}${MISSPELLED}`, csp);
    const requests = moduleRequests(page);
    await page.goto(url);
    await scanned(serviceWorker, page);
    await expect
      .poll(async () => (await paintedTexts(page, 'reglens-framework')).map((p) => p.text), { timeout: 10_000 })
      .toContain('Genral Data Protection Regulation');
    // (Chrome reports a use_dynamic_url fetch under both URLs: one import, one or two requests.)
    const loaded = requests.length;
    expect(loaded).toBeGreaterThan(0);
    // The names written exactly are still painted once each: the second reading replaced the first.
    const frameworks = (await paintedTexts(page, 'reglens-framework')).map((p) => p.text);
    expect(frameworks.filter((t) => t === 'GDPR')).toHaveLength(1);
    // Loaded once: the second reading scores with it and asks for nothing more.
    await page.waitForTimeout(500);
    expect(requests).toHaveLength(loaded);
  });
}
