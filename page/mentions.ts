/**
 * Mentions on the page: detections anchored to text nodes. Keyed by node and offset (never by a live
 * Range, see toolchain-notes), so the page can mutate freely; ranges are built on demand and dropped.
 * This module is the page side's one adapter to the detection core (`core/detect`): whatever fields a
 * detection carries (`candidates`, `confidence`...) travel along untouched.
 */
import type { Detection, Matcher } from '../core/detect/matcher';
import { BLOCK_BREAK, extractText, locate, type TextIndex } from '../core/detect/extract';
import { isElement, isText } from './dom';

export type ScanRoot = Document | ShadowRoot;

export interface Mention {
  detection: Detection;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** The document or shadow root whose scan found it. */
  root: ScanRoot;
  /** Which scan found it: a full rescan drops mentions older than itself that it did not find again. */
  stamp: number;
}

/** One key per entity: mentions of the same entity share it. */
export const entityKey = (d: { kind: string; id: string }): string => `${d.kind}:${d.id}`;

/** A piece of the page scanned as one text: a block element, or a run of inline content between blocks. */
export type Unit = { kind: 'element'; root: Element } | { kind: 'run'; nodes: Node[] };

/** The visible text of one unit, mapped back to its text nodes. */
export function unitIndex(u: Unit): TextIndex {
  if (u.kind === 'element') return extractText(u.root);
  const parts: TextIndex[] = [];
  for (const n of u.nodes) {
    if (isText(n)) {
      if (n.data) parts.push({ text: n.data, chunks: [{ node: n, start: 0 }] });
    } else if (isElement(n)) {
      parts.push(extractText(n));
    }
  }
  return concat(parts, '');
}

/** Joins unit texts with the block separator, so one scan covers many units and no name spans two. */
export function joinIndexes(parts: TextIndex[]): TextIndex {
  return concat(parts, BLOCK_BREAK);
}

function concat(parts: TextIndex[], sep: string): TextIndex {
  const texts: string[] = [];
  const chunks: TextIndex['chunks'] = [];
  let length = 0;
  for (const p of parts) {
    if (!p.text) continue;
    if (texts.length && sep) {
      texts.push(sep);
      length += sep.length;
    }
    for (const c of p.chunks) chunks.push({ node: c.node, start: c.start + length });
    texts.push(p.text);
    length += p.text.length;
  }
  return { text: texts.join(''), chunks };
}

/** Runs the matcher over an index and anchors each detection to its text nodes. */
export function mentionsIn(index: TextIndex, matcher: Matcher, root: ScanRoot, stamp: number): Mention[] {
  const out: Mention[] = [];
  if (!index.text) return out;
  for (const d of matcher.scan(index.text)) {
    const s = locate(index, d.start);
    const e = locate(index, d.end, true);
    if (s && e) out.push({ detection: d, startNode: s.node, startOffset: s.offset, endNode: e.node, endOffset: e.offset, root, stamp });
  }
  return out;
}

/** Every mention under `root`, in one synchronous pass (tests and small roots). */
export function findMentions(root: Node, matcher: Matcher): Mention[] {
  const scanRoot = (root.nodeType === 9 || root.nodeType === 11 ? root : root.getRootNode()) as ScanRoot;
  return mentionsIn(extractText(root), matcher, scanRoot, 0);
}

export function toStaticRange(m: Mention): StaticRange {
  const win = (m.startNode.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  return new win.StaticRange({ startContainer: m.startNode, startOffset: m.startOffset, endContainer: m.endNode, endOffset: m.endOffset });
}

/** A live Range for a measurement; callers drop it at once. */
export function liveRange(m: Mention): Range {
  const r = m.startNode.ownerDocument.createRange();
  r.setStart(m.startNode, Math.min(m.startOffset, m.startNode.length));
  r.setEnd(m.endNode, Math.min(m.endOffset, m.endNode.length));
  return r;
}

/** Whether the mention's nodes are still in the page and still long enough for its offsets. */
export function isIntact(m: Mention, lengthOf: (t: Text) => number = (t) => t.length): boolean {
  return m.startNode.isConnected && m.endNode.isConnected && m.startOffset <= lengthOf(m.startNode) && m.endOffset <= lengthOf(m.endNode);
}

/** The text nodes a mention covers, in order (more than one when a name spans inline elements). */
export function textNodesOf(m: Mention): Text[] {
  if (m.startNode === m.endNode) return [m.startNode];
  const out: Text[] = [m.startNode];
  const doc = m.startNode.ownerDocument;
  const common = commonAncestor(m.startNode, m.endNode);
  if (!common) return [m.startNode, m.endNode];
  const walker = doc.createTreeWalker(common, 0x4 /* SHOW_TEXT */);
  walker.currentNode = m.startNode;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out.push(n as Text);
    if (n === m.endNode) return out;
  }
  return [m.startNode, m.endNode];
}

function commonAncestor(a: Node, b: Node): Node | null {
  const seen = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) seen.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (seen.has(n)) return n;
  return null;
}

/**
 * Document order across documents and shadow trees: a node inside a shadow root or a same-origin frame
 * takes the place of its host (or frame element) at the level above.
 */
export function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const ca = chain(a);
  const cb = chain(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    const pos = x.compareDocumentPosition(y);
    if (pos & 4 /* FOLLOWING */ || pos & 16 /* CONTAINED_BY */) return -1;
    if (pos & 2 /* PRECEDING */ || pos & 8 /* CONTAINS */) return 1;
    return 0;
  }
  return ca.length - cb.length;
}

/** The node and the hosts or frames above it, outermost first. */
function chain(n: Node): Node[] {
  const out: Node[] = [n];
  let cur: Node = n;
  for (let guard = 0; guard < 32; guard++) {
    const root = cur.getRootNode();
    let up: Node | null | undefined;
    if (root.nodeType === 11 && (root as ShadowRoot).host) up = (root as ShadowRoot).host;
    else if (root.nodeType === 9) up = frameOf(root as Document);
    if (!up) break;
    out.push(up);
    cur = up;
  }
  return out.reverse();
}

export function frameOf(doc: Document): Element | null {
  try {
    return doc.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

export function compareMentions(a: Mention, b: Mention): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  return compareNodes(a.startNode, b.startNode);
}

/** Offset of a frame's viewport inside the top viewport (zero for the top document). */
export function frameOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let d: Document | null = doc, guard = 0; d && guard < 16; guard++) {
    const frame = frameOf(d);
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    x += r.left + frame.clientLeft;
    y += r.top + frame.clientTop;
    d = frame.ownerDocument;
  }
  return { x, y };
}

/** The rectangles of a range in the top viewport's coordinates. */
export function rectsInTopViewport(r: Range, doc: Document): DOMRect[] {
  const { x, y } = frameOffset(doc);
  const rects = [...r.getClientRects()];
  return x || y ? rects.map((c) => new DOMRect(c.left + x, c.top + y, c.width, c.height)) : rects;
}
