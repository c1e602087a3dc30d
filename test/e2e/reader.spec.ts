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

test('an EU legislative text: mentions painted on the text layer, a card on hover', async ({ extensionPage }) => {
  const reader = await extensionPage('reader.html');
  await openPdf(reader, 'eu-council-gdpr-first-reading-2016');
  await expect(reader.locator('.rl-page')).toHaveCount(261);
  await expect.poll(() => painted(reader, 'jurisdiction'), { timeout: 15_000 }).toBeGreaterThan(0);
  const { x, y } = await paintedPoint(reader, 'jurisdiction', 'European Union');
  await reader.mouse.move(x, y);
  await expect(reader.locator('reg-lens-card .rl-card[data-id="eu"]')).toBeVisible();
  await reader.keyboard.press('Escape');
  await expect(reader.locator('reg-lens-card .rl-card')).toHaveCount(0);
});
