/**
 * Hover intent for highlighted mentions. Highlights get no pointer events, so the pointer is hit-tested
 * against the mentions (once per frame at most); the card opens after a short dwell, survives the trip
 * onto it, and closes after leaving, on Escape, or on a click elsewhere. Installed once per document
 * (the page and each same-origin frame), always through the content script context, so it is removed
 * with it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Mention } from './mentions';

export const OPEN_DELAY_MS = 300;
export const CLOSE_DELAY_MS = 300;

export interface CardSurface {
  open(m: Mention): void;
  close(): void;
  isOpen(): boolean;
  /** Whether an event target is inside the card. */
  contains(e: Event): boolean;
}

export interface HoverCtx {
  addEventListener: ContentScriptContext['addEventListener'];
  setTimeout: (handler: () => void, ms: number) => number;
}

export interface HoverDeps {
  /** The painted mention under a point of this document's viewport. */
  hitTest(x: number, y: number): Mention | undefined;
  card: CardSurface;
  /** Hover is ignored while the extension is off or the keyboard is browsing. */
  enabled(): boolean;
}

export function watchHover(ctx: HoverCtx, doc: Document, deps: HoverDeps): void {
  const { card } = deps;
  let current: Mention | undefined;
  let timer: number | undefined;
  let frame = 0;
  let last: { x: number; y: number; inCard: boolean } | undefined;
  const win = doc.defaultView ?? window;
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
    if (!e || !deps.enabled()) return;
    if (e.inCard) {
      cancel();
      return;
    }
    const m = deps.hitTest(e.x, e.y);
    if (m && m === current) {
      if (!card.isOpen()) schedule(() => card.open(m), OPEN_DELAY_MS);
      else cancel();
      return;
    }
    current = m;
    if (m) schedule(() => card.open(m), card.isOpen() ? OPEN_DELAY_MS / 2 : OPEN_DELAY_MS);
    else if (card.isOpen()) schedule(() => card.close(), CLOSE_DELAY_MS);
    else cancel();
  };

  ctx.addEventListener(
    doc,
    'pointermove',
    (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      // Where the event went is only known during dispatch (composedPath() is empty afterwards).
      last = { x: e.clientX, y: e.clientY, inCard: card.contains(e) };
      if (!frame) frame = win.requestAnimationFrame(evaluate);
    },
    { passive: true },
  );
  ctx.addEventListener(doc, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Escape' && card.isOpen() && deps.enabled()) {
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
