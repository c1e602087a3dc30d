/**
 * The highlights' names and colours. The content script's own document gets the colours from the manifest
 * (wxt.config.ts writes this sheet into the package): the browser applies a content script's CSS before the
 * page is laid out, where adopting a sheet into a finished page restyles every element of it (a 4 MB page
 * spent 0.7 s in one task doing so). Frames, shadow roots and extension pages adopt the same text as a
 * constructed sheet (highlights.ts).
 */
import type { EntityKind } from '../core/detect/lexicon';
import { ENTITY_KINDS } from '../data/ids';

/** Colours that read on light and dark pages alike (translucent fills, mid-tone underlines). */
const STYLES = {
  framework: 'background-color: rgba(255, 196, 0, .38); text-decoration: underline 2px rgba(191, 135, 0, .9)',
  jurisdiction: 'text-decoration: underline dotted 2px rgba(9, 105, 218, .85)',
  technology: 'text-decoration: underline dotted 2px rgba(130, 80, 223, .85)',
  citation: 'background-color: rgba(255, 196, 0, .16); text-decoration: underline 2px rgba(191, 135, 0, .9)',
  current: 'background-color: rgba(9, 105, 218, .30); text-decoration: underline solid 3px rgba(9, 105, 218, 1)',
} satisfies Record<EntityKind | 'current', string>;

const nameOf = (key: keyof typeof STYLES) => `reglens-${key}`;
export const HIGHLIGHT_NAMES = Object.fromEntries(ENTITY_KINDS.map((k) => [k, nameOf(k)])) as Record<EntityKind, string>;
/** The mention being browsed. */
export const CURRENT_HIGHLIGHT = nameOf('current');

export const HIGHLIGHT_CSS = Object.entries(STYLES)
  .map(([key, style]) => `::highlight(${nameOf(key as keyof typeof STYLES)}) { ${style}; }`)
  .join('\n');

/** Where the package holds the sheet that the manifest gives the content script's documents. */
export const HIGHLIGHT_STYLESHEET = 'content-scripts/highlights.css';
