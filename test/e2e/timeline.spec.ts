/**
 * What applied when: the card on a dated page about an instrument since invalidated says what held when
 * the page was written, and the side panel lists what comes next. Expected dates come from the dataset's
 * timelines, read here independently of the code under test.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { bundledDataset } from './dataset';
import { expect, test } from './fixtures';
import { pointAt, resetSettings, scanned, setSettings } from './inpage-support';

const d = bundledDataset();
const record = (id: string) => d.frameworks.find((f) => f.id === id)!;
const card = (page: Page, id: string) => page.locator(`reg-lens-card .rl-card[data-id="${id}"]`);

async function openCard(page: Page, sw: Worker, url: string) {
  await page.goto(url);
  await scanned(sw, page);
  const { x, y } = await pointAt(page, '#transfers', 'EU-U.S. Privacy Shield');
  await page.mouse.move(x, y);
  const c = card(page, 'eu-us-privacy-shield');
  await expect(c).toBeVisible();
  return c;
}

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test.describe('the card on a dated page', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`says what applied when the page was written, and is axe-clean (${theme})`, async ({ page, server, serviceWorker }) => {
      await setSettings(serviceWorker, { theme });
      const c = await openCard(page, serviceWorker, `${server.url}/then-and-now.html`);
      const invalidated = record('eu-us-privacy-shield').timeline!.find((e) => e.kind === 'invalidated')!;
      expect(invalidated.date).toBe('2020-07-16');
      await expect(c.locator('.rl-then')).toHaveText(
        'When this page was written (3 Jul 2019): in force \u2014 invalidated by the CJEU (Schrems II, C-311/18) on 16 Jul 2020; replaced by EU-U.S. Data Privacy Framework (10 Jul 2023)',
      );
      await expect(c.locator('.rl-status')).toHaveText('Invalidated');
      await expect(c.locator('.rl-timeline__event[data-kind="invalidated"]')).toContainText('16 Jul 2020');
      const { violations } = await new AxeBuilder({ page }).include('reg-lens-card').analyze();
      expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('says nothing of "then" on a page that states no date', async ({ page, server, serviceWorker }) => {
    const c = await openCard(page, serviceWorker, `${server.url}/then-and-now-undated.html`);
    await expect(c.locator('.rl-timeline')).toBeVisible();
    await expect(c.locator('.rl-then')).toHaveCount(0);
  });
});

test.describe('the side panel', () => {
  test("lists the AI Act's next application date for the EU, and is axe-clean in both themes", async ({ extensionPage, serviceWorker }) => {
    const today = new Date().toISOString().slice(0, 10);
    const next = record('eu-ai-act').timeline!.find((e) => e.kind === 'applies' && e.date && e.date > today)!;
    expect(next.date).toBe('2027-08-02');
    for (const theme of ['light', 'dark'] as const) {
      await setSettings(serviceWorker, { theme });
      const page = await extensionPage('sidepanel.html?j=eu,us');
      const eu = page.locator('.rl-upcoming__column[data-jurisdiction="eu"]');
      const item = eu.locator('li[data-framework="eu-ai-act"]');
      await expect(item).toHaveCount(1);
      await expect(item.locator('time')).toHaveAttribute('datetime', next.date!);
      await expect(item).toContainText('2 Aug 2027');
      const { violations } = await new AxeBuilder({ page }).include('.rl-upcoming').analyze();
      expect(violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.close();
    }
  });
});
