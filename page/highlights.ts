/**
 * Paints mentions with the CSS Custom Highlight API: no element is added to the page, so its DOM, layout
 * and frameworks are untouched. One Highlight per kind (plus one for the mention being browsed), styled
 * by the manifest's sheet in the content script's own document (highlight-style.ts), and by a constructed
 * stylesheet adopted by any other document and by every shadow root that holds a mention. Ranges are
 * StaticRanges built once per mention and never live; once a document holds many, only those near the
 * viewport are registered (near-viewport.ts).
 *
 * The registry and the adopted sheets belong to the document, so a hostile page can clear them:
 * `refresh()` puts them back.
 */
import { adoptSheet, dropSheet } from './adopted-sheets';
import { registryOf } from './highlight-registry';
import { toStaticRange, type Mention } from './mentions';
import { CURRENT_HIGHLIGHT, HIGHLIGHT_CSS, HIGHLIGHT_NAMES } from './highlight-style';
import { NearViewport } from './near-viewport';

type HighlightWindow = Window & typeof globalThis;

export function supportsHighlights(win: Window = window): boolean {
  const w = win as HighlightWindow;
  return typeof w.Highlight === 'function' && !!w.CSS && 'highlights' in w.CSS && typeof w.StaticRange === 'function';
}

/** What the page side needs from whatever paints: the Highlight API here, `<reg-lens-mark>` elsewhere. */
export interface Painter {
  add(mentions: Iterable<Mention>): void;
  remove(mentions: Iterable<Mention>): void;
  /** The mention being browsed with the keyboard, drawn more strongly; undefined for none. */
  setCurrent(m: Mention | undefined): void;
  /** A live Range over the painted text of a mention, for measuring; callers drop it at once. */
  rangeOf(m: Mention): Range;
  /** Fallback painters wrap text: they must restore it before the text under `node` is read again. */
  restoreWithin(node: Node): void;
  /** The length of a text node as the page wrote it (the fallback splits nodes; mentions keep the original offsets). */
  lengthOf?(node: Text): number;
  /** The mention whose painted text contains this text node, when the painter knows (the fallback does). */
  mentionOfNode?(node: Node): Mention | undefined;
  /** Re-registers anything the page may have removed. */
  refresh(): void;
  /** Removes every trace of painting. */
  clear(): void;
}

export class HighlightPainter implements Painter {
  private readonly win: HighlightWindow;
  private readonly sheet: CSSStyleSheet;
  private readonly registry: HighlightRegistry;
  private readonly highlights = new Map<string, Highlight>();
  private readonly ranges = new Map<Mention, StaticRange>();
  private readonly adopted = new Set<Document | ShadowRoot>();
  private current: { m: Mention; range: StaticRange } | undefined;
  private cleared = false;
  /** Which mentions are registered once there are many (near-viewport.ts says why). */
  private readonly near: NearViewport;

  /** `styled`: the document already has the colours (the manifest's sheet), so nothing is adopted into it. */
  constructor(
    private readonly doc: Document,
    private readonly styled = false,
  ) {
    this.win = doc.defaultView as HighlightWindow;
    this.registry = registryOf(this.win);
    this.sheet = new this.win.CSSStyleSheet();
    this.sheet.replaceSync(HIGHLIGHT_CSS);
    for (const name of [...Object.values(HIGHLIGHT_NAMES), CURRENT_HIGHLIGHT]) {
      const h = new this.win.Highlight();
      if (name === CURRENT_HIGHLIGHT) h.priority = 1;
      this.highlights.set(name, h);
    }
    this.near = new NearViewport(this.win, {
      show: (list) => {
        for (const m of list) this.highlightOf(m).add(this.ranges.get(m)!);
      },
      hide: (list) => {
        for (const m of list) this.highlightOf(m).delete(this.ranges.get(m)!);
      },
    });
    if (!styled) this.adopt(doc);
    this.refresh();
  }

  add(mentions: Iterable<Mention>): void {
    if (this.cleared) {
      // Painting again after clear().
      this.cleared = false;
      if (!this.styled) this.adopt(this.doc);
      this.refresh();
    }
    for (const m of mentions) {
      if (this.ranges.has(m)) continue;
      const r = toStaticRange(m);
      this.ranges.set(m, r);
      if (this.near.track(m)) this.highlightOf(m).add(r);
      const root = m.startNode.getRootNode();
      if (root.nodeType === 11) this.adopt(root as ShadowRoot);
    }
  }

  remove(mentions: Iterable<Mention>): void {
    for (const m of mentions) {
      const r = this.ranges.get(m);
      if (!r) continue;
      this.ranges.delete(m);
      this.near.untrack(m);
      this.highlightOf(m).delete(r);
      if (this.current?.m === m) this.setCurrent(undefined);
    }
  }

  setCurrent(m: Mention | undefined): void {
    const h = this.highlights.get(CURRENT_HIGHLIGHT)!;
    if (this.current) h.delete(this.current.range);
    this.current = m ? { m, range: toStaticRange(m) } : undefined;
    if (this.current) h.add(this.current.range);
  }

  rangeOf(m: Mention): Range {
    const r = this.doc.createRange();
    r.setStart(m.startNode, Math.min(m.startOffset, m.startNode.length));
    r.setEnd(m.endNode, Math.min(m.endOffset, m.endNode.length));
    return r;
  }

  restoreWithin(): void {
    // Nothing to restore: the page's DOM was never touched.
  }

  refresh(): void {
    for (const [name, h] of this.highlights) {
      if (this.registry.get(name) !== h) this.registry.set(name, h);
    }
    for (const root of this.adopted) {
      adoptSheet(root, this.sheet);
    }
  }

  clear(): void {
    for (const [name, h] of this.highlights) {
      h.clear();
      if (this.registry.get(name) === h) this.registry.delete(name);
    }
    this.ranges.clear();
    this.near.clear();
    this.current = undefined;
    for (const root of this.adopted) dropSheet(root, this.sheet);
    this.adopted.clear();
    this.cleared = true;
  }

  /** Number of ranges painted (tests, stats). */
  get size(): number {
    return this.ranges.size;
  }

  private highlightOf(m: Mention): Highlight {
    return this.highlights.get(HIGHLIGHT_NAMES[m.detection.kind])!;
  }

  private adopt(root: Document | ShadowRoot): void {
    if (this.adopted.has(root)) return;
    adoptSheet(root, this.sheet);
    this.adopted.add(root);
  }
}
