import { expect, highlightCount, test, textPoint } from './fixtures';

test.describe('on the demo page', () => {
  test.beforeEach(async ({ page, server }) => {
    await page.goto(`${server.url}/demo.html`);
    await expect.poll(() => highlightCount(page, 'reglens-framework')).toBeGreaterThan(0);
  });

  test('mentions of frameworks, jurisdictions and technologies are highlighted', async ({ page }) => {
    // Frameworks, every mention (the default): GDPR x2, EU AI Act x2, OECD AI Principles x2, ICH E6(R3) x2.
    await expect.poll(() => highlightCount(page, 'reglens-framework')).toBeGreaterThanOrEqual(8);
    // Jurisdictions and technologies, first mention of each (the default): EU, US, China, Kenya, OECD; AI,
    // quantum, blockchain, clinical trials / medical devices. test/e2e/inpage.spec.ts checks the densities.
    await expect.poll(() => highlightCount(page, 'reglens-jurisdiction')).toBeGreaterThanOrEqual(5);
    await expect.poll(() => highlightCount(page, 'reglens-technology')).toBeGreaterThanOrEqual(4);
  });

  test('the page DOM is not modified: no wrapper elements, inputs untouched', async ({ page }) => {
    const body = await page.evaluate(() => document.body.innerHTML);
    expect(body).not.toContain('reg-lens');
    expect(await page.inputValue('#notes')).toBe('GDPR notes in a textarea');
    expect(await page.inputValue('#q')).toBe('GDPR in an input');
    // Nothing inside the textarea, input, contenteditable or code is painted.
    const painted = await page.evaluate(() => {
      const out: string[] = [];
      for (const name of ['reglens-framework', 'reglens-jurisdiction', 'reglens-technology']) {
        for (const r of CSS.highlights.get(name) ?? []) {
          const el = (r as StaticRange).startContainer.parentElement;
          if (el?.closest('textarea, input, [contenteditable], code, pre')) out.push(el.outerHTML);
        }
      }
      return out;
    });
    expect(painted).toEqual([]);
  });

  test('hovering GDPR opens a card saying it is a binding EU regulation with extraterritorial reach; Esc closes it', async ({ page }) => {
    const { x, y } = await textPoint(page, '#binding-law', 'GDPR');
    await page.mouse.move(x, y);
    const card = page.locator('reg-lens-card .rl-card[data-id="gdpr"]');
    await expect(card).toBeVisible();
    await expect(card.locator('.rl-badge')).toHaveText('Binding');
    await expect(card.locator('.rl-instrument')).toHaveText('Regulation');
    await expect(card.locator('.rl-scope')).toContainText('EU');
    await expect(card.locator('.rl-scope')).toContainText('Extraterritorial reach');
    const box = (await card.boundingBox())!;
    const left = Math.max(0, Math.min(x, box.x) - 40);
    const top = Math.max(0, Math.min(y, box.y) - 60);
    await page.screenshot({
      path: 'docs/hover-card.png',
      animations: 'disabled',
      clip: { x: left, y: top, width: Math.max(x, box.x + box.width) - left + 40, height: box.y + box.height - top + 20 },
    });
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
  });

  test('a non-binding instrument says so', async ({ page }) => {
    const { x, y } = await textPoint(page, '#soft-law', 'OECD AI Principles');
    await page.mouse.move(x, y);
    const card = page.locator('reg-lens-card .rl-card[data-id="oecd-ai-principles"]');
    await expect(card.locator('.rl-badge')).toHaveText('Non-binding');
  });
});

test.describe('popup lookup', () => {
  for (const [query, id] of [
    ['ai act', 'eu-ai-act'],
    ['gdrp', 'gdpr'],
  ] as const) {
    test(`"${query}" finds ${id} and opens its card`, async ({ extensionPage }) => {
      const popup = await extensionPage('popup.html');
      const box = popup.getByRole('searchbox');
      await expect(box).toBeFocused();
      await box.fill(query);
      await expect(popup.locator('.rl-results li').first()).toHaveAttribute('data-id', id);
      await box.press('Enter');
      const card = popup.locator(`.rl-card[data-id="${id}"]`);
      await expect(card).toBeVisible();
      await expect(card.locator('.rl-badge')).toHaveText('Binding');
      await popup.keyboard.press('Escape');
      await expect(popup.getByRole('searchbox')).toBeVisible();
    });
  }
});

// The side panel's EU/US comparison moved to sidepanel.spec.ts, with stronger assertions.
