/**
 * The in-page card as the lens holds it: created on first need (most pages never open one), opened on a
 * mention, closed, themed, removed when the lens stops. A card that cannot load or render never takes the
 * highlights down with it.
 */
import type { Settings } from '../platform/settings';
import type { CardSurface } from './hover';
import type { Mention } from './mentions';
import type { Report } from './report';

/** The card as the lens drives it (implemented in page/card-ui.tsx). */
export interface CardUi {
  /**
   * Opens the card on a mention; `focus` moves keyboard focus into it. Resolves to what the mention is, as
   * browse mode says it ("binding regulation"), or undefined when no card was shown.
   */
  open(m: Mention, opts?: { focus?: boolean }): Promise<string | undefined>;
  close(): void;
  isOpen(): boolean;
  contains(e: Event): boolean;
  announce(text: string): void;
  setTheme(theme: Settings['theme']): void;
  remove(): void;
}

/** What the card module is created with (in the extension: loads its module). */
export type CreateCard = (hooks: { rectOf(m: Mention): DOMRect | undefined; onClosed(): void }) => Promise<CardUi>;

export interface CardHostDeps {
  create: CreateCard;
  rectOf(m: Mention): DOMRect | undefined;
  /** The card closed by itself (Escape, leaving it, scrolling away, a click elsewhere). */
  onClosed(): void;
  theme(): Settings['theme'] | undefined;
  report: Report;
}

export class CardHost {
  private card: Promise<CardUi> | undefined;
  private ready: CardUi | undefined;
  /** Set while a card that failed is closed, so that closing it does not count as the reader closing it. */
  private closingFailed = false;

  constructor(private readonly deps: CardHostDeps) {}

  /** What hover drives: opening is asynchronous, the rest answers at once. */
  readonly surface: CardSurface = {
    open: (m) => void this.open(m).catch(ignore),
    close: () => this.close(),
    isOpen: () => !!this.ready?.isOpen(),
    contains: (e) => !!this.ready?.contains(e),
  };

  /** Opens the card on a mention (creating it first if need be); rejects when the card cannot load. */
  async open(m: Mention, opts?: { focus?: boolean }): Promise<string | undefined> {
    return this.openOn(await this.get(), m, opts);
  }

  close(): void {
    this.ready?.close();
  }

  announce(text: string): void {
    void this.get().then((c) => c.announce(text), ignore);
  }

  setTheme(theme: Settings['theme']): void {
    this.ready?.setTheme(theme);
  }

  /** Takes the card off the page, including one still loading. */
  remove(): void {
    const card = this.card;
    this.card = undefined;
    this.ready = undefined;
    void card?.then((c) => c.remove()).catch(() => undefined);
  }

  /**
   * The card, created on first need: not when the page is painted, since most pages never open one. A
   * failure (the module blocked, the extension reloaded) leaves the highlights alone, is reported once,
   * and the next need tries again.
   */
  private get(): Promise<CardUi> {
    const card = (this.card ??= this.deps
      .create({
        rectOf: (m) => this.deps.rectOf(m),
        onClosed: () => {
          if (!this.closingFailed) this.deps.onClosed();
        },
      })
      .then(
        (c) => {
          if (this.card !== card) {
            // Removed while it loaded: the page gets nothing of ours.
            c.remove();
            throw new Error('Regulatory Lens stopped');
          }
          this.ready = c;
          const theme = this.deps.theme();
          if (theme) c.setTheme(theme);
          return c;
        },
        (e: unknown) => {
          if (this.card === card) this.card = undefined;
          this.deps.report('loading the card UI', e);
          throw e;
        },
      ));
    return card;
  }

  /**
   * Opens the card on a mention. A card that fails to render (a damaged record, a component that throws)
   * is reported once and closed, so the page is not left with half a card; the next one opens as usual,
   * and browse mode stays on (the mention is still announced, without its card's details).
   */
  private async openOn(card: CardUi, m: Mention, opts?: { focus?: boolean }): Promise<string | undefined> {
    try {
      return await card.open(m, opts);
    } catch (e) {
      this.deps.report('a card', e);
      this.closingFailed = true;
      try {
        card.close();
      } catch {
        // Broken beyond closing: the next open draws it anew.
      } finally {
        this.closingFailed = false;
      }
      return undefined;
    }
  }
}

/** For promises whose failure is already reported. */
function ignore(): void {}
