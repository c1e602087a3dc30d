// The extension sends nothing anywhere: in a session that installs it, browses pages, opens cards, searches
// in the popup and compares in the side panel, its contexts request nothing but their own files.
import type { Request } from '@playwright/test';
import { WEB_ACCESSIBLE } from '../../scripts/check-bundles.mjs';
import { expect, test, textPoint } from './fixtures';

test('a full session makes zero network requests from the extension', async ({ extContext, extensionId, extensionPage, page, server }) => {
  const requests: Request[] = [];
  const record = (r: Request) => requests.push(r);
  extContext.on('request', record);
  try {
    await page.goto(`${server.url}/demo.html`);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('reglens-framework')?.size ?? 0)).toBeGreaterThan(0);
    const { x, y } = await textPoint(page, '#binding-law', 'GDPR');
    await page.mouse.move(x, y);
    await expect(page.locator('reg-lens-card .rl-card[data-id="gdpr"]')).toBeVisible();

    const popup = await extensionPage('popup.html');
    await popup.getByRole('searchbox').fill('mica');
    await expect(popup.locator('.rl-results li').first()).toBeVisible();
    await popup.getByRole('searchbox').press('Enter');
    await expect(popup.locator('.rl-card')).toBeVisible();

    const panel = await extensionPage('sidepanel.html?j=eu,us,cn');
    await expect(panel.locator('section[data-technology="ai"]')).toBeVisible();
    await expect(panel.locator('.rl-cmp-map__blocs li[data-id="eu"]')).toBeVisible();
    await Promise.all([panel.waitForEvent('download'), panel.locator('[data-export="download-csv"]').click()]);
  } finally {
    extContext.off('request', record);
  }
  // Files of the extension itself (including the modules the content script imports, which Chrome serves
  // under a per-session dynamic id) are local reads, not network.
  const dynamic = (url: string) => /^chrome-extension:\/\/[0-9a-f-]{36}\//.test(url) && WEB_ACCESSIBLE.some((f) => url.endsWith(`/${f}`));
  const local = (url: string) => url.startsWith(`chrome-extension://${extensionId}/`) || dynamic(url);
  const outside = requests.map((r) => r.url()).filter((url) => !local(url) && !url.startsWith(`${server.url}/`));
  expect(outside).toEqual([]);
  // The only requests to the test server are the pages the test itself opened.
  const toServer = requests.filter((r) => r.url().startsWith(server.url)).map((r) => new URL(r.url()).pathname);
  expect([...new Set(toServer)]).toEqual(['/demo.html']);
});
