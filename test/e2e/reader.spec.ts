// The PDF reader (entrypoints/reader): real policy PDFs opened from a file, their mentions painted on the
// text layer, a card on hover and by keyboard, and nothing fetched from anywhere.
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';

const PDF = join(import.meta.dirname, '..', 'fixtures', 'pdf');

async function openPdf(reader: Page, name: string): Promise<void> {
  await reader.locator('[data-testid="reader-file"]').setInputFiles(join(PDF, `${name}.pdf`));
}

/** Ranges painted by the reader for a kind. */
const painted = (p: Page, kind: string) => p.evaluate((k) => CSS.highlights.get(`reglens-${k}`)?.size ?? 0, kind);

/** Viewport centre of the first painted range of `kind` whose text is `text`, scrolled into view. */
async function paintedPoint(p: Page, kind: string, text: string): Promise<{ x: number; y: number }> {
  return p.evaluate(
    ({ kind, text }) => {
      for (const r of CSS.highlights.get(`reglens-${kind}`) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== text) continue;
        (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`no painted "${text}"`);
    },
    { kind, text },
  );
}

test('an EU legislative text: mentions painted on the text layer, a card on hover, nothing fetched', async ({
  extContext,
  extensionId,
  extensionPage,
}) => {
  const requests: Request[] = [];
  const record = (r: Request) => requests.push(r);
  extContext.on('request', record);
  const reader = await extensionPage('reader.html');
  await openPdf(reader, 'eu-council-gdpr-first-reading-2016');
  await expect(reader.locator('.rl-page')).toHaveCount(261);
  await expect.poll(() => painted(reader, 'jurisdiction'), { timeout: 15_000 }).toBeGreaterThan(0);
  const { x, y } = await paintedPoint(reader, 'jurisdiction', 'European Union');
  await reader.mouse.move(x, y);
  await expect(reader.locator('reg-lens-card .rl-card[data-id="eu"]')).toBeVisible();
  await reader.keyboard.press('Escape');
  await expect(reader.locator('reg-lens-card .rl-card')).toHaveCount(0);
  await expect(reader.locator('.rl-reader__mentions .rl-mentions__item[data-id="gdpr"]').first()).toBeVisible();
  extContext.off('request', record);
  // The file came from the picker; everything else is the extension's own files.
  expect(requests.map((r) => r.url()).filter((u) => !u.startsWith(`chrome-extension://${extensionId}/`))).toEqual([]);
});

test('agency guidance of 117 pages: browse mode walks its mentions with the card and the live region; the popup lists them', async ({
  extensionPage,
}) => {
  const reader = await extensionPage('reader.html');
  await openPdf(reader, 'nist-sp800-66r1-hipaa-security-rule');
  await expect(reader.locator('.rl-page')).toHaveCount(117);
  await expect(reader.locator('.rl-reader__progress')).toHaveText('nist-sp800-66r1-hipaa-security-rule.pdf', { timeout: 30_000 });
  expect(await painted(reader, 'framework')).toBeGreaterThan(0);
  await reader.getByRole('button', { name: 'Browse mentions' }).click();
  const card = reader.locator('reg-lens-card .rl-floating');
  await expect(card.locator('.rl-card')).toBeVisible();
  await expect(card).toBeFocused();
  await expect(reader.locator('reg-lens-card .rl-live')).toHaveText(/ of \d+$/);
  const first = await card.locator('.rl-card').getAttribute('data-id');
  await reader.keyboard.press('ArrowDown');
  await expect(reader.locator('reg-lens-card .rl-live')).toHaveText(/ 2 of \d+$/);
  await reader.keyboard.press('Escape');
  await expect(card.locator('.rl-card')).toHaveCount(0);
  expect(first).toBeTruthy();

  // The popup's "On this page" asks this tab as it asks a web page.
  const tabId = await reader.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
  const popup = await extensionPage(`popup.html?tab=${tabId}`);
  await popup.getByRole('tab', { name: /on this page/i }).click();
  await expect(popup.locator('.rl-page__item[data-kind="framework"]').first()).toBeVisible();
  await expect(popup.locator('.rl-page__item[data-id="us"]')).toBeVisible();
});

for (const [file, message] of [
  ['encrypted', 'This PDF is protected by a password, so its text cannot be read.'],
  ['damaged', 'This PDF is damaged and cannot be read.'],
  ['scanned', 'This PDF has no text to read: its pages are images (a scan), so nothing in it can be recognised.'],
] as const) {
  test(`${file === 'encrypted' ? 'an' : 'a'} ${file} PDF gets a clear message, and the reader stays usable`, async ({ extensionPage }) => {
    const reader = await extensionPage('reader.html');
    await reader.locator('[data-testid="reader-file"]').setInputFiles(join(PDF, '..', 'pdf-bad', `${file}.pdf`));
    await expect(reader.getByRole('alert')).toHaveText(message, { timeout: 15_000 });
    // Still answering, and another document opens.
    await openPdf(reader, 'nist-sp800-30r1-risk-assessment');
    await expect(reader.locator('.rl-page')).toHaveCount(95);
  });
}
