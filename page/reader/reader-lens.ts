/**
 * Recognition inside the reader: the document is read page by page (pdf.js parses in its worker), each
 * page scanned by the pure core as soon as the next one is known (PdfScanner, a few milliseconds each),
 * and the main thread is handed back between pages, so scrolling, zoom and find stay live while a
 * 500-page document is read. Mentions are painted with the CSS Custom Highlight API on the text layer of
 * each drawn page (the page modules' HighlightPainter), hover opens the content script's card
 * (watchHover, createCardUi), browse mode walks every painted mention of the document in reading order,
 * drawing pages as it goes, and the popup's page protocol is answered as a web page answers it.
 *
 * A mention is created once per detection and keeps its identity; its text nodes are filled in when its
 * page's text layer is drawn (and again after zoom redraws it).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EntityKind } from '../../core/detect/lexicon';
import type { Detection } from '../../core/detect/matcher';
import { itemAt, pageText, textItems, type PdfPageText } from '../../core/detect/pdf-text';
import { BrowseMode } from '../browse';
import { caretAt, scrollToMention } from '../geometry';
import { HighlightPainter } from '../highlights';
import { watchHover } from '../hover';
import type { CardUi } from '../card-host';
import { entityKey, liveRange, type Mention } from '../mentions';
import type { PageStats } from '../../protocol/page';
import type { PageMention } from '../../protocol/page-answers';
import type { PageSide } from '../page-requests';
import type { Settings } from '../../platform/settings';
import { looksScanned } from '../../core/pdf/read';
import type { DetectClient } from './detect-protocol';

/** Pages whose text is asked of pdf.js ahead of the one being scanned (its worker parses them meanwhile). */
const READ_AHEAD = 3;

export interface ReaderLensOptions {
  ctx: ContentScriptContext;
  doc: PDFDocumentProxy;
  /** The detection worker, its matcher ready or being made. */
  detect: DetectClient;
  settings: Settings;
  createCard(hooks: { rectOf(m: Mention): DOMRect | undefined; onClosed(): void }): Promise<CardUi>;
  /** Draws page `n` (its text layer) and resolves when it is drawn. */
  ensureDrawn(n: number): Promise<void>;
  /** Progress, for the toolbar and the mentions list: pages read so far. */
  onProgress(read: number, total: number): void;
  /** Every page read and no text found: a scan. */
  onScanned(): void;
}

export interface ReaderStats {
  /** performance.now() when reading began, the first page's mentions were painted, and all pages read. */
  started: number;
  firstPagePainted?: number;
  done?: number;
  /** The longest stretch the reading loop held the main thread (ms). */
  longestSliceMs: number;
  pagesRead: number;
  mentions: number;
  painted: number;
}

interface PageState {
  text: PdfPageText;
  content: TextContent;
  mentions: Mention[];
  anchored: boolean;
}

export class ReaderLens implements PageSide {
  private readonly pages = new Map<number, PageState>();
  private readonly pending = new Map<number, Array<() => void>>();
  /** Every mention in reading order (pages are read in order). */
  private readonly all: Mention[] = [];
  private readonly pageOf = new Map<Mention, number>();
  private readonly painted = new Set<Mention>();
  private readonly byNode = new Map<Text, Mention[]>();
  private readonly firstOfEntity = new Map<string, Mention>();
  private readonly counts = new Map<string, number>();
  private readonly painter: HighlightPainter;
  private readonly browse: BrowseMode;
  private card: Promise<CardUi> | undefined;
  private settings: Settings;
  private stopped = false;
  readonly stats: ReaderStats = { started: performance.now(), longestSliceMs: 0, pagesRead: 0, mentions: 0, painted: 0 };
  /** Mentions found per page, for the mentions list (changes as pages are read). */
  version = 0;

