/**
 * Detection over a PDF, one page at a time: each page is one short scan (a few thousand characters, a
 * few milliseconds), so a reader can run them between frames and paint a page as soon as it is read.
 * A page is scanned with MARGIN_CHARS of the pages around it for near context, and with the document-level
 * evidence of the pages read before it (page-level.ts), so a name resolved by the document's context
 * early on ("the Act" after "GDPR") is resolved the same way further on. The CLI scans with the same
 * code, so what it reports for a PDF is what the reader paints.
 *
 * Pure: no DOM, no pdf.js.
 */
import type { Detection, Matcher, ScanOptions } from './matcher';
import { MARGIN_CHARS, type EvidenceItem, type PageTotals } from './page-level';
import { PAGE_SEPARATOR } from './pdf-text';

type Totals = { [K in keyof PageTotals]: Map<string, number> };

export class PdfScanner {
  private readonly totals: Totals = { jurisdictions: new Map(), frameworks: new Map(), technologies: new Map(), words: new Map() };

  constructor(
    private readonly matcher: Matcher,
    private readonly kinds?: ScanOptions['kinds'],
  ) {}

  /**
   * Detections on page `text` (offsets in it), with `before` and `after` the neighbouring pages' texts
   * ('' at the ends). Pages are meant to be scanned in order, each once.
   */
  scanPage(text: string, before = '', after = ''): Detection[] {
    const lead = before ? before.slice(-MARGIN_CHARS) + PAGE_SEPARATOR : '';
    const tail = after ? PAGE_SEPARATOR + after.slice(0, MARGIN_CHARS) : '';
    const items: EvidenceItem[] = [];
    const found = this.matcher.scan(lead + text + tail, {
      ...(this.kinds ? { kinds: this.kinds } : {}),
      page: {
        own: { start: lead.length, end: lead.length + text.length },
        rest: this.totals,
        evidence: (list) => items.push(...list),
        // Pages are read once, in order: an answer the later pages would change stays as it was read.
        depends: () => undefined,
      },
    });
    for (const e of items) {
      const m = this.totals[e.kind];
      m.set(e.id, (m.get(e.id) ?? 0) + e.weight);
    }
    if (!lead) return found;
    return found.map((d) => ({ ...d, start: d.start - lead.length, end: d.end - lead.length }));
  }
}

/**
 * Every page's detections, offsets in `pages.join(PAGE_SEPARATOR)` (the document's text as the CLI
 * reports it).
 */
export function scanPdfPages(matcher: Matcher, pages: readonly string[]): Detection[] {
  const scanner = new PdfScanner(matcher);
  const out: Detection[] = [];
  let offset = 0;
  pages.forEach((text, i) => {
    for (const d of scanner.scanPage(text, pages[i - 1] ?? '', pages[i + 1] ?? ''))
      out.push(offset ? { ...d, start: d.start + offset, end: d.end + offset } : d);
    offset += text.length + PAGE_SEPARATOR.length;
  });
  return out;
}
