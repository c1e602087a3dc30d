/**
 * The popup, in the built extension in Chromium. Playwright cannot open the real toolbar popup,
 * so tests open `popup.html` as a page; `?tab=<id>` points it at the page under test, as the active tab
 * would be in real use.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledDataset } from './dataset';
import { EXTENSION_DIR, expect, highlightCount, test } from './fixtures';
import { resetSettings } from './inpage-support';
import { backgroundLuminance, DARK, LIGHT, setTheme } from './theme-support';

const dataset = bundledDataset();
const frameworkIds = new Set(dataset.frameworks.map((f) => f.id));
const POPUP = { width: 400, height: 600 };

/** The framework whose aliases hold this official number: the dataset, not the test, says which it is. */
const byNumber = (n: string) => {
  const f = dataset.frameworks.find((x) => x.aliases.some((a) => a.includes(n)));
  if (!f) throw new Error(`no framework has ${n} among its aliases`);
  return f.id;
};

async function openPopup(extensionPage: (p: string) => Promise<Page>, query = ''): Promise<Page> {
  const popup = await extensionPage(`popup.html${query}`);
  await popup.setViewportSize(POPUP);
  await expect(popup.locator('main[data-ready]')).toBeAttached();
  return popup;
}

/**
 * The popup for a tab, in a window of its own beside that tab, as the toolbar popup floats over a page that
 * stays visible (a background tab would throttle the page's scrolling and close its card).
 */
async function popupFor(context: BrowserContext, serviceWorker: Worker, tabId: number): Promise<Page> {
  const opened = context.waitForEvent('page', (p) => p.url().includes('/popup.html'));
  await serviceWorker.evaluate(
    (id) => chrome.windows.create({ url: `popup.html?tab=${id}`, type: 'popup', width: 400, height: 600 }),
    tabId,
  );
  const popup = await opened;
  await popup.setViewportSize(POPUP);
  await expect(popup.locator('main[data-ready]')).toBeAttached();
  return popup;
}

/** Fails the test on any uncaught error or console error in the popup. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/**
 * Opens `url` in a new tab and finds its id. Without the tabs permission the extension sees no tab
 * addresses, so the tab is the one that appeared.
 */
async function openTab(context: BrowserContext, serviceWorker: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const ids = async () => (await serviceWorker.evaluate(() => chrome.tabs.query({}))).map((t) => t.id);
  const before = await ids();
  const page = await context.newPage();
  await page.goto(url);
  const fresh = (await ids()).filter((id) => !before.includes(id));
  if (fresh.length !== 1 || fresh[0] === undefined) throw new Error(`expected one new tab for ${url}, found ${fresh.length}`);
  return { page, tabId: fresh[0] };
}