  constructor(private readonly opts: ReaderLensOptions) {
    this.settings = opts.settings;
    this.painter = new HighlightPainter(document);
    this.browse = new BrowseMode({
      mentions: () => this.all.filter((m) => this.painted.has(m)),
      show: (m) => this.show(m, true),
      hide: () => {
        this.painter.setCurrent(undefined);
        void this.card?.then((c) => c.close());
      },
      announce: (text) => void this.getCard().then((c) => c.announce(text)),
      startIndex: (list) => {
        const page = this.currentPage();
        const i = list.findIndex((m) => (this.pageOf.get(m) ?? 0) >= page);
        return i < 0 ? 0 : i;
      },
    });
    const { ctx } = opts;
    watchHover(ctx, document, {
      hitTest: (x, y) => this.hitTest(x, y),
      card: {
        open: (m) => void this.getCard().then((c) => c.open(m)),
        close: () => void this.card?.then((c) => c.close()),
        isOpen: () => this.cardUi?.isOpen() ?? false,
        contains: (e) => this.cardContains(e),
      },
      enabled: () => !this.browse.active,
    });
    ctx.addEventListener(
      document,
      'keydown',
      (e: KeyboardEvent) => {
        if (this.browse.active && this.browse.onKey(e)) {
          e.preventDefault();
          e.stopPropagation();
        }
      },
      { capture: true },
    );
  }

  private cardUi: CardUi | undefined;

  private getCard(): Promise<CardUi> {
    this.card ??= this.opts
      .createCard({
        rectOf: (m) => (m.startNode.isConnected ? liveRange(m).getBoundingClientRect() : undefined),
        onClosed: () => {
          if (!this.browse.active) this.painter.setCurrent(undefined);
        },
      })
      .then((c) => {
        c.setTheme(this.settings.theme);
        this.cardUi = c;
        return c;
      });
    this.card.catch(() => (this.card = undefined));
    return this.card;
  }

  private cardContains(e: Event): boolean {
    return this.cardUi?.contains(e) ?? false;
  }

