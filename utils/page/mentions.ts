/**
 * Mentions on the page: detections anchored to text nodes. Keyed by node (not by live Range), so the
 * pointer can be hit-tested against them and the page can mutate freely.
 */
import type { Detection, Matcher } from '../detect/matcher';
import { extractText, locate } from '../detect/extract';

export interface Mention {
  detection: Detection;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

export function findMentions(root: Node, matcher: Matcher): Mention[] {
  const index = extractText(root);
  const mentions: Mention[] = [];
  for (const d of matcher.scan(index.text)) {
    const s = locate(index, d.start);
    const e = locate(index, d.end, true);
    if (s && e) mentions.push({ detection: d, startNode: s.node, startOffset: s.offset, endNode: e.node, endOffset: e.offset });
  }
  return mentions;
}

export function toStaticRange(m: Mention): StaticRange {
  return new StaticRange({ startContainer: m.startNode, startOffset: m.startOffset, endContainer: m.endNode, endOffset: m.endOffset });
}

/** Indexes mentions by every text node they touch. */
export function indexByNode(mentions: Mention[]): Map<Text, Mention[]> {
  const map = new Map<Text, Mention[]>();
  const add = (n: Text, m: Mention) => {
    const list = map.get(n);
    if (list) list.push(m);
    else map.set(n, [m]);
  };
  for (const m of mentions) {
    add(m.startNode, m);
    if (m.endNode !== m.startNode) add(m.endNode, m);
  }
  return map;
}

/** The mention under a viewport point, if the point is really over its glyphs. */
export function mentionAt(x: number, y: number, byNode: Map<Text, Mention[]>, doc: Document = document): Mention | undefined {
  const pos = caretAt(x, y, doc);
  if (!pos || pos.node.nodeType !== 3) return undefined;
  const list = byNode.get(pos.node as Text);
  if (!list) return undefined;
  for (const m of list) {
    const r = doc.createRange();
    r.setStart(m.startNode, m.startOffset);
    r.setEnd(m.endNode, m.endOffset);
    for (const rect of r.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return m;
    }
  }
  return undefined;
}

function caretAt(x: number, y: number, doc: Document): { node: Node; offset: number } | undefined {
  const d = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

/** The mention's bounding box in the viewport (first line of a wrapped name). */
export function mentionRect(m: Mention, doc: Document = document): DOMRect {
  const r = doc.createRange();
  r.setStart(m.startNode, m.startOffset);
  r.setEnd(m.endNode, m.endOffset);
  return r.getClientRects()[0] ?? r.getBoundingClientRect();
}
