/**
 * The PDF reader (reader.html) in a real Firefox, as test/e2e/reader.spec.ts checks it in Chromium: saved real
 * policy PDFs given to the reader's file picker, pdf.js parsing in its worker (an extension file under the
 * extension's CSP), mentions painted on the text layer, a card on hover and in browse mode, the bad files'
 * messages, and nothing fetched from anywhere. One browser for the file (FIREFOX=<executable>).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDON_ID, EXTENSION_DIR, ROOT, cardShown, extensionPage, launch, liveText, until, type Session } from './harness';

const FIREFOX = process.env.FIREFOX;
if (!FIREFOX) throw new Error('set FIREFOX to a Firefox executable (scripts/test-firefox.mjs does)');
const PDF = join(ROOT, 'test', 'fixtures', 'pdf');
const BAD = join(ROOT, 'test', 'fixtures', 'pdf-bad');

let s: Session;

beforeAll(async () => {
  s = await launch(FIREFOX);
  expect(await s.browser.installExtension(EXTENSION_DIR)).toBe(ADDON_ID);
  console.log(`Firefox under test: ${s.version} (${FIREFOX})`);
});

afterAll(async () => {
  await s?.close();
});

/**
 * A reader tab. BiDi reports no console or error of moz-extension:// pages (the harness's `watch` sees none),
 * so the page keeps its own: uncaught errors, rejections, console errors, and our own warnings.
 */
async function reader(): Promise<Page> {
  const page = await extensionPage(s, 'reader.html', '[data-testid="reader-file"]', { width: 1200, height: 900 });
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { __rlSeen: string[] }).__rlSeen = []);
    const text = (a: unknown[]) => a.map((x) => (x instanceof Error ? `${x.name}: ${x.message}` : String(x))).join(' ');
    addEventListener('error', (e) => seen.push(`error ${e.message}`));
    addEventListener('unhandledrejection', (e) => seen.push(`rejection ${text([e.reason])}`));
    const { error, warn } = console;
    console.error = (...a: unknown[]) => {
      seen.push(`console.error ${text(a)}`);
      error(...a);
    };
    console.warn = (...a: unknown[]) => {
      if (String(a[0]).includes('[regulatory-lens]')) seen.push(`console.warn ${text(a)}`);
      warn(...a);
    };
  });
  return page;
}

/** What the page reported (see `reader`). */
const reported = (page: Page) => page.evaluate(() => (window as unknown as { __rlSeen: string[] }).__rlSeen);

/** Gives `file` to the reader's file picker, as a user choosing it does. */
async function choose(page: Page, file: string): Promise<void> {
  const input = await page.$('[data-testid="reader-file"]');
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
}

/** Waits until every page of the open document is read (the toolbar then names the file). */
async function readAll(page: Page, name: string, pages: number): Promise<void> {
  await until(
    () => page.evaluate(() => document.querySelectorAll('.rl-page').length),
    (n) => n === pages,
    { timeout: 20_000, what: `${pages} page boxes` },
  );
  await until(
    () => page.evaluate(() => document.querySelector('.rl-reader__progress')?.textContent),
    (t) => t === `${name}.pdf`,
    { timeout: 60_000, what: `every page of ${name} read` },
  );
}

const KINDS = ['framework', 'jurisdiction', 'technology', 'citation'];

/** Ranges the reader painted, all kinds. */
const painted = (page: Page) =>
  page.evaluate((kinds) => kinds.reduce((n, k) => n + (CSS.highlights.get(`reglens-${k}`)?.size ?? 0), 0), KINDS);

/** The first painted range on the text layer (frameworks first, citations last), scrolled into view: its text and a point inside it. */
function firstPainted(page: Page): Promise<{ text: string; x: number; y: number }> {
  return page.evaluate((kinds) => {
    for (const r of kinds.flatMap((kind) => [...(CSS.highlights.get(`reglens-${kind}`) ?? [])])) {
      if (!r.startContainer.isConnected) continue;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const b = range.getBoundingClientRect();
      if (!b.width) continue;
      return { text: range.toString(), x: b.left + Math.min(b.width / 2, 6), y: b.top + b.height / 2 };
    }
    throw new Error('nothing painted');
  }, KINDS);
}

/** Dark pixels on the canvas of the page in the middle of the viewport (copied to a canvas of the test's own to read). */
const inkInView = (page: Page) =>
  page.evaluate(() => {
    const box = document.elementsFromPoint(innerWidth / 2 - 130, innerHeight / 2).find((e) => e.classList.contains('rl-page'));
    const canvas = box?.querySelector('canvas');
    if (!canvas?.width) return 0;
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [canvas.width, canvas.height];
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! + px[i + 1]! + px[i + 2]! < 300 && px[i + 3]! > 0) dark++;
    return dark;
  });

/** The id of the card shown, if any. */
const shownCard = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector('reg-lens-card')?.shadowRoot?.querySelector<HTMLElement>('.rl-card');
    return c && c.getClientRects().length > 0 ? c.dataset.id : undefined;
  });