async function expectAxeClean(page: Page) {
  // A card fading in has not reached its real contrast yet.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`)).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

test.describe('popup search', () => {
  const expected: Array<[string, string]> = [
    ['gdrp', 'gdpr'],
    ['ai act', 'eu-ai-act'],
    ['markets in crypto', 'mica'],
    ['2016/679', byNumber('2016/679')],
    ['Regulation (EU) 2024/1689', byNumber('2024/1689')],
    ['dsgvo', 'gdpr'],
  ];
  for (const [query, id] of expected) {
    test(`"${query}" finds ${id} first, with its binding, scope and status; Enter opens its card, Esc goes back`, async ({
      extensionPage,
    }) => {
      expect(frameworkIds.has(id)).toBe(true);
      const f = dataset.frameworks.find((x) => x.id === id)!;
      const popup = await openPopup(extensionPage);
      const box = popup.getByRole('searchbox');
      await expect(box).toBeFocused();
      await box.pressSequentially(query);
      const top = popup.getByRole('option').first();
      await expect(top).toHaveAttribute('data-id', id);
      await expect(top).toHaveAttribute('aria-selected', 'true');
      await expect(top.locator('.rl-badge')).toHaveAttribute('data-binding', f.binding);
      const scopeName = dataset.jurisdictions.find((j) => j.id === f.scope.jurisdictions[0])!;
      await expect(top.locator('.rl-hit__scope')).toContainText(scopeName.shortName ?? scopeName.name);
      await expect(top.locator('.rl-hit__status')).not.toBeEmpty();
      await box.press('Enter');
      const card = popup.locator(`.rl-card[data-id="${id}"]`);
      await expect(card).toBeVisible();
      await expect(card.locator('.rl-badge')).toHaveAttribute('data-binding', f.binding);
      await popup.keyboard.press('Escape');
      await expect(card).toBeHidden();
      await expect(box).toBeFocused();
      await expect(box).toHaveValue(query);
    });
  }

  test('results put frameworks first and show jurisdictions and technologies too', async ({ extensionPage }) => {
    const popup = await openPopup(extensionPage);
    await popup.getByRole('searchbox').fill('kenya');
    await expect(popup.getByRole('option').first()).toHaveAttribute('data-id', 'ke');
    await expect(popup.locator('.rl-hit[data-kind="framework"]').first()).toBeVisible();
    await popup.getByRole('searchbox').fill('blockchain');
    await expect(popup.locator('.rl-hit[data-kind="technology"][data-id="blockchain"]')).toBeVisible();
  });

  test('keyboard only: arrows move the active result, Enter opens it, Esc returns with the query kept', async ({ extensionPage }) => {
    const popup = await openPopup(extensionPage);
    await popup.keyboard.type('privacy');
    const options = popup.getByRole('option');
    await expect(options.nth(2)).toBeVisible();
    const box = popup.getByRole('searchbox');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowUp');
    const second = options.nth(1);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
    const id = (await second.getAttribute('data-id'))!;
    await popup.keyboard.press('Enter');
    await expect(popup.locator(`.rl-card[data-id="${id}"]`)).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Back to results' })).toBeFocused();
    await popup.keyboard.press('Escape');
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('privacy');
    // The tabs are reachable by keyboard and switch with the arrow keys.
    await popup.keyboard.press('Shift+Tab');
    await expect(popup.getByRole('tab', { name: 'Search' })).toBeFocused();
    await popup.keyboard.press('ArrowRight');
    const pageTab = popup.getByRole('tab', { name: /On this page/ });
    await expect(pageTab).toBeFocused();
    await expect(pageTab).toHaveAttribute('aria-selected', 'true');
    await expect(popup.getByRole('tabpanel')).toContainText('cannot read this page');
    await popup.keyboard.press('ArrowLeft');
    await expect(popup.getByRole('tab', { name: 'Search' })).toHaveAttribute('aria-selected', 'true');
  });

  test('garbage input gives results or "no match", never an error', async ({ extensionPage }) => {
    const popup = await openPopup(extensionPage);
    const errors = watchErrors(popup);
    const box = popup.getByRole('searchbox');
    const garbage = [
      'x'.repeat(5000),
      '.*+?[]{}()|\\^$',
      '((((',
      '🙂🙂🙂',
      '\u202eالذكاء الاصطناعي',
      'שלום',
      '<img src=x onerror=alert(1)>',
      '\u0000\u0007',
      '%00%ff',
      '    ',
    ];
    for (const g of garbage) {
      await box.fill(g);
      const status = popup.locator('#rl-search-status');
      if (g.trim()) await expect(status).toHaveText(/\d+ results?|No match/);
      await expectNoHorizontalScroll(popup);
    }
    await expect(box).toHaveValue('    ');
    expect(errors).toEqual([]);
  });

  test('an instrument the dataset lacks answers "no match", with no record offered as a result', async ({ extensionPage }) => {
    const popup = await openPopup(extensionPage);
    // Its words ("protocol") are in records the dataset holds; those may be suggested, never given as results.
    await popup.getByRole('searchbox').fill('Kyoto Protocol');
    await expect(popup.locator('#rl-search-status')).toHaveText('No match for "Kyoto Protocol".');
    await expect(popup.getByRole('group', { name: 'Results' })).toHaveCount(0);
    await expect(popup.getByRole('group', { name: 'Suggestions (not matches)' })).toBeVisible();
  });

  test('no match shows suggestions, labelled as such, which open like results', async ({ extensionPage }) => {
    const popup = await openPopup(extensionPage);
    await popup.getByRole('searchbox').fill('gdpr fines xyzzy');
    await expect(popup.locator('#rl-search-status')).toContainText('No match');
    const near = popup.getByRole('group', { name: 'Suggestions (not matches)' });
    await expect(near.getByText('Suggestions (not matches)')).toBeVisible();
    await expect(near.locator('[role="option"][data-id="gdpr"]')).toBeVisible();
    await near.locator('[role="option"][data-id="gdpr"]').click();
    await expect(popup.locator('.rl-card[data-id="gdpr"]')).toBeVisible();
  });

  test('an empty box lists recent lookups, kept across popup openings', async ({ extensionPage }) => {
    const first = await openPopup(extensionPage);
    await first.getByRole('searchbox').fill('mica');
    await first.getByRole('searchbox').press('Enter');
    await expect(first.locator('.rl-card[data-id="mica"]')).toBeVisible();
    await first.close();
    const popup = await openPopup(extensionPage);
    const recent = popup.getByRole('group', { name: 'Recent' });
    await expect(recent.getByRole('option').first()).toHaveAttribute('data-id', 'mica');
    await popup.keyboard.press('Enter');
    await expect(popup.locator('.rl-card[data-id="mica"]')).toBeVisible();
  });

  test('is axe-clean in light and dark themes, and fits 400px without horizontal scrolling', async ({ extensionPage }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await openPopup(extensionPage);
      await popup.emulateMedia({ colorScheme });
      await expectAxeClean(popup);
      await popup.getByRole('searchbox').fill('ai act');
      await expect(popup.getByRole('option').first()).toBeVisible();
      await expectAxeClean(popup);
      await expectNoHorizontalScroll(popup);
      if (colorScheme === 'light') await popup.screenshot({ path: 'docs/popup.png', animations: 'disabled' });
      await popup.getByRole('searchbox').press('Enter');
      await expect(popup.locator('.rl-card')).toBeVisible();
      await expectAxeClean(popup);
      await expectNoHorizontalScroll(popup);
      await popup.keyboard.press('Escape');
      await popup.getByRole('tab', { name: /On this page/ }).click();
      await expectAxeClean(popup);
      await popup.close();
    }
  });
});

