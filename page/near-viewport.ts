/**
 * Which painted mentions are near the viewport, for the Highlight painter to register only those once a
 * document holds many. Chromium checks every registered range again on each frame after any change to the
 * page: with 5,341 mentions registered, typing in a textarea of that page took 2.1x as long from keydown to
 * the next frame as without the extension, and 2.4x in a rich editor; registering only those near the
 * viewport, 1.0x (`npm run bench`). The browser tells which elements holding mentions come within a
 * viewport's height of the visible area and which leave it (an IntersectionObserver: no layout is read in
 * our task); their mentions are shown and hidden with them. A mention is shown from the moment it is
 * painted, so nothing waits for the first answer: the far ones are hidden then.
 */
import type { Mention } from './mentions';

export interface NearViewportHooks {
  show(mentions: Iterable<Mention>): void;
  hide(mentions: Iterable<Mention>): void;
}

/** Below this many mentions in a document every one stays registered: the cost is small, and nothing moves. */
export const NEAR_VIEWPORT_FROM = 500;

export class NearViewport {
  private readonly byElement = new Map<Element, Set<Mention>>();
  /** Where each mention was when it was painted: its text may since have left that element. */
  private readonly elementOf = new Map<Mention, Element>();
  private readonly far = new Set<Element>();
  private observer: IntersectionObserver | undefined;

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly hooks: NearViewportHooks,
  ) {}

  /** Whether a mention just painted is shown now (its element is not known to be far). */
  track(m: Mention): boolean {
    const el = m.startNode.parentElement;
    if (!el) return true;
    this.elementOf.set(m, el);
    let set = this.byElement.get(el);
    if (!set) {
      this.byElement.set(el, (set = new Set()));
      this.observer?.observe(el);
    }
    set.add(m);
    if (this.elementOf.size === NEAR_VIEWPORT_FROM && !this.observer) {
      // A viewport's height above and below the visible area.
      this.observer = new this.win.IntersectionObserver((entries) => this.update(entries), { rootMargin: '100% 0px' });
      for (const e of this.byElement.keys()) this.observer.observe(e);
    }
    return !this.far.has(el);
  }

  untrack(m: Mention): void {
    const el = this.elementOf.get(m);
    const set = el && this.byElement.get(el);
    if (!el || !set) return;
    this.elementOf.delete(m);
    set.delete(m);
    if (set.size) return;
    this.byElement.delete(el);
    this.far.delete(el);
    this.observer?.unobserve(el);
  }

  clear(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.byElement.clear();
    this.elementOf.clear();
    this.far.clear();
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const set = this.byElement.get(e.target);
      if (!set) continue;
      if (e.isIntersecting) {
        if (this.far.delete(e.target)) this.hooks.show(set);
      } else if (!this.far.has(e.target)) {
        this.far.add(e.target);
        this.hooks.hide(set);
      }
    }
  }
}
