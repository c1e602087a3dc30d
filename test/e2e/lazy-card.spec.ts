/**
 * The card UI loads on first need: a page where no card opens never fetches the card module;
 * the first hover fetches it once and shows the card, on a strict-CSP page too; when it cannot load, the
 * highlights stay, the failure is reported once and the next hover tries again; and a page that loads the
 * module in its own world gets nothing from it. The module's fetches are the extension's resource requests
 * the page's network events report.
 */
import type { BrowserContext, Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { pageRequest, pointAt, resetSettings, scanned, setSettings, totalHighlights } from './inpage-support';

// A retry asks under a URL of its own ("card-ui.js?attempt=2"): a browser may keep a failed import as the answer.
const MODULE = /^chrome-extension:\/\/[^/]+\/card-ui\.js(?:\?attempt=\d+)?$/;
const card = (page: Page, id: string) => page.locator(`reg-lens-card .rl-card[data-id="${id}"]`);

/** Every request for the card module made in this page, as it happens. */
function moduleRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => MODULE.test(r.url()) && seen.push(r.url()));
  return seen;
}

async function hover(page: Page, selector: string, text: string) {
  const { x, y } = await pointAt(page, selector, text);
  await page.mouse.move(x, y);
}

/** Serves `path` with "Content-Security-Policy: default-src 'none'" (as reliability.spec.ts does). */
async function strictCsp(context: BrowserContext, url: string): Promise<() => Promise<void>> {
  const handler = async (route: Route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': "default-src 'none'" } });
  };
  await context.route(url, handler);
  return () => context.unroute(url, handler);
}

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test('a page where no card opens never loads the card module; the first hover loads it once and shows the card', async ({
  page,
  server,
  serviceWorker,
}) => {
  const requests = moduleRequests(page);
  await page.goto(`${server.url}/inpage.html`);
  await scanned(serviceWorker, page);
  expect(await totalHighlights(page)).toBeGreaterThan(0);
  // Painting, the popup's questions, a change of theme and the pointer on plain text need no card.
  expect((await pageRequest(serviceWorker, page.url(), { type: 'pageMentions' })).ok).toBe(true);
  await setSettings(serviceWorker, { theme: 'dark' });
  await hover(page, '#tail', 'end');
  await page.waitForTimeout(800);
  expect(requests).toEqual([]);
  await expect(page.locator('reg-lens-card')).toHaveCount(0);

  await hover(page, '#binding-law', 'GDPR');
  await expect(card(page, 'gdpr')).toBeVisible();
  expect(requests.length).toBeGreaterThan(0);
  // Styled by the sheet the module carries, with the theme the settings chose.
  expect(await card(page, 'gdpr').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(22, 27, 34)');
  const loaded = requests.length;
  await page.keyboard.press('Escape');
  await hover(page, '#soft-law', 'Kenya');
  await expect(card(page, 'ke')).toBeVisible();
  expect(requests).toHaveLength(loaded);
});

test("on a strict-CSP page (default-src 'none') the module loads on the first hover, and the card opens styled without a violation", async ({
  extContext,
  page,
  server,
  serviceWorker,
}) => {
  const url = `${server.url}/reliability/csp.html`;
  const unroute = await strictCsp(extContext, url);
  const violations: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  const requests = moduleRequests(page);
  const res = await page.goto(url);
  expect(res?.headers()['content-security-policy']).toBe("default-src 'none'");
  await scanned(serviceWorker, page);
  await page.waitForTimeout(500);
  expect(requests).toEqual([]);

  await hover(page, '#law', 'GDPR');
  await expect(card(page, 'gdpr')).toBeVisible();
  expect(requests.length).toBeGreaterThan(0);
  const style = await card(page, 'gdpr').evaluate((el) => ({
    position: getComputedStyle(el.closest('.rl-floating')!).position,
    background: getComputedStyle(el).backgroundColor,
  }));
  expect(style.position).toBe('fixed');
  expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
  expect(violations).toEqual([]);
  await unroute();
});

test('when the card module cannot load, the highlights stay, the failure is reported once, and a later hover loads it', async ({
  page,
  server,
  serviceWorker,
}) => {
  const failures: string[] = [];
  const uncaught: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('[regulatory-lens] loading the card UI failed')) failures.push(m.text());
    if (/Uncaught/.test(m.text())) uncaught.push(m.text());
  });
  // As a page's policy or a reloaded extension would: the module's fetch fails.
  let blocked = 0;
  const block = (route: Route) => {
    blocked++;
    return route.abort();
  };
  await page.route(MODULE, block);
  await page.goto(`${server.url}/inpage.html`);
  await scanned(serviceWorker, page);
  const painted = await totalHighlights(page);

  await hover(page, '#binding-law', 'GDPR');
  await expect.poll(() => failures.length).toBe(1);
  await expect(page.locator('reg-lens-card')).toHaveCount(0);
  // Hovering again tries again, and says nothing more.
  await page.mouse.move(3, 3);
  await hover(page, '#soft-law', 'Kenya');
  await expect.poll(() => blocked).toBeGreaterThan(1);
  await page.waitForTimeout(300);
  expect(failures).toHaveLength(1);
  expect(await totalHighlights(page)).toBe(painted);

  await page.unroute(MODULE, block);
  await page.mouse.move(3, 3);
  await hover(page, '#binding-law', 'GDPR');
  await expect(card(page, 'gdpr')).toBeVisible();
  expect(failures).toHaveLength(1);
  expect(uncaught).toEqual([]);
});

test('a page that imports the card module into its own world gets nothing from it', async ({ page, server, serviceWorker }) => {
  const requests = moduleRequests(page);
  await page.goto(`${server.url}/inpage.html`);
  await scanned(serviceWorker, page);
  await hover(page, '#binding-law', 'GDPR');
  await expect(card(page, 'gdpr')).toBeVisible();
  await page.keyboard.press('Escape');
  // The URL the extension used (Chrome: the per-session one), which a page would have to learn first.
  const url = requests[0]!;
  const outcome = await page.evaluate(async (u) => {
    const before = document.querySelectorAll('reg-lens-card').length;
    let imported: string;
    try {
      await import(u);
      imported = 'evaluated';
    } catch (e) {
      imported = `refused: ${(e as Error).message.slice(0, 80)}`;
    }
    const w = window as unknown as Record<string, unknown>;
    return {
      imported,
      globals: Object.keys(w).filter((k) => /regulatory|card/i.test(k)),
      hosts: document.querySelectorAll('reg-lens-card').length - before,
    };
  }, url);
  test.info().annotations.push({ type: 'page-world import', description: outcome.imported });
  expect(outcome.globals).toEqual([]);
  expect(outcome.hosts).toBe(0);
});
