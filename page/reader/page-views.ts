/**
 * The reader's pages on screen: one box per PDF page, sized before it is drawn, and drawn (canvas and pdf.js
 * text layer) only when it comes near the viewport, so a 500-page document costs what its visible pages
 * cost. Canvases far from view are released; text layers stay, since mentions and find are painted on them.
 * Zoom lays every box out again and redraws what is in view.
 */
import type { PDFDocumentProxy, PDFPageProxy, TextLayer as TextLayerClass } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { DrawQueue } from './draw-queue';
import { drawingSurface } from './offscreen-draw';
import { textContentInSlices } from './text-slices';

/** What the reader needs of pdf.js's TextLayer class (passed in: the module is pdf.js's to load). */
export type TextLayerCtor = typeof TextLayerClass;

export interface PageViewsOptions {
  doc: PDFDocumentProxy;
  container: HTMLElement;
  TextLayer: TextLayerCtor;
  /** The page's text content, read once by the caller (the same items the matcher read). */
  textContent(n: number): Promise<TextContent>;
  /** A page's text layer is in the DOM: `divs[i]` draws item `i` of its text content. */
  onTextLayer(n: number, divs: HTMLElement[]): void;
  /** A page's text layer is gone (zoom redraws it). */
  onTextLayerRemoved(n: number): void;
  /** Another page is now the one being read (scrolling). */
  onPageInView?(n: number): void;
}

/** Pages this far from the viewport (in screen heights) are drawn ahead of being seen. */
const DRAW_MARGIN = '100%';
/** The band a third of the way down the viewport: the page crossing it is the page being read. */
const READING_BAND = '-33% 0px -66% 0px';
/** A canvas further than this many pages from any visible page is released. */
const KEEP_CANVAS_PAGES = 6;
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

interface PageBox {
  n: number;
  el: HTMLDivElement;
  state: 'empty' | 'drawing' | 'drawn';
  canvas?: HTMLCanvasElement;
  textLayer?: TextLayerClass;
  /** Bumped by zoom: a drawing started before it is thrown away. */
  generation: number;
}

export class PageViews {
  readonly pages: PageBox[] = [];
  private scale = 1;
  private readonly observer: IntersectionObserver;
  private readonly band: IntersectionObserver;
  private readonly visible = new Set<number>();
  private readonly inBand = new Set<number>();
  private reading = 1;
  private readonly queue: DrawQueue;
  private readonly sizes = new Map<number, { width: number; height: number }>();

