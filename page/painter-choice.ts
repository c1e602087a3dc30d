/**
 * Which painter a document gets: the CSS Custom Highlight API where the document has it and it works from
 * the content script's world, else the `<reg-lens-mark>` fallback. A Highlight painter that throws (one that
 * cannot be made, or fails while painting: an engine whose isolated world cannot reach the page's stylesheets,
 * a page that broke the API) is replaced by the fallback, so a document is never left unpainted.
 */
import { HighlightPainter, supportsHighlights, type Painter } from './highlights';
import { MarkPainter, type WriteHooks } from './marks';
import type { Report } from './report';

export interface PainterOptions {
  /** Tests: use the fallback even where the Highlight API exists. */
  forceFallback?: boolean;
  /** The document whose highlight colours come from the manifest (see highlight-style.ts). */
  styledDocument?: Document;
  hooks: WriteHooks;
  report: Report;
}

export function preferredPainter(doc: Document, opts: PainterOptions): Painter {
  if (!opts.forceFallback && supportsHighlights(doc.defaultView ?? window)) {
    try {
      return new HighlightPainter(doc, doc === opts.styledDocument);
    } catch (e) {
      opts.report('painting with the Highlight API', e);
    }
  }
  return new MarkPainter(doc, opts.hooks);
}

/**
 * The painter to use in `doc` after `failed` threw, with what `failed` painted wiped; undefined when
 * `failed` already is the fallback.
 */
export function fallbackAfter(failed: Painter, doc: Document, opts: PainterOptions): Painter | undefined {
  if (failed instanceof MarkPainter) return undefined;
  try {
    failed.clear();
  } catch (e) {
    opts.report('clearing the highlights', e);
  }
  return new MarkPainter(doc, opts.hooks);
}
