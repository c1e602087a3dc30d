/**
 * A PDF page's text as the matcher reads it. pdf.js hands a page's text as items (runs of glyphs with
 * `hasEOL` at the end of a line); its text layer draws one span per item, in the same order. The page text
 * here is those items joined, with a line break after each line, so an offset in it is an item and an
 * offset in that item's span: what is detected is painted where it was read.
 *
 * PDFs break words at line ends with a hyphen ("Data Protec-" / "tion Regulation"). The text kept for
 * the span still says "Protec-"; the text scanned turns such a hyphen into a soft hyphen, which the
 * matcher's normalisation removes, and joins the two lines with nothing between them, so the name is
 * found whole. Only between lower-case letters: "EU-" / "wide" and "2016/" / "679" stay as written.
 *
 * Pure: no DOM, no pdf.js (the reader, the CLI and the tests share it).
 */

/** What the page text needs of a pdf.js text item (`TextItem`; marked-content items have no `str`). */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
}

export interface PdfPageText {
  /** The text to scan: items joined, line breaks between lines, line-end hyphens softened. */
  text: string;
  /** `starts[i]`: offset in `text` of item `i`'s first character (one entry per item with a `str`). */
  starts: number[];
}

/** Between pages of one document: a line break, which names may not cross (a running header sits there). */
export const PAGE_SEPARATOR = '\n\n';

const SOFT_HYPHEN = '\u00ad';
const LOWER_BEFORE_HYPHEN = /\p{Ll}-$/u;
const LOWER_START = /^\p{Ll}/u;

/** Items of a page's text content that the text layer draws (marked-content markers are not text). */
export function textItems(items: ReadonlyArray<PdfTextItem | object>): PdfTextItem[] {
  return items.filter((i): i is PdfTextItem => typeof (i as PdfTextItem).str === 'string');
}

export function pageText(items: readonly PdfTextItem[]): PdfPageText {
  const parts: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    let str = item.str;
    let after = '';
    if (item.hasEOL) {
      const next = nextText(items, i);
      if (LOWER_BEFORE_HYPHEN.test(str) && next !== undefined && LOWER_START.test(next)) str = str.slice(0, -1) + SOFT_HYPHEN;
      // An item that already ends in a space needs no second one (pdf.js often ends a line so).
      else if (!/\s$/.test(str)) after = '\n';
    }
    starts.push(at);
    parts.push(str, after);
    at += str.length + after.length;
  }
  return { text: parts.join(''), starts };
}

/** The next item with text after `i` (empty items sit between lines). */
function nextText(items: readonly PdfTextItem[], i: number): string | undefined {
  for (let k = i + 1; k < items.length; k++) if (items[k]!.str) return items[k]!.str;
  return undefined;
}

/**
 * The item holding offset `offset` of the page text, and the offset inside that item; `preferEnd` picks
 * the item that ends at a boundary rather than the one that starts there (for the end of a mention).
 */
export function itemAt(page: PdfPageText, offset: number, preferEnd = false): { item: number; offset: number } {
  const { starts } = page;
  let lo = 0;
  let hi = starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid]!;
    if (s < offset || (s === offset && !preferEnd)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return { item: found, offset: offset - (starts[found] ?? 0) };
}
