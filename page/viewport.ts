/**
 * Visible viewport first: reorders scan units so that those on screen are scanned (and painted) before
 * the rest. Units come in document order, which for ordinary pages is also top-to-bottom order, so a
 * binary search finds the first visible one in a few layout reads instead of measuring every unit.
 * Layouts that break the assumption (columns, absolute positioning) only make the order less ideal.
 */
import { insideOpaque, isElement, isInline } from './dom';
import type { Unit } from './mentions';
import { isLeafBlock } from './units';

export interface Box {
  top: number;
  bottom: number;
}

export function unitBox(u: Unit): Box {
  if (u.kind === 'element') return u.root.getBoundingClientRect();
  const first = u.nodes[0]!;
  const last = u.nodes[u.nodes.length - 1]!;
  const r = first.ownerDocument!.createRange();
  r.setStartBefore(first);
  r.setEndAfter(last);
  const box = r.getBoundingClientRect();
  return box.height || !isElement(first) ? box : first.getBoundingClientRect();
}

/** Units on screen first (in order), then those below, then those above. */
export function viewportFirst(units: Unit[], viewportHeight: number, boxOf: (u: Unit) => Box = unitBox, maxVisible = 2000): Unit[] {
  if (units.length < 2) return units;
  let lo = 0;
  let hi = units.length;
  // First unit whose bottom is at or below the top of the viewport.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boxOf(units[mid]!).bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < units.length && end - lo < maxVisible && boxOf(units[end]!).top <= viewportHeight) end++;
  if (lo === 0) return units;
  return [...units.slice(lo, end), ...units.slice(end), ...units.slice(0, lo)];
}

/**
 * The leaf blocks under a grid of points across the viewport: what the reader sees now, found with a few
 * dozen hit tests before the page has been walked at all, so that it is painted first even on a page of
 * 100k nodes.
 */
export function visibleBlocks(doc: Document, rowStep = 20, columns: readonly number[] = [0.15, 0.5, 0.85]): Element[] {
  const win = doc.defaultView;
  if (!win) return [];
  const out = new Set<Element>();
  // From the very top (a page opened at an anchor puts the anchor's block there), a row per line or so.
  for (let y = 2; y < win.innerHeight; y += rowStep) {
    for (const fx of columns) {
      const node = caretNode(doc, fx * win.innerWidth, y);
      let el: Element | null = !node ? null : isElement(node) ? node : node.parentElement;
      while (el && isInline(el)) el = el.parentElement;
      if (!el || el === doc.body || el === doc.documentElement || out.has(el)) continue;
      if (isLeafBlock(el) && !insideOpaque(el, doc)) out.add(el);
    }
  }
  return [...out];
}

function caretNode(doc: Document, x: number, y: number): Node | undefined {
  const d = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null };
  if (d.caretPositionFromPoint) return d.caretPositionFromPoint(x, y)?.offsetNode;
  return doc.caretRangeFromPoint?.(x, y)?.startContainer;
}

/**
 * Whether the page is likely shown away from its start (what is on screen is then not what comes first):
 * opened at an anchor, or reloaded or reached through history, where the browser restores the scroll
 * position. Not `scrollY`: reading it lays the page out at once (45 ms on a 1 MB page), work the browser
 * would otherwise do in its own time.
 */
export function opensAwayFromTop(doc: Document): boolean {
  const loc = doc.location;
  if (loc && loc.hash.length > 1) return true;
  const nav = doc.defaultView?.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.type === 'reload' || nav?.type === 'back_forward';
}
