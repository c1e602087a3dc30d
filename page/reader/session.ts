/**
 * One reader tab's state: which document is open (from a file the user chose or dropped, or a remote PDF
 * fetched on request), how far it has been read, zoom, page and find. The UI (ReaderApp.tsx) renders
 * it and calls its methods; the pages are drawn by PageViews and recognised by ReaderLens.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MatcherTables } from '../../core/detect/tables';
import type { CardUi } from '../card-host';
import type { Mention } from '../mentions';
import type { PageSide } from '../page-requests';
import type { Settings } from '../../platform/settings';
import { openPdf, type PdfProblem } from '../../core/pdf/read';
import { FindPainter, findInPages, type FindHit } from './find';
import { PageViews, ZOOM_STEPS, type TextLayerCtor } from './page-views';
import { ReaderLens } from './reader-lens';
import { DetectClient } from './detect-protocol';
import type { getDocument as GetDocument } from 'pdfjs-dist';

/** How often, at most, reading progress redraws the toolbar and the mentions list. */
const PROGRESS_MS = 250;

export type ReaderStatus =
  | { kind: 'empty' }
  | { kind: 'remote'; url: string; origin: string }
  | { kind: 'opening'; name: string }
  | { kind: 'open'; name: string; pages: number; read: number }
  | { kind: 'problem'; problem: PdfProblem | { kind: 'remote-denied' } | { kind: 'remote-failed' | 'load-failed'; detail: string } };

export interface ReaderView {
  status: ReaderStatus;
  zoom: number;
  page: number;
  find: { query: string; hits: number; current: number };
  /** Bumped when the mentions list should be drawn again. */
  mentionsVersion: number;
}

export interface SessionDeps {
  ctx: ContentScriptContext;
  pdfjs: { getDocument: typeof GetDocument; TextLayer: TextLayerCtor };
  /** The matcher's tables (from the background, built there once per dataset version). */
  tables(): Promise<MatcherTables>;
  /** Starts a detection worker (entrypoints/reader-detect.ts). */
  detectWorker(): Worker;
  settings(): Promise<Settings>;
  createCard(hooks: { rectOf(m: Mention): DOMRect | undefined; onClosed(): void }): Promise<CardUi>;
  /** Asks for the optional host permission of one origin (must run in the user's click). */
  requestOrigin(origin: string): Promise<boolean>;
}

export class ReaderSession implements PageSide {
  view: ReaderView = { status: { kind: 'empty' }, zoom: 1, page: 1, find: { query: '', hits: 0, current: 0 }, mentionsVersion: 0 };
  lens: ReaderLens | undefined;
  private pages: PageViews | undefined;
  private doc: PDFDocumentProxy | undefined;
  private container: HTMLElement | undefined;
  private readonly listeners = new Set<() => void>();
  private finder: FindPainter | undefined;
  private hits: FindHit[] = [];
  private settingsNow: Settings | undefined;
  private detect: DetectClient | undefined;
  private progressAt = 0;
  /** When the last open began (performance.now()), for the benchmark. */
  openedAt = 0;

  constructor(private readonly deps: SessionDeps) {}

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(change: Partial<ReaderView>): void {
    this.view = { ...this.view, ...change };
    for (const fn of this.listeners) fn();
  }

  attach(container: HTMLElement): void {
    this.container = container;
  }

  /** A remote PDF named by the popup (`?url=`): offered, fetched only when the user asks. */
  offerRemote(url: string): void {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return;
    this.set({ status: { kind: 'remote', url: u.href, origin: u.origin } });
  }