/** What each document's hand labels (`<name>.expected.json`) say it names: at least one must be painted. */
function labelledFrameworks(name: string): number {
  const labels = JSON.parse(readFileSync(join(PDF, `${name}.expected.json`), 'utf8')) as { frameworks?: unknown[] };
  return labels.frameworks?.length ?? 0;
}

describe(`the PDF reader in Firefox (${FIREFOX})`, () => {
  for (const [name, pages] of [
    ['eu-council-gdpr-first-reading-2016', 261],
    ['nist-sp800-66r1-hipaa-security-rule', 117],
    ['nist-sp800-30r1-risk-assessment', 95],
    ['pci-dss-v3-2', 139],
  ] as const) {
    it(`${name} (${pages} pages): mentions painted on the text layer, hover opens their card, Escape closes it`, async () => {
      expect(labelledFrameworks(name)).toBeGreaterThan(0);
      const page = await reader();
      await choose(page, join(PDF, `${name}.pdf`));
      await readAll(page, name, pages);
      // The mentions list's first page with mentions: going there draws it and paints them.
      await page.click('.rl-reader__mentions section:has(ul) .rl-mentions__goto');
      await until(
        () => painted(page),
        (n) => n > 0,
        { what: 'mentions painted' },
      );
      const at = await firstPainted(page);
      // The page in view is drawn: its canvas holds ink (pdf.js's canvas work, done off screen and handed over).
      await until(
        () => inkInView(page),
        (n) => n > 0,
        { what: 'the page in view drawn' },
      );
      await page.mouse.move(at.x, at.y);
      const id = await until(() => shownCard(page), Boolean, { what: `the card of "${at.text}"` });
      // The mentions list names what the card shows.
      expect(await page.evaluate((id) => !!document.querySelector(`.rl-reader__mentions .rl-mentions__item[data-id="${id}"]`), id)).toBe(
        true,
      );
      await page.keyboard.press('Escape');
      await until(
        () => shownCard(page),
        (v) => v === undefined,
        { what: 'the card to close' },
      );
      expect(await reported(page)).toEqual([]);
      await page.close();
    });
  }

  it('browse mode walks the mentions of a 117-page guidance with the card and the live region', async () => {
    const page = await reader();
    await choose(page, join(PDF, 'nist-sp800-66r1-hipaa-security-rule.pdf'));
    await readAll(page, 'nist-sp800-66r1-hipaa-security-rule', 117);
    await page.click('::-p-xpath(//button[normalize-space()="Browse mentions"])');
    const first = await until(
      () => liveText(page),
      (t) => / 1 of \d+$/.test(t),
      { what: 'the first mention announced' },
    );
    const total = Number(/ of (\d+)$/.exec(first)![1]);
    expect(total).toBeGreaterThan(10);
    await until(() => cardShown(page), Boolean, { what: 'the card of the first mention' });
    await page.keyboard.press('ArrowDown');
    await until(
      () => liveText(page),
      (t) => t.endsWith(` 2 of ${total}`),
      { what: 'the second mention announced' },
    );
    await page.keyboard.press('Escape');
    await until(
      () => cardShown(page),
      (v) => !v,
      { what: 'the card closed on leaving' },
    );
    expect(await reported(page)).toEqual([]);
    await page.close();
  });

  for (const [file, message] of [
    ['encrypted', 'This PDF is protected by a password, so its text cannot be read.'],
    ['damaged', 'This PDF is damaged and cannot be read.'],
    ['scanned', 'This PDF has no text to read: its pages are images (a scan), so nothing in it can be recognised.'],
  ] as const) {
    it(`a ${file} PDF gets its message, and the reader then opens another document`, async () => {
      const page = await reader();
      await choose(page, join(BAD, `${file}.pdf`));
      await until(
        () => page.evaluate(() => document.querySelector('[role="alert"]')?.textContent),
        (t) => t === message,
        { timeout: 20_000, what: `the ${file} message` },
      );
      await choose(page, join(PDF, 'nist-sp800-30r1-risk-assessment.pdf'));
      await readAll(page, 'nist-sp800-30r1-risk-assessment', 95);
      // The scan is told from its text, not by pdf.js: only the files pdf.js refused are in the console, with its words.
      const said = await reported(page);
      if (file === 'scanned') expect(said).toEqual([]);
      else expect(said).toEqual([expect.stringMatching(new RegExp(`^console\\.warn \\[regulatory-lens\\] ${file}\\.pdf \\S`))]);
      await page.close();
    });
  }

  it('sent nothing anywhere, and the browser logged no error', () => {
    // Firefox's own services are pointed at dummy.test by the harness; the PDFs came from the file picker.
    expect(s.outside.filter((r) => !r.startsWith('GET http://dummy.test/'))).toEqual([]);
    expect(s.served).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
