/** Where things are on screen: hit tests that see into shadow roots, and scrolling a mention into view. */
import { frameOf, type Mention } from './mentions';

/** The text position under a point, looking into the given open shadow roots. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): { node: Node; offset: number } | undefined {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, opts?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  };
  if (d.caretPositionFromPoint) {
    const p = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

/**
 * Brings a mention to the middle of the viewport, unless it is already well in view: instantly under
 * reduced motion, smoothly otherwise (and then waits for the scroll to end, so a card opens where the
 * mention comes to rest).
 */
export async function scrollToMention(m: Mention, top: Document): Promise<void> {
  const el = m.startNode.parentElement;
  if (!el) return;
  const win = top.defaultView ?? window;
  const reduced = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  // In a frame, bring the frame into view first, then the mention inside it.
  const frame = frameOf(m.startNode.ownerDocument);
  if (frame) frame.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
  const r = m.startNode.ownerDocument.createRange();
  r.setStart(m.startNode, Math.min(m.startOffset, m.startNode.length));
  r.setEnd(m.endNode, Math.min(m.endOffset, m.endNode.length));
  const rect = r.getBoundingClientRect();
  const view = m.startNode.ownerDocument.defaultView ?? win;
  if (rect.top >= 40 && rect.bottom <= view.innerHeight - 40 && rect.left >= 0 && rect.right <= view.innerWidth) return;
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? ('instant' as ScrollBehavior) : 'smooth' });
  if (reduced) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      win.removeEventListener('scrollend', done, true);
      resolve();
    };
    win.addEventListener('scrollend', done, { capture: true, once: true });
    setTimeout(done, 700);
  });
}
