// Exports the extension icons from their SVG sources (public/icon.svg, and public/icon-toolbar.svg for
// the small toolbar sizes) to PNG with the same headless Chromium the tests use: no image library needed.
// Run with `npm run icons`; the PNGs are committed because the build copies public/ as it is.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { findChromium, INSTALL_HINT } from './lib/chromium.mjs';

export const ICON_SIZES = { 16: 'icon-toolbar.svg', 32: 'icon-toolbar.svg', 48: 'icon.svg', 96: 'icon.svg', 128: 'icon.svg' };

const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
mkdirSync('public/icon', { recursive: true });
for (const [size, source] of Object.entries(ICON_SIZES)) {
  const svg = readFileSync(`public/${source}`, 'utf8');
  await page.setViewportSize({ width: Number(size), height: Number(size) });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  writeFileSync(
    `public/icon/${size}.png`,
    await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: Number(size), height: Number(size) } }),
  );
  console.log(`public/icon/${size}.png from ${source}`);
}
await browser.close();
