/**
 * The theme setting as the reader sees it on the extension's pages (popup.spec, sidepanel.spec): set it as
 * the options page does, and read how light the page is, rather than any one colour of the palette.
 */
import type { Page, Worker } from '@playwright/test';
import { setSettings } from './inpage-support';

export type Theme = 'system' | 'light' | 'dark';

/** Stores the theme (every other setting at its default), as the options page would. */
export function setTheme(sw: Worker, theme: Theme): Promise<void> {
  return setSettings(sw, { theme });
}

/** The relative luminance (0 black .. 1 white, WCAG) of the page's computed background. */
export function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body)
      .backgroundColor.match(/[\d.]+/g)!
      .map(Number) as [number, number, number];
    const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}

/** Dark enough to be the dark theme, light enough to be the light one: far apart, whatever the palette. */
export const DARK = 0.1;
export const LIGHT = 0.8;