  /** Fetches the offered PDF from its own origin, after asking for that origin alone. Call from a click. */
  async fetchRemote(): Promise<void> {
    const s = this.view.status;
    if (s.kind !== 'remote') return;
    const granted = await this.deps.requestOrigin(s.origin).catch(() => false);
    if (!granted) return this.set({ status: { kind: 'problem', problem: { kind: 'remote-denied' } } });
    this.set({ status: { kind: 'opening', name: s.url } });
    try {
      // No cookies, no referrer: the request says nothing about the reader beyond asking for the file.
      const res = await fetch(s.url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'force-cache' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      await this.open(new Uint8Array(await res.arrayBuffer()), decodeURIComponent(new URL(s.url).pathname.split('/').pop() || s.url));
    } catch (e) {
      this.set({ status: { kind: 'problem', problem: { kind: 'remote-failed', detail: e instanceof Error ? e.message : String(e) } } });
    }
  }

  async openFile(file: File): Promise<void> {
    this.openedAt = performance.now();
    this.set({ status: { kind: 'opening', name: file.name } });
    await this.open(new Uint8Array(await file.arrayBuffer()), file.name);
  }

  async open(bytes: Uint8Array, name: string): Promise<void> {
    if (!this.openedAt) this.openedAt = performance.now();
    const started = this.openedAt;
    this.close();
    this.set({ status: { kind: 'opening', name } });
    let detect: DetectClient | undefined;
    let settings: Settings;
    let opened;
    try {
      const tables = this.deps.tables().then((t) => (detect = new DetectClient(this.deps.detectWorker(), t)));
      [, settings, opened] = await Promise.all([tables, this.deps.settings(), openPdf(this.deps.pdfjs.getDocument, bytes)]);
    } catch (e) {
      detect?.stop();
      return this.set({
        status: { kind: 'problem', problem: { kind: 'load-failed', detail: e instanceof Error ? e.message : String(e) } },
      });
    }
    if (!opened.ok || !detect) {
      detect?.stop();
      if (!opened.ok) {
        if (opened.problem.detail) console.warn('[regulatory-lens]', name, opened.problem.detail);
        return this.set({ status: { kind: 'problem', problem: opened.problem } });
      }
      return;
    }
    this.detect = detect;
    const doc = (this.doc = opened.doc);
    this.settingsNow = settings;
    const container = this.container!;
    container.replaceChildren();
    // Assigned once, right below; the page views call back into it only after that.
    let lens!: ReaderLens; // eslint-disable-line prefer-const -- used in a callback before its assignment line
    const pages = new PageViews({
      doc,
      container,
      TextLayer: this.deps.pdfjs.TextLayer,
      textContent: (n) => lens.textContent(n),
      onTextLayer: (n, divs) => {
        lens.anchor(n, divs);
        this.repaintFind();
      },
      onTextLayerRemoved: (n) => lens.unanchor(n),
      onPageInView: () => this.syncPage(),
    });
    lens = new ReaderLens({
      ctx: this.deps.ctx,
      doc,
      detect,
      settings,
      createCard: this.deps.createCard,
      ensureDrawn: (n) => pages.ensureDrawn(n),
      onProgress: (read, total) => {
        if (this.doc !== doc) return;
        // The toolbar and the mentions list follow a few times a second, not once per page.
        const now = performance.now();
        if (read < total && now - this.progressAt < PROGRESS_MS) return;
        this.progressAt = now;
        this.set({ status: { kind: 'open', name, pages: total, read }, mentionsVersion: this.view.mentionsVersion + 1 });
      },
      onScanned: () => this.set({ status: { kind: 'problem', problem: { kind: 'no-text' } } }),
    });
    lens.stats.started = started;
    lens.currentPage = () => pages.currentPage();
    this.lens = lens;
    this.pages = pages;
    this.set({ status: { kind: 'open', name, pages: doc.numPages, read: 0 }, page: 1, zoom: pages.zoom });
    await pages.layout();
    await lens.read();
    this.openedAt = 0;
  }

  close(): void {
    this.lens?.stop();
    this.detect?.stop();
    this.detect = undefined;
    this.pages?.destroy();
    void this.doc?.destroy();
    this.finder?.clear();
    this.hits = [];
    this.lens = undefined;
    this.pages = undefined;
    this.doc = undefined;
  }

  applySettings(settings: Settings): void {
    this.settingsNow = settings;
    this.lens?.apply(settings);
    this.set({ mentionsVersion: this.view.mentionsVersion + 1 });
  }

  get settings(): Settings | undefined {
    return this.settingsNow;
  }

  zoomBy(step: 1 | -1): void {
    if (!this.pages) return;
    const i = ZOOM_STEPS.findIndex((step) => step >= this.pages!.zoom);
    const next = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, (i < 0 ? ZOOM_STEPS.length - 1 : i) + step))]!;
    const page = this.pages.currentPage();
    this.pages.setZoom(next);
    this.pages.scrollTo(page);
    this.set({ zoom: next });
  }

  goToPage(n: number): void {
    if (!this.pages || !this.doc) return;
    const page = Math.max(1, Math.min(this.doc.numPages, Math.round(n)));
    this.pages.scrollTo(page);
    this.set({ page });
  }

  /** The page in view changed (scrolling): the toolbar follows. */
  syncPage(): void {
    if (!this.pages) return;
    const page = this.pages.currentPage();
    if (page !== this.view.page) this.set({ page });
  }

  find(query: string): void {
    if (!this.lens) return;
    this.finder ??= new FindPainter();
    this.hits = findInPages(this.lens.texts(), query);
    this.set({ find: { query, hits: this.hits.length, current: this.hits.length ? 1 : 0 } });
    void this.showFind();
  }

  findStep(step: 1 | -1): void {
    const n = this.hits.length;
    if (!n) return;
    const current = ((this.view.find.current - 1 + step + n) % n) + 1;
    this.set({ find: { ...this.view.find, current } });
    void this.showFind();
  }

  private async showFind(): Promise<void> {
    const hit = this.hits[this.view.find.current - 1];
    if (hit && this.pages) {
      this.pages.scrollTo(hit.page);
      await this.pages.ensureDrawn(hit.page);
    }
    const r = this.repaintFind();
    if (r) (r.startContainer.parentElement as HTMLElement | null)?.scrollIntoView({ block: 'center' });
  }

  private repaintFind(): StaticRange | undefined {
    if (!this.finder || !this.lens) return undefined;
    const lens = this.lens;
    return this.finder.paint(
      this.hits,
      this.hits[this.view.find.current - 1],
      (n) => lens.textOf(n),
      (n) => lens.divsOf(n),
    );
  }

  // The popup's page protocol, answered by the open document.
  async pageMentions() {
    if (!this.lens) throw new Error('No PDF is open in this reader.');
    return this.lens.pageMentions();
  }

  async revealMention(kind: Parameters<PageSide['revealMention']>[0], id: string) {
    if (!this.lens) throw new Error('No PDF is open in this reader.');
    return this.lens.revealMention(kind, id);
  }

  async browseMentions() {
    await this.lens?.browseMentions();
  }

  pageStats() {
    if (this.lens) return this.lens.pageStats();
    return {
      url: location.href,
      active: false,
      scriptStart: 0,
      longestChunkMs: 0,
      chunks: 0,
      chunksOverBudget: 0,
      fullScans: 0,
      changeScans: 0,
      units: 0,
      textNodes: 0,
      chars: 0,
      rescannedChars: 0,
      mentions: 0,
      painted: 0,
    };
  }
}