  /** Reads and scans every page in order; resolves when done (or stopped). */
  async read(): Promise<void> {
    const { doc, detect } = this.opts;
    const total = doc.numPages;
    const texts: PdfPageText[] = [];
    const fetched = new Map<number, Promise<{ content: TextContent; text: PdfPageText }>>();
    const fetchPage = (n: number) => {
      let p = fetched.get(n);
      if (!p) {
        p = doc.getPage(n).then(async (page) => {
          const content = await page.getTextContent();
          const text = pageText(textItems(content.items));
          texts[n - 1] = text;
          return { content, text };
        });
        fetched.set(n, p);
      }
      return p;
    };
    // Scans go to the worker as soon as a page and its next one are known; the worker answers in order,
    // and each answer is painted in a task of its own.
    const scans: Array<Promise<void>> = [];
    for (let n = 1; n <= total && !this.stopped; n++) {
      for (let k = n; k <= Math.min(total, n + READ_AHEAD); k++) void fetchPage(k);
      const current = await fetchPage(n);
      const after = n < total ? (await fetchPage(n + 1)).text.text : '';
      fetched.delete(n - 1);
      scans.push(
        detect.scan(n, current.text.text, texts[n - 2]?.text ?? '', after).then((found) => {
          if (this.stopped) return;
          const t = performance.now();
          this.addPage(n, current.text, current.content, found);
          this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, performance.now() - t);
          this.opts.onProgress(n, total);
        }),
      );
    }
    await Promise.all(scans);
    if (this.stopped) return;
    this.stats.done = performance.now();
    if (looksScanned(texts)) this.opts.onScanned();
  }

  /** The page's text content (read by `read`, or now if the reader is further along than it). */
  async textContent(n: number): Promise<TextContent> {
    const known = this.pages.get(n);
    if (known) return known.content;
    return await (await this.opts.doc.getPage(n)).getTextContent();
  }

  /** A page's text layer is drawn: its mentions get their text nodes and are painted. */
  anchor(n: number, divs: HTMLElement[]): void {
    const state = this.pages.get(n);
    if (!state) {
      // Drawn before read: anchored when it is read.
      this.drawnDivs.set(n, divs);
      return;
    }
    this.drawnDivs.set(n, divs);
    this.place(n, state, divs);
  }

  private readonly drawnDivs = new Map<number, HTMLElement[]>();

  /** Zoom is redrawing the page: its mentions lose their nodes until it is drawn again. */
  unanchor(n: number): void {
    this.drawnDivs.delete(n);
    const state = this.pages.get(n);
    if (!state?.anchored) return;
    this.painter.remove(state.mentions);
    for (const m of state.mentions) this.byNode.delete(m.startNode);
    state.anchored = false;
  }

  apply(settings: Settings): void {
    this.settings = settings;
    void this.card?.then((c) => c.setTheme(settings.theme));
    this.painted.clear();
    const all = [...this.pages.values()].flatMap((s) => s.mentions);
    this.painter.remove(all);
    for (const m of this.all) if (this.shouldPaint(m)) this.painted.add(m);
    for (const s of this.pages.values()) if (s.anchored) this.painter.add(s.mentions.filter((m) => this.painted.has(m)));
    this.stats.painted = this.painted.size;
    this.version++;
  }

  stop(): void {
    this.stopped = true;
    this.browse.leave(false);
    this.painter.clear();
    void this.card?.then((c) => c.remove());
  }

  /** Mentions of page `n`, grouped by entity (for the mentions list); undefined until the page is read. */
  entitiesOfPage(n: number): Array<{ kind: EntityKind; id: string; name: string; count: number; first: Mention }> | undefined {
    const state = this.pages.get(n);
    if (!state) return undefined;
    const out = new Map<string, { kind: EntityKind; id: string; name: string; count: number; first: Mention }>();
    for (const m of state.mentions) {
      if (this.settings.kinds[m.detection.kind] === false) continue;
      const key = entityKey(m.detection);
      const e = out.get(key);
      if (e) e.count++;
      else out.set(key, { kind: m.detection.kind, id: m.detection.id, name: m.detection.name, count: 1, first: m });
    }
    return [...out.values()];
  }

  /** Goes to a mention: its page is drawn, the page scrolls there and the card opens. */
  async show(m: Mention, focus: boolean): Promise<string | undefined> {
    const n = this.pageOf.get(m);
    if (n === undefined) return undefined;
    await this.opts.ensureDrawn(n);
    if (!m.startNode.isConnected) await this.whenAnchored(n);
    this.painter.setCurrent(m);
    await scrollToMention(m, document);
    const card = await this.getCard();
    return card.open(m, { focus });
  }

  // ---- the popup's page protocol -------------------------------------------------------------------

  async pageMentions(): Promise<{ mentions: PageMention[] }> {
    const order = new Map(this.all.map((m, i) => [m, i]));
    const out: PageMention[] = [];
    for (const [key, first] of this.firstOfEntity) {
      if (this.settings.kinds[first.detection.kind] === false) continue;
      out.push({
        kind: first.detection.kind,
        id: first.detection.id,
        name: first.detection.name,
        count: this.counts.get(key) ?? 1,
        index: order.get(first) ?? 0,
      });
    }
    return { mentions: out };
  }

  async revealMention(kind: EntityKind, id: string): Promise<void> {
    const m = this.firstOfEntity.get(entityKey({ kind, id }));
    if (!m) throw new Error(`no mention of ${entityKey({ kind, id })} in this document`);
    this.browse.leave(false);
    await this.show(m, false);
  }

  async browseMentions(): Promise<void> {
    await this.browse.toggle(document);
  }

  pageStats(): PageStats {
    const s = this.stats;
    return {
      url: location.href,
      active: true,
      scriptStart: s.started,
      ...(s.firstPagePainted !== undefined ? { firstHighlight: s.firstPagePainted } : {}),
      ...(s.done !== undefined ? { initialScanDone: s.done } : {}),
      longestChunkMs: s.longestSliceMs,
      chunks: s.pagesRead,
      chunksOverBudget: 0,
      fullScans: 1,
      changeScans: 0,
      units: s.pagesRead,
      textNodes: 0,
      chars: [...this.pages.values()].reduce((n, p) => n + p.text.text.length, 0),
      rescannedChars: 0,
      mentions: s.mentions,
      painted: s.painted,
    };
  }

  /** Page texts read so far (find searches them). */
  texts(): ReadonlyMap<number, PdfPageText> {
    return new Map([...this.pages].map(([n, s]) => [n, s.text]));
  }

  textOf(n: number): PdfPageText | undefined {
    return this.pages.get(n)?.text;
  }

  divsOf(n: number): HTMLElement[] | undefined {
    return this.drawnDivs.get(n);
  }

  /** The first page of the document in view (the reader's). */
  currentPage: () => number = () => 1;

  // ---- inside ---------------------------------------------------------------------------------------

  private addPage(n: number, text: PdfPageText, content: TextContent, found: Detection[]): void {
    const mentions: Mention[] = [];
    for (const d of found) {
      const placeholder = document.createTextNode('');
      const m: Mention = {
        detection: d,
        startNode: placeholder,
        startOffset: 0,
        endNode: placeholder,
        endOffset: 0,
        root: document,
        stamp: 0,
      };
      mentions.push(m);
      this.all.push(m);
      this.pageOf.set(m, n);
      const key = entityKey(d);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      if (!this.firstOfEntity.has(key)) this.firstOfEntity.set(key, m);
      if (this.shouldPaint(m)) this.painted.add(m);
    }
    const state: PageState = { text, content, mentions, anchored: false };
    this.pages.set(n, state);
    this.stats.pagesRead = n;
    this.stats.mentions += mentions.length;
    this.stats.painted = this.painted.size;
    const divs = this.drawnDivs.get(n);
    if (divs) this.place(n, state, divs);
    if (n === 1 && this.stats.firstPagePainted === undefined && (divs || !mentions.length)) this.stats.firstPagePainted = performance.now();
    this.version++;
  }

  private place(n: number, state: PageState, divs: HTMLElement[]): void {
    if (state.anchored) {
      this.unanchor(n);
      this.drawnDivs.set(n, divs);
    }
    const nodeOf = (item: number) => {
      const div = divs[item];
      const t = div?.firstChild;
      return t && t.nodeType === Node.TEXT_NODE ? (t as Text) : undefined;
    };
    const placed: Mention[] = [];
    for (const m of state.mentions) {
      const s = itemAt(state.text, m.detection.start);
      const e = itemAt(state.text, m.detection.end, true);
      const startNode = nodeOf(s.item);
      const endNode = nodeOf(e.item);
      if (!startNode || !endNode) continue;
      m.startNode = startNode;
      m.startOffset = Math.min(s.offset, startNode.length);
      m.endNode = endNode;
      m.endOffset = Math.min(e.offset, endNode.length);
      for (let i = s.item; i <= e.item; i++) {
        const t = nodeOf(i);
        if (!t) continue;
        const list = this.byNode.get(t);
        if (list) list.push(m);
        else this.byNode.set(t, [m]);
      }
      placed.push(m);
    }
    state.anchored = true;
    this.painter.add(placed.filter((m) => this.painted.has(m)));
    if (n === 1 && this.stats.firstPagePainted === undefined) this.stats.firstPagePainted = performance.now();
    for (const wake of this.pending.get(n) ?? []) wake();
    this.pending.delete(n);
  }

  private whenAnchored(n: number): Promise<void> {
    if (this.pages.get(n)?.anchored) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.pending.get(n) ?? [];
      list.push(resolve);
      this.pending.set(n, list);
    });
  }

  private shouldPaint(m: Mention): boolean {
    const { kind } = m.detection;
    if (this.settings.kinds[kind] === false) return false;
    return this.settings.density[kind] !== 'first' || this.firstOfEntity.get(entityKey(m.detection)) === m;
  }

  private hitTest(x: number, y: number): Mention | undefined {
    const at = caretAt(document, x, y);
    if (!at || at.node.nodeType !== Node.TEXT_NODE) return undefined;
    const node = at.node as Text;
    for (const m of this.byNode.get(node) ?? []) {
      if (!this.painted.has(m)) continue;
      const from = m.startNode === node ? m.startOffset : 0;
      const to = m.endNode === node ? m.endOffset : node.length;
      // The caret sits between characters: the one under the pointer is either side of it.
      if (at.offset >= from && at.offset <= to && this.pointInside(m, x, y)) return m;
    }
    return undefined;
  }

  private pointInside(m: Mention, x: number, y: number): boolean {
    for (const r of liveRange(m).getClientRects())
      if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
    return false;
  }
}