test.describe('popup theme', () => {
  test.afterEach(({ serviceWorker }) => resetSettings(serviceWorker));

  test("wears the theme setting over the system's, and follows it live while open", async ({ extensionPage, serviceWorker }) => {
    await setTheme(serviceWorker, 'dark');
    const popup = await openPopup(extensionPage);
    await popup.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => backgroundLuminance(popup)).toBeLessThan(DARK);
    await setTheme(serviceWorker, 'light');
    await expect.poll(() => backgroundLuminance(popup)).toBeGreaterThan(LIGHT);
    // Light chosen on a dark system stays light, badges included (axe checks their contrast).
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.getByRole('searchbox').fill('ai act');
    await expect(popup.getByRole('option').first()).toBeVisible();
    expect(await backgroundLuminance(popup)).toBeGreaterThan(LIGHT);
    await expectAxeClean(popup);
    // Back to the system's: the dark scheme now emulated.
    await setTheme(serviceWorker, 'system');
    await expect.poll(() => backgroundLuminance(popup)).toBeLessThan(DARK);
    await expect(popup.locator('html')).not.toHaveAttribute('data-rl-theme');
  });
});

test.describe('popup on a page', () => {
  const expectedOnPage = { framework: ['gdpr', 'mica'], jurisdiction: ['eu', 'ke'], technology: ['blockchain'] } as const;

  let page: Page;
  let tabId: number;
  test.beforeEach(async ({ extContext, serviceWorker, server }) => {
    ({ page, tabId } = await openTab(extContext, serviceWorker, `${server.url}/popup-mentions.html`));
    await expect.poll(() => highlightCount(page, 'reglens-framework')).toBeGreaterThan(0);
  });
  test.afterEach(async ({ extContext }) => {
    // Popup windows a failing test left open.
    for (const p of extContext.pages()) if (p.url().includes('/popup.html')) await p.close();
    await page.close();
  });

  test('"On this page" lists the page\'s mentions by kind with counts; choosing one scrolls there and opens its card', async ({
    extContext,
    serviceWorker,
  }) => {
    for (const [kind, ids] of Object.entries(expectedOnPage)) {
      const known = kind === 'framework' ? dataset.frameworks : kind === 'jurisdiction' ? dataset.jurisdictions : dataset.technologies;
      for (const id of ids)
        expect(
          known.some((r) => r.id === id),
          `${kind} ${id} is in the dataset`,
        ).toBe(true);
    }
    const popup = await popupFor(extContext, serviceWorker, tabId);
    // The empty search box offers the frameworks on this page.
    const onPage = popup.getByRole('group', { name: 'Frameworks on this page' });
    for (const id of expectedOnPage.framework) await expect(onPage.locator(`[role="option"][data-id="${id}"]`)).toBeVisible();

    await popup.getByRole('tab', { name: /On this page/ }).click();
    const panel = popup.getByRole('tabpanel');
    for (const [kind, ids] of Object.entries(expectedOnPage)) {
      const group = panel.locator(`section[data-kind="${kind}"]`);
      for (const id of ids) await expect(group.locator(`button[data-id="${id}"]`)).toBeVisible();
    }
    await expect(panel.locator('button[data-id="gdpr"]')).toContainText('2 mentions');
    await expect(panel.locator('section[data-kind="framework"] .rl-count')).toHaveText(
      String(await panel.locator('section[data-kind="framework"] button').count()),
    );
    await expectAxeClean(popup);

    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const closed = popup.waitForEvent('close');
    await panel.locator('button[data-id="mica"]').click();
    await closed;
    const card = page.locator('reg-lens-card .rl-card[data-id="mica"]');
    await expect(card).toBeVisible();
    // The mention sits 2400px down the page: revealing it scrolled the page.
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    await expect(page.locator('#far')).toBeInViewport();
  });

  test('the page tab works by keyboard alone', async ({ extContext, serviceWorker }) => {
    const popup = await popupFor(extContext, serviceWorker, tabId);
    await expect(popup.getByRole('searchbox')).toBeFocused();
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('ArrowRight');
    await expect(popup.getByRole('tab', { name: /On this page/ })).toHaveAttribute('aria-selected', 'true');
    await popup.keyboard.press('Tab');
    const first = popup.locator('#rl-panel-page button').first();
    await expect(first).toBeFocused();
    const id = (await first.getAttribute('data-id'))!;
    const kind = (await first.getAttribute('data-kind'))!;
    const closed = popup.waitForEvent('close');
    await popup.keyboard.press('Enter');
    await closed;
    await expect(page.locator(`reg-lens-card .rl-card[data-kind="${kind}"][data-id="${id}"]`)).toBeVisible();
  });

  test("pausing on this site is stored for the page's host; resuming removes it", async ({ server, serviceWorker, extensionPage }) => {
    const popup = await openPopup(extensionPage, `?tab=${tabId}`);
    const pause = popup.getByRole('button', { name: 'Pause on this site' });
    await pause.click();
    const host = new URL(server.url).hostname;
    const paused = () =>
      serviceWorker.evaluate(
        async () => ((await chrome.storage.local.get('settings')).settings as { pausedHosts?: string[] } | undefined)?.pausedHosts ?? [],
      );
    await expect.poll(paused).toContain(host);
    // The page stops highlighting, and the popup says why it lists nothing.
    await expect.poll(() => highlightCount(page, 'reglens-framework')).toBe(0);
    await popup.getByRole('tab', { name: /On this page/ }).click();
    await expect(popup.getByRole('tabpanel')).toContainText('paused');
    await popup.getByRole('button', { name: 'Resume on this site' }).click();
    await expect.poll(paused).not.toContain(host);
    await expect.poll(() => highlightCount(page, 'reglens-framework')).toBeGreaterThan(0);
  });

  test('the side panel opens on the jurisdictions of the page', async ({ serviceWorker, extensionPage }) => {
    const popup = await openPopup(extensionPage, `?tab=${tabId}`);
    await popup.getByRole('tab', { name: /On this page/ }).click();
    await expect(popup.locator('section[data-kind="jurisdiction"] button').first()).toBeVisible();
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Side panel' }).click();
    await closed;
    const path = await serviceWorker.evaluate(async () => (await chrome.sidePanel.getOptions({})).path);
    expect(path).toMatch(/^sidepanel\.html\?j=[a-z0-9-]+,[a-z0-9-]+$/);
    for (const j of path!.split('=')[1]!.split(',')) expect(expectedOnPage.jurisdiction as readonly string[]).toContain(j);
  });

  test('options open the options page when the build has one', async ({ extensionPage, extContext }) => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      options_ui?: { page: string };
      options_page?: string;
    };
    const popup = await openPopup(extensionPage, `?tab=${tabId}`);
    const options = popup.getByRole('button', { name: 'Options' });
    const optionsPath = manifest.options_ui?.page ?? manifest.options_page;
    if (!optionsPath) {
      await expect(options).toHaveCount(0);
      return;
    }
    const opened = extContext.waitForEvent('page');
    await options.click();
    const optionsPage = await opened;
    expect(optionsPage.url()).toContain(optionsPath);
    await optionsPage.close();
  });
});

