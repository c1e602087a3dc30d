/**
 * Cuts a page into scan units small enough to scan within a time slice: leaf blocks (elements whose
 * element children are all inline) whole, and, inside larger containers, each run of text and inline
 * elements between two blocks. Names never span blocks, so cutting there loses nothing. A pull-based
 * walker with an explicit stack: the scheduler takes units until its slice is spent, and a page of 100k
 * nodes is walked over several slices.
 *
 * On the way it reports open shadow roots and iframes, which are scanned as roots of their own.
 *
 * A unit can still be long (a 10 MB text node is one unit): the scan cuts it into windows (`cutPoint`),
 * each scanned in its own slice with the text around it as context (scan.ts).
 */
import { isElement, isInline, isOpaque, isOurUi, isText, insideOpaque } from './dom';
import type { Unit } from './mentions';

export interface Discoveries {
  shadowRoot?(root: ShadowRoot): void;
  frame?(frame: HTMLIFrameElement): void;
}

interface Frame {
  next: Node | null;
  run: Node[];
}

export class UnitWalker {
  private stack: Frame[] = [];
  private out: Unit[] = [];
  /** Text nodes seen in runs and leaf blocks so far (a measure of page size for the stats). */
  elementsVisited = 0;

  constructor(
    container: Node,
    private found: Discoveries = {},
    scopeRoot?: Node,
  ) {
    if (isElement(container)) {
      this.discover(container);
      // A container inside an editor, a textarea or a hidden subtree yields nothing.
      if (insideOpaque(container, scopeRoot ?? container.getRootNode())) return;
      if (isInline(container) || isLeafBlock(container)) {
        this.discoverWithin(container);
        this.out.push({ kind: 'element', root: container });
        return;
      }
    }
    const start = container.nodeType === 9 ? ((container as Document).body ?? (container as Document).documentElement) : container;
    if (!start) return;
    if (start !== container) {
      // A document: start at its body, treated like any other container.
      const w = new UnitWalker(start, found, start);
      this.stack = w.stack;
      this.out = w.out;
      return;
    }
    this.stack.push({ next: start.firstChild, run: [] });
  }

  get done(): boolean {
    return !this.out.length && !this.stack.length;
  }

  /** The next unit in document order, or undefined when the walk is over. */
  next(): Unit | undefined {
    for (;;) {
      const queued = this.out.shift();
      if (queued) return queued;
      const f = this.stack[this.stack.length - 1];
      if (!f) return undefined;
      const child = f.next;
      if (!child) {
        this.stack.pop();
        this.flush(f);
        continue;
      }
      f.next = child.nextSibling;
      if (isText(child)) {
        if (child.data) f.run.push(child);
        continue;
      }
      if (!isElement(child)) continue;
      this.elementsVisited++;
      this.discover(child);
      if (isOpaque(child)) continue;
      if (isInline(child) || !child.firstChild) {
        if (child.firstChild) {
          this.discoverWithin(child);
          f.run.push(child);
        }
        continue;
      }
      this.flush(f);
      if (isLeafBlock(child)) {
        this.discoverWithin(child);
        this.out.push({ kind: 'element', root: child });
      } else {
        this.stack.push({ next: child.firstChild, run: [] });
      }
    }
  }

  private flush(f: Frame): void {
    if (!f.run.length) return;
    const nodes = f.run;
    f.run = [];
    // Whitespace between blocks is not a unit.
    if (nodes.some((n) => !isText(n) || /\S/.test(n.data))) this.out.push({ kind: 'run', nodes });
  }

  private discover(el: Element): void {
    const sr = el.shadowRoot;
    if (sr && this.found.shadowRoot && !isOurUi(el)) this.found.shadowRoot(sr);
    if (el.tagName === 'IFRAME' && this.found.frame) this.found.frame(el as HTMLIFrameElement);
  }

  /** Shadow hosts and frames can hide anywhere inside a unit, even in inline elements (not in skipped subtrees). */
  private discoverWithin(el: Element): void {
    if (!this.found.shadowRoot && !this.found.frame) return;
    let c: Element | null = el.firstElementChild;
    while (c) {
      this.elementsVisited++;
      this.discover(c);
      const down = isOpaque(c) ? null : c.firstElementChild;
      if (down) {
        c = down;
        continue;
      }
      // Up until there is a next sibling, never above `el`.
      let cur: Element | null = c;
      c = null;
      while (cur && cur !== el) {
        if (cur.nextElementSibling) {
          c = cur.nextElementSibling;
          break;
        }
        cur = cur.parentElement;
      }
    }
  }
}

/** A block whose children are all inline (or skipped, or empty): scanned as one unit. */
export function isLeafBlock(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    // Cheapest test first: isOpaque reads attributes.
    if (c.firstChild && !isInline(c) && !isOpaque(c)) return false;
  }
  return true;
}

/** All units under `container`, in one go (small subtrees and tests). */
export function allUnits(container: Node, found?: Discoveries): Unit[] {
  const w = new UnitWalker(container, found);
  const out: Unit[] = [];
  for (let u = w.next(); u; u = w.next()) out.push(u);
  return out;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const SENTENCE_END = /[.!?]["')\]\u2019\u201d]*$/;

/**
 * Where a window of a long text that starts at `from` should end, near `from + size` (the text's end if it
 * is that close): after a sentence if one ends in the window's last quarter, else at the start of a word.
 * Windows then never cut a run of whitespace (which normalisation folds) nor a word; a text without
 * whitespace is cut at `from + size`, never between the halves of a surrogate pair.
 */
export function cutPoint(text: string, from: number, size: number): number {
  const target = from + size;
  if (target >= text.length) return text.length;
  let word = -1;
  for (let p = target; p > from + (size >> 1); p--) {
    if (!isSpace(text[p - 1]) || isSpace(text[p])) continue;
    if (word < 0) word = p;
    let q = p - 1;
    while (q > from && isSpace(text[q - 1])) q--;
    if (SENTENCE_END.test(text.slice(Math.max(from, q - 3), q))) return p;
    if (target - p > size >> 2) break;
  }
  if (word >= 0) return word;
  const c = text.charCodeAt(target);
  return c >= 0xdc00 && c <= 0xdfff ? target + 1 : target;
}
