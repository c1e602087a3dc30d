/**
 * Find in the reader: every occurrence of a query in the document's page texts, whitespace-tolerant and
 * case-insensitive (a PDF line break is a space to a reader), painted with a Highlight of its own on
 * the text layers that are drawn; the current one more strongly. Pure search (`findInPages`) and the
 * painting are apart, so the search is tested without a DOM.
 */
import { itemAt, type PdfPageText } from '../../core/detect/pdf-text';

export interface FindHit {
  page: number;
  start: number;
  end: number;
}

export const FIND_HIGHLIGHT = 'reglens-find';
export const FIND_CURRENT_HIGHLIGHT = 'reglens-find-current';
export const FIND_CSS = `
::highlight(reglens-find) { background-color: rgba(0, 160, 90, .30); }
::highlight(reglens-find-current) { background-color: rgba(0, 160, 90, .65); }
`;

/** At most this many hits are kept: a one-letter query on 500 pages would otherwise paint for seconds. */
export const MAX_FIND_HITS = 5000;

export function findInPages(pages: ReadonlyMap<number, PdfPageText>, query: string): FindHit[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\u00ad-]+'), 'giu');
  const hits: FindHit[] = [];
  for (const n of [...pages.keys()].sort((a, b) => a - b)) {
    const text = pages.get(n)!.text;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!m[0]) break;
      hits.push({ page: n, start: m.index, end: m.index + m[0].length });
      if (hits.length >= MAX_FIND_HITS) return hits;
    }
  }
  return hits;
}

/** Paints find hits on drawn text layers. */
export class FindPainter {
  private readonly all = new Highlight();
  private readonly current = new Highlight();

  constructor() {
    this.current.priority = 2;
    this.all.priority = 1;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(FIND_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    CSS.highlights.set(FIND_HIGHLIGHT, this.all);
    CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, this.current);
  }

  /** Paints `hits` of the pages whose text layers `divsOf` knows; `current` is one of them. */
  paint(
    hits: readonly FindHit[],
    current: FindHit | undefined,
    textOf: (n: number) => PdfPageText | undefined,
    divsOf: (n: number) => HTMLElement[] | undefined,
  ): StaticRange | undefined {
    this.all.clear();
    this.current.clear();
    let currentRange: StaticRange | undefined;
    for (const h of hits) {
      const text = textOf(h.page);
      const divs = divsOf(h.page);
      if (!text || !divs) continue;
      const r = rangeOf(text, divs, h);
      if (!r) continue;
      this.all.add(r);
      if (h === current) {
        this.current.add(r);
        currentRange = r;
      }
    }
    return currentRange;
  }

  clear(): void {
    this.all.clear();
    this.current.clear();
  }
}

function rangeOf(text: PdfPageText, divs: HTMLElement[], h: FindHit): StaticRange | undefined {
  const s = itemAt(text, h.start);
  const e = itemAt(text, h.end, true);
  const a = divs[s.item]?.firstChild;
  const b = divs[e.item]?.firstChild;
  if (!(a instanceof Text) || !(b instanceof Text)) return undefined;
  return new StaticRange({
    startContainer: a,
    startOffset: Math.min(s.offset, a.length),
    endContainer: b,
    endOffset: Math.min(e.offset, b.length),
  });
}
