/**
 * Paints detections with the CSS Custom Highlight API: no element is added to the page, so its DOM,
 * layout and frameworks are untouched. Ranges are StaticRanges, rebuilt on each scan, never kept live.
 */
import type { EntityKind } from '../detect/lexicon';

export const HIGHLIGHT_NAMES: Record<EntityKind, string> = {
  framework: 'reglens-framework',
  jurisdiction: 'reglens-jurisdiction',
  technology: 'reglens-technology',
};

const STYLE = `
::highlight(reglens-framework) { background-color: rgba(255, 196, 0, .38); text-decoration: underline 2px rgba(191, 135, 0, .9); }
::highlight(reglens-jurisdiction) { text-decoration: underline dotted 2px rgba(9, 105, 218, .85); }
::highlight(reglens-technology) { text-decoration: underline dotted 2px rgba(130, 80, 223, .85); }
`;

export interface PaintTarget {
  kind: EntityKind;
  range: StaticRange;
}

type HighlightWindow = Window & typeof globalThis;

export function supportsHighlights(win: HighlightWindow = window): boolean {
  return typeof win.Highlight === 'function' && !!win.CSS && 'highlights' in win.CSS;
}

/** Registers one highlight per kind and the stylesheet for them; returns a function that removes both. */
export function paint(targets: PaintTarget[], doc: Document = document): () => void {
  const win = doc.defaultView as HighlightWindow;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(STYLE);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  for (const kind of Object.keys(HIGHLIGHT_NAMES) as EntityKind[]) {
    const ranges = targets.filter((t) => t.kind === kind).map((t) => t.range);
    win.CSS.highlights.set(HIGHLIGHT_NAMES[kind], new win.Highlight(...ranges));
  }
  return () => {
    for (const name of Object.values(HIGHLIGHT_NAMES)) win.CSS.highlights.delete(name);
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
