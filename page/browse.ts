/**
 * Browse-mentions mode, for the keyboard and assistive technology: the manifest shortcut enters it; the
 * arrow keys (or n / p) move to the next or previous painted mention in reading order; the page scrolls
 * there, the mention's card opens with focus on it (Tab enters it) and a live region says where you are:
 * "GDPR — binding regulation — 3 of 12". Escape, or the shortcut again, leaves and gives focus back.
 */
import type { Mention } from './mentions';
import { t } from '../platform/i18n';
import type { CardSurface, HoverCtx } from './hover';

export const NEXT_KEYS = new Set(['ArrowDown', 'ArrowRight', 'n', 'j']);
export const PREV_KEYS = new Set(['ArrowUp', 'ArrowLeft', 'p', 'k']);

export function announcement(name: string, descriptor: string, position: number, total: number): string {
  return t('browseAnnouncement', [name, descriptor, position, total]);
}

export interface BrowseDeps {
  /** Painted mentions in reading order, as they are now. */
  mentions(): Mention[];
  /** Scrolls to the mention, opens its card with focus, and resolves to what it is (undefined if that failed). */
  show(m: Mention): Promise<string | undefined>;
  /** Leaves: closes the card and removes the current-mention mark. */
  hide(): void;
  announce(text: string): void;
  /** Where reading starts: the index of the first mention at or below the top of the viewport. */
  startIndex(list: Mention[]): number;
}

export class BrowseMode {
  private current: Mention | undefined;
  private returnFocus: Element | null = null;
  private seq = 0;
  active = false;

  constructor(private readonly deps: BrowseDeps) {}

  async toggle(doc: Document = document): Promise<void> {
    if (this.active) this.leave();
    else await this.enter(doc);
  }

  async enter(doc: Document = document): Promise<void> {
    const list = this.deps.mentions();
    this.returnFocus = deepActiveElement(doc);
    this.active = true;
    if (!list.length) {
      this.deps.announce(t('browseNoMentions'));
      this.active = false;
      return;
    }
    await this.go(list, this.deps.startIndex(list));
  }

  next(): Promise<void> {
    return this.move(1);
  }

  prev(): Promise<void> {
    return this.move(-1);
  }

  first(): Promise<void> {
    return this.go(this.deps.mentions(), 0);
  }

  last(): Promise<void> {
    const list = this.deps.mentions();
    return this.go(list, list.length - 1);
  }

  leave(announce = true): void {
    if (!this.active) return;
    this.active = false;
    this.current = undefined;
    this.seq++;
    this.deps.hide();
    if (announce) this.deps.announce(t('browseLeft'));
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (back?.isConnected && typeof back.focus === 'function') back.focus({ preventScroll: true });
  }

  /** Handles a key while browsing; returns whether it was ours. */
  onKey(e: KeyboardEvent): boolean {
    if (!this.active || e.ctrlKey || e.metaKey || e.altKey) return false;
    if (NEXT_KEYS.has(e.key)) void this.next();
    else if (PREV_KEYS.has(e.key)) void this.prev();
    else if (e.key === 'Home') void this.first();
    else if (e.key === 'End') void this.last();
    else if (e.key === 'Escape') this.leave();
    else return false;
    return true;
  }

  /** The mention being shown, if any. */
  get mention(): Mention | undefined {
    return this.current;
  }

  private move(delta: number): Promise<void> {
    const list = this.deps.mentions();
    if (!list.length) {
      this.leave();
      return Promise.resolve();
    }
    let i = this.current ? list.indexOf(this.current) : -1;
    // The page changed under us and the current mention is gone: continue from the start.
    if (i < 0) i = delta > 0 ? -1 : 0;
    return this.go(list, (i + delta + list.length) % list.length);
  }

  private async go(list: Mention[], i: number): Promise<void> {
    const m = list[i];
    if (!m || !this.active) return;
    const mine = ++this.seq;
    this.current = m;
    const what = await this.deps.show(m);
    if (mine !== this.seq || !this.active) return;
    this.deps.announce(announcement(m.detection.name, what ?? m.detection.kind, i + 1, list.length));
  }
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * While browsing, the mode's keys belong to it (caught before the page's own handlers), and a click outside
 * the card ends it.
 */
export function listenForBrowseKeys(
  ctx: Pick<HoverCtx, 'addEventListener'>,
  win: Window,
  browse: BrowseMode,
  card: Pick<CardSurface, 'contains'>,
): void {
  ctx.addEventListener(
    win,
    'keydown',
    (e: KeyboardEvent) => {
      if (browse.active && browse.onKey(e)) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    { capture: true },
  );
  ctx.addEventListener(
    win,
    'pointerdown',
    (e: PointerEvent) => {
      if (browse.active && !card.contains(e)) browse.leave();
    },
    { capture: true },
  );
}