  constructor(private readonly opts: PageViewsOptions) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { root: null, rootMargin: DRAW_MARGIN });
    // Which page is being read, told by the browser as it scrolls (measuring boxes on every scroll event forced a layout each time).
    this.band = new IntersectionObserver((entries) => this.onBand(entries), { root: null, rootMargin: READING_BAND });
    this.queue = new DrawQueue({ draw: (n) => this.draw(this.pages[n - 1]!), focus: () => this.reading });
  }

  /** Lays out a box per page (sized like page 1 until each page's own size is known). */
  async layout(): Promise<void> {
    const { doc, container } = this.opts;
    const first = await doc.getPage(1);
    const base = first.getViewport({ scale: 1 });
    for (let n = 1; n <= doc.numPages; n++) {
      const el = document.createElement('div');
      el.className = 'rl-page';
      el.dataset.page = String(n);
      el.setAttribute('role', 'region');
      this.pages.push({ n, el, state: 'empty', generation: 0 });
      this.sizes.set(n, { width: base.width, height: base.height });
      this.size(this.pages[n - 1]!);
      container.append(el);
      this.observer.observe(el);
      this.band.observe(el);
    }
  }

  get zoom(): number {
    return this.scale;
  }

  setZoom(scale: number): void {
    if (scale === this.scale) return;
    this.scale = scale;
    for (const p of this.pages) {
      p.generation++;
      if (p.textLayer) this.opts.onTextLayerRemoved(p.n);
      p.textLayer?.cancel();
      p.textLayer = undefined;
      p.canvas = undefined;
      p.el.replaceChildren();
      p.state = 'empty';
      this.size(p);
    }
    for (const n of this.visible) this.queue.want(n);
  }

  /** Draws page `n` now (find and browse need its text layer before it scrolls into view). */
  ensureDrawn(n: number): Promise<void> {
    const p = this.pages[n - 1];
    return p ? this.draw(p) : Promise.resolve();
  }

  scrollTo(n: number): void {
    this.pages[n - 1]?.el.scrollIntoView({ block: 'start' });
  }

  /** The page crossing the band a third of the way down the viewport (the last one that did, in a gap between pages). */
  currentPage(): number {
    return this.reading;
  }

  destroy(): void {
    this.queue.stop();
    this.observer.disconnect();
    this.band.disconnect();
    for (const p of this.pages) p.textLayer?.cancel();
  }

  private size(p: PageBox): void {
    const s = this.sizes.get(p.n)!;
    p.el.style.width = `${Math.floor(s.width * this.scale)}px`;
    p.el.style.height = `${Math.floor(s.height * this.scale)}px`;
    p.el.style.setProperty('--scale-factor', String(this.scale));
    p.el.style.setProperty('--total-scale-factor', String(this.scale));
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const n = Number((e.target as HTMLElement).dataset.page);
      if (e.isIntersecting) {
        this.visible.add(n);
        this.queue.want(n);
      } else {
        this.visible.delete(n);
        this.queue.drop(n);
      }
    }
    this.releaseFar();
  }

  private onBand(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const n = Number((e.target as HTMLElement).dataset.page);
      if (e.isIntersecting) this.inBand.add(n);
      else this.inBand.delete(n);
    }
    const reading = this.inBand.size ? Math.min(...this.inBand) : this.reading;
    if (reading === this.reading) return;
    this.reading = reading;
    this.opts.onPageInView?.(reading);
  }

  private releaseFar(): void {
    if (!this.visible.size) return;
    const lo = Math.min(...this.visible) - KEEP_CANVAS_PAGES;
    const hi = Math.max(...this.visible) + KEEP_CANVAS_PAGES;
    for (const p of this.pages) {
      if (p.canvas && (p.n < lo || p.n > hi)) {
        // Zero-sized, the canvas gives its memory back at once.
        p.canvas.width = 0;
        p.canvas.height = 0;
        p.canvas.remove();
        p.canvas = undefined;
        if (p.state === 'drawn') p.state = 'empty';
      }
    }
  }

  private async draw(p: PageBox): Promise<void> {
    if (p.state !== 'empty') return;
    p.state = 'drawing';
    const mine = p.generation;
    try {
      const page = await this.opts.doc.getPage(p.n);
      if (mine !== p.generation) return;
      this.learnSize(p, page);
      const viewport = page.getViewport({ scale: this.scale });
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.className = 'rl-canvas';
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.setAttribute('aria-hidden', 'true');
      p.el.prepend(canvas);
      p.canvas = canvas;
      const surface = drawingSurface(canvas);
      const drawing = page
        .render({ canvas: surface.target, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] })
        .promise.then(() => {
          if (p.canvas === canvas) surface.show();
        });
      if (!p.textLayer) {
        const div = document.createElement('div');
        div.className = 'textLayer';
        p.el.append(div);
        const layer = new this.opts.TextLayer({
          textContentSource: textContentInSlices(await this.opts.textContent(p.n)),
          container: div,
          viewport,
        });
        p.textLayer = layer;
        await layer.render();
        if (mine !== p.generation) return;
        this.opts.onTextLayer(p.n, layer.textDivs);
      }
      await drawing.catch((e: unknown) => {
        // A cancelled or broken drawing leaves the text layer, which is what is read.
        if ((e as { name?: string })?.name !== 'RenderingCancelledException') console.warn('[regulatory-lens] page', p.n, e);
      });
      if (mine === p.generation) p.state = 'drawn';
    } catch (e) {
      console.warn('[regulatory-lens] page', p.n, e);
      if (mine === p.generation) p.state = 'drawn';
    }
  }

  private learnSize(p: PageBox, page: PDFPageProxy): void {
    const v = page.getViewport({ scale: 1 });
    const s = this.sizes.get(p.n)!;
    if (s.width !== v.width || s.height !== v.height) {
      this.sizes.set(p.n, { width: v.width, height: v.height });
      this.size(p);
    }
  }
}
