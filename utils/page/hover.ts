/**
 * Hover intent for highlighted mentions. Highlights get no pointer events, so the pointer is hit-tested
 * against the mentions; the card opens after a short dwell, survives the trip onto it, and closes after
 * leaving, on Escape, or on a click elsewhere.
 */
import { mentionAt, type Mention } from './mentions';

export const OPEN_DELAY_MS = 300;
export const CLOSE_DELAY_MS = 300;

export interface CardSurface {
  open(m: Mention): void;
  close(): void;
  isOpen(): boolean;
  /** Whether an event target is inside the card. */
  contains(e: Event): boolean;
}

interface Ctx {
  addEventListener: (target: EventTarget, type: any, handler: (e: any) => void, options?: AddEventListenerOptions) => void;
  setTimeout: (handler: () => void, ms: number) => number;
}

export function watchHover(ctx: Ctx, byNode: Map<Text, Mention[]>, card: CardSurface, doc: Document = document): void {
  let current: Mention | undefined;
  let timer: number | undefined;
  let frame = 0;
  let last: PointerEvent | undefined;
  const schedule = (fn: () => void, ms: number) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const evaluate = () => {
    frame = 0;
    const e = last;
    if (!e) return;
    if (card.contains(e)) {
      cancel();
      return;
    }
    const m = mentionAt(e.clientX, e.clientY, byNode, doc);
    if (m && m === current) {
      if (!card.isOpen()) schedule(() => card.open(m), OPEN_DELAY_MS);
      else cancel();
      return;
    }
    current = m;
    if (m) schedule(() => card.open(m), card.isOpen() ? 0 : OPEN_DELAY_MS);
    else if (card.isOpen()) schedule(() => card.close(), CLOSE_DELAY_MS);
    else cancel();
  };

  ctx.addEventListener(doc, 'pointermove', (e: PointerEvent) => {
    last = e;
    // One hit test per frame, however fast the pointer moves.
    if (!frame) frame = requestAnimationFrame(evaluate);
  }, { passive: true });
  ctx.addEventListener(doc, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Escape' && card.isOpen()) {
      cancel();
      current = undefined;
      card.close();
    }
  });
  ctx.addEventListener(doc, 'pointerdown', (e: PointerEvent) => {
    if (card.isOpen() && !card.contains(e)) {
      cancel();
      current = undefined;
      card.close();
    }
  });
}