test('a browser page cannot be read: the popup says so and search still works', async ({ extContext, serviceWorker, extensionPage }) => {
  const { page, tabId } = await openTab(extContext, serviceWorker, 'chrome://version/');
  const popup = await openPopup(extensionPage, `?tab=${tabId}`);
  const errors = watchErrors(popup);
  await popup.getByRole('tab', { name: /On this page/ }).click();
  await expect(popup.getByRole('tabpanel')).toContainText('cannot read this page');
  await expect(popup.getByRole('button', { name: 'Pause on this site' })).toHaveCount(0);
  await popup.getByRole('tab', { name: 'Search' }).click();
  await popup.getByRole('searchbox').fill('gdpr');
  await expect(popup.getByRole('option').first()).toHaveAttribute('data-id', 'gdpr');
  expect(errors).toEqual([]);
  await page.close();
});

test.describe('popup on a dated page', () => {
  const CHANGED = 'changed since this page was written';

  async function pagePanel(extContext: BrowserContext, serviceWorker: Worker, url: string) {
    const { page, tabId } = await openTab(extContext, serviceWorker, url);
    await expect.poll(() => highlightCount(page, 'reglens-framework')).toBeGreaterThan(0);
    const popup = await popupFor(extContext, serviceWorker, tabId);
    await popup.getByRole('tab', { name: /On this page/ }).click();
    return { page, popup, panel: popup.getByRole('tabpanel') };
  }

  test('marks the instruments whose standing changed since the page was written, and only those', async ({
    extContext,
    serviceWorker,
    server,
  }) => {
    // A 2019 page: Privacy Shield was in force then and has been invalidated since; the GDPR applied then as now.
    const { page, popup, panel } = await pagePanel(extContext, serviceWorker, `${server.url}/then-and-now.html`);
    const errors = watchErrors(popup);
    await expect(panel.locator('button[data-id="eu-us-privacy-shield"]')).toContainText(CHANGED);
    await expect(panel.locator('button[data-id="gdpr"]')).toBeVisible();
    await expect(panel.locator('button[data-id="gdpr"]')).not.toContainText(CHANGED);
    await expectAxeClean(popup);
    // Its card in the popup says what held then, as the page's own card does.
    await popup.getByRole('tab', { name: 'Search' }).click();
    await popup.getByRole('searchbox').fill('Privacy Shield');
    await popup.getByRole('option').first().click();
    await expect(popup.locator('.rl-card[data-id="eu-us-privacy-shield"] .rl-then')).toContainText(
      'When this page was written (3 Jul 2019)',
    );
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('marks nothing on a page that states no date', async ({ extContext, serviceWorker, server }) => {
    const { page, popup, panel } = await pagePanel(extContext, serviceWorker, `${server.url}/then-and-now-undated.html`);
    await expect(panel.locator('button[data-id="eu-us-privacy-shield"]')).toBeVisible();
    await expect(panel.locator('.rl-page__changed')).toHaveCount(0);
    await popup.close();
    await page.close();
  });
});
