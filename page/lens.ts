/**
 * The page side's life cycle: scan, paint, observe, answer, tear down. One Lens per tab (top frame); it
 * covers the document, its open shadow roots and its same-origin frames (`roots.ts`). All work runs as
 * resumable jobs in one time-sliced pump (`pump.ts`, at most `budgetMs` per slice), and paint changes
 * are applied once per slice (`paintwork.ts`). Settings apply live: switching off or pausing the site
 * removes every highlight at once and leaves the page exactly as it was.
 */
import { matcherFromTables, type Matcher } from '../core/detect/matcher';
import type { EntityKind } from '../core/detect/lexicon';
import type { MatcherTables } from '../core/detect/tables';
import type { PairScorer } from '../core/detect/fuzzy';
import { DEFAULT_SETTINGS, isActiveOn, type Settings } from '../platform/settings';
import { CardHost, type CreateCard } from './card-host';
import { BrowseMode, listenForBrowseKeys } from './browse';
import { scrollToMention } from './geometry';
import { watchHover, type CardSurface, type HoverCtx } from './hover';
import { ChangeFollower } from './change-follower';
import { compareMentions, entityKey, type Mention, type ScanRoot } from './mentions';
import type { PageStats } from '../protocol/page';
import type { PageMentions } from '../protocol/page-answers';
import type { PageDateReader } from './page-date-module';
import type { PageSide } from './page-requests';
import { Paintwork } from './paintwork';
import { createReporter } from './report';
import { watchNavigation } from './navigation';
import { Roots } from './roots';
import { Pump } from './pump';
import { PaintSchedule } from './paint-schedule';
import { ScanPace } from './scan-pace';
import { ScanJob, type ScanCounters, type ScanEnv } from './scan';
import { MentionStore, type DisplayFilter } from './store';
import { opensAwayFromTop, viewportFirst, visibleBlocks } from './viewport';

export interface LensCtx extends HoverCtx {
  onInvalidated(cb: () => void): () => void;
  setInterval(handler: () => void, ms: number): number;
  readonly isValid: boolean;
}

export interface LensOptions {
  ctx: LensCtx;
  doc?: Document;
  hostname?: string;
  /** The matcher's tables from the background (built there once per dataset version). */
  loadMatcherTables(): Promise<MatcherTables>;
  /**
   * Creates the card UI (in the extension: loads its module), the first time a card or announcement is
   * needed. Called again on the next need if it failed.
   */
  createCard: CreateCard;
  /**
   * Loads the fuzzy stage's scorer (in the extension: its module), the first time the matcher meets a
   * window worth scoring; the page is then read again. Without it, misspelled names are not found.
   */
  loadFuzzyScorer?(): Promise<PairScorer>;
  /**
   * Loads what reads the page's own date (in the extension: its module), for
   * the popup; without it, or when it fails, the page's mentions are answered without a date.
   */
  loadPageDateReader?(): Promise<PageDateReader>;
  now?: () => number;
  budgetMs?: number;
  /** Tests: use the `<reg-lens-mark>` fallback even where the Highlight API exists. */
  forceFallback?: boolean;
  /** A document whose highlight colours the manifest already gave (the content script's own): none is adopted there. */
  styledDocument?: Document;
}

export const SLICE_BUDGET_MS = 8;
/** How long the page protocol waits for a scan in progress before answering with what it has. */
const ANSWER_WAIT_MS = 3000;

type LensStats = Pick<
  PageStats,
  | 'scriptStart'
  | 'lexiconReceived'
  | 'matcherReady'
  | 'matcherInitMs'
  | 'matcherLongestTaskMs'
  | 'firstHighlight'
  | 'firstHighlightChunk'
  | 'initialScanDone'
  | 'fullScans'
  | 'changeScans'
>;

export class Lens implements PageSide {
  readonly doc: Document;
  readonly browse: BrowseMode;
  private readonly ctx: LensCtx;
  private readonly hostname: string;
  private readonly now: () => number;
  private readonly store: MentionStore;
  private readonly roots: Roots;
  private readonly paint: Paintwork;
  private readonly pump: Pump;
  private readonly painting: PaintSchedule;
  private readonly changes: ChangeFollower;
  private readonly listening = new WeakSet<Document>();
  private readonly counters: ScanCounters = { units: 0, textNodes: 0, chars: 0, rescannedChars: 0 };
  private readonly pace = new ScanPace();
  /** One part failing (a unit, a batch of mutations, a document's paint, a card) is reported once and skipped. */
  private readonly report = createReporter().report;
  private readonly stats: LensStats;
  private readonly cards: CardHost;
  private settings: Settings | undefined;
  private matcher: Matcher | undefined;
  /** The fuzzy scorer was asked for (loading or loaded): asked again only after a failure. */
  private scorerAsked = false;
  private active = false;
  private generation = 0;
  private stamp = 0;
  private initialScanPending = false;

  constructor(private readonly opts: LensOptions) {
    this.ctx = opts.ctx;
    this.doc = opts.doc ?? document;
    this.hostname = opts.hostname ?? this.doc.location?.hostname ?? '';
    this.now = opts.now ?? (() => performance.now());
    this.stats = { scriptStart: this.now(), fullScans: 0, changeScans: 0 };
    this.store = new MentionStore(filterOf(DEFAULT_SETTINGS));
    this.roots = new Roots(this.doc, this.ctx, {
      added: (root) => this.pump.add(this.fullScan(root)),
      changed: () => this.changes.queue(),
      storm: (root) => this.active && this.pump.add(this.fullScan(root)),
      dropped: (root) => {
        this.store.dropRoot(root);
        this.painting.soon();
        if (this.active && this.matcher) this.pump.add(ScanJob.settling(this.scanEnv(), this.doc));
      },
      frameDocument: (doc) => this.listen(doc),
    });
    this.paint = new Paintwork({
      forceFallback: opts.forceFallback,
      styledDocument: opts.styledDocument,
      hooks: this.roots.writeHooks,
      isPainted: (m) => this.store.isPainted(m),
      report: this.report,
    });
    this.pump = new Pump({
      budgetMs: opts.budgetMs ?? SLICE_BUDGET_MS,
      now: this.now,
      alive: () => this.active && this.ctx.isValid,
      afterSlice: () => this.painting.flush(),
      report: this.report,
      onIdle: () => {
        // Changes still waiting for the painter: paint them in slices of their own before calling the scan done.
        if (this.active && this.store.pendingPaint) return this.painting.drain();
        if (this.active && this.initialScanPending) {
          this.initialScanPending = false;
          this.stats.initialScanDone ??= this.now();
        }
      },
    });
    this.painting = new PaintSchedule({
      active: () => this.active,
      pump: this.pump,
      store: this.store,
      paint: this.paint,
      firstPainted: () => {
        if (this.stats.firstHighlight !== undefined) return;
        this.stats.firstHighlight = this.now();
        this.stats.firstHighlightChunk = this.pump.stats.chunks + 1;
      },
    });
    this.changes = new ChangeFollower({
      active: () => this.active,
      pump: this.pump,
      roots: this.roots,
      store: this.store,
      paint: this.paint,
      report: this.report,
      fullScan: (root) => this.fullScan(root),
      blocksScan: (root, blocks) => {
        this.stats.changeScans++;
        return new ScanJob(this.scanEnv(), root, blocks, { full: false, stamp: ++this.stamp });
      },
      settling: () => ScanJob.settling(this.scanEnv(), this.doc),
    });
    this.cards = new CardHost({
      create: opts.createCard,
      rectOf: (m) => this.paint.rectOf(m),
      onClosed: () => {
        if (this.browse.active) this.browse.leave(true);
        this.paint.setCurrent(undefined);
      },
      theme: () => this.settings?.theme,
      report: this.report,
    });
    this.browse = new BrowseMode({
      mentions: () => this.store.paintedInOrder(),
      // Without a card there is nothing to show or announce; the highlights and the keys still work.
      show: (m) => this.showMention(m, true).catch(() => undefined),
      hide: () => {
        this.paint.setCurrent(undefined);
        this.cards.close();
      },
      announce: (text) => this.cards.announce(text),
      startIndex: (list) => this.firstBelowTop(list),
    });
    this.listen(this.doc);
    // SPA navigations rescan the page once its new content is in.
    watchNavigation(this.ctx, this.doc, {
      left: () => {
        this.browse.leave(false);
        this.cards.close();
      },
      arrived: () => this.rescanAll(),
    });
    this.ctx.setInterval(() => this.active && this.paint.refresh(), 2000);
    this.ctx.onInvalidated(() => this.stop());
  }

  /** Applies settings: starts, stops, or re-filters what is painted. */
  async apply(s: Settings): Promise<void> {
    this.settings = s;
    this.store.setFilter(filterOf(s));
    if (!isActiveOn(s, this.hostname)) {
      if (this.active) this.stop();
      return;
    }
    this.cards.setTheme(s.theme);
    if (!this.active) await this.start();
    else this.painting.soon();
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Resolves when no scan work is pending (or at once when inactive). */
  async idle(): Promise<void> {
    while (this.active && (this.pump.busy || this.initialScanPending)) {
      await this.pump.idle();
      // Starting (the lexicon, the matcher) is not pump work: wait for the pump to get some.
      if (this.initialScanPending && !this.pump.busy) await new Promise((r) => setTimeout(r, 20));
    }
  }

  // ---- life cycle ------------------------------------------------------------------------------------

  private async start(): Promise<void> {
    this.active = true;
    const gen = ++this.generation;
    this.initialScanPending = true;
    try {
      if (!this.matcher) {
        const tables = await this.opts.loadMatcherTables();
        this.stats.lexiconReceived ??= this.now();
        // One task of a few milliseconds: the tables become maps and tries (core/detect/compiled.ts).
        const t = this.now();
        this.matcher = matcherFromTables(tables, { onUnscored: () => this.needScorer() });
        this.stats.matcherInitMs = this.stats.matcherLongestTaskMs = this.now() - t;
      }
    } catch (e) {
      console.warn('[regulatory-lens] could not load the lexicon', e);
      this.active = false;
      this.initialScanPending = false;
      return;
    }
    if (gen !== this.generation || !this.active) return;
    this.stats.matcherReady ??= this.now();
    this.roots.add(this.doc);
    // Scrolled down (a reload, a link to an anchor): what is on screen first, found by hit tests before the
    // page is walked; the full scan then reads it again with the rest. At the top, the full scan reads the
    // page in document order as it walks it, so its first slice paints what is on screen: no layout forced,
    // nothing read twice.
    const visible = opensAwayFromTop(this.doc) ? visibleBlocks(this.doc) : [];
    if (visible.length) this.pump.add(new ScanJob(this.scanEnv(), this.doc, visible, { full: false, stamp: ++this.stamp }), true);
  }

  /** Removes every highlight, observer and card; the page is left exactly as it was. */
  stop(): void {
    this.active = false;
    this.generation++;
    this.initialScanPending = false;
    this.changes.reset();
    this.pump.clear();
    this.browse.leave(false);
    this.roots.clear();
    this.paint.clear();
    this.store.clear();
    this.store.takeDiff();
    this.cards.remove();
  }

  // ---- scanning ------------------------------------------------------------------------------------------

  private scanEnv(): ScanEnv {
    return {
      matcher: this.matcher!,
      store: this.store,
      painterFor: (n: Node) => this.paint.painterFor(n.nodeType === 9 ? (n as Document) : n.ownerDocument!),
      discoveries: { shadowRoot: (sr) => this.roots.add(sr), frame: (f) => this.roots.addFrame(f) },
      now: this.now,
      counters: this.counters,
      pace: this.pace,
      report: this.report,
    };
  }

  private fullScan(root: ScanRoot): ScanJob {
    const isTop = root === this.doc;
    this.stats.fullScans++;
    return new ScanJob(this.scanEnv(), root, [root], {
      full: true,
      stamp: ++this.stamp,
      order: isTop && opensAwayFromTop(this.doc) ? (units) => viewportFirst(units, this.doc.defaultView?.innerHeight ?? 800) : undefined,
      onDone: () => isTop && this.roots.dropDead(),
    });
  }

  /**
   * The fuzzy scorer, asked for once (again after a failure, at the next need); then the segments that
   * waited for it are scanned again (they hold a check that fails once it is there: see scan.ts).
   */
  private needScorer(): void {
    if (this.scorerAsked || !this.opts.loadFuzzyScorer) return;
    this.scorerAsked = true;
    this.opts.loadFuzzyScorer().then(
      (score) => {
        this.matcher?.setScorer(score);
        this.store.evidence.touch();
        if (this.active) this.pump.add(ScanJob.settling(this.scanEnv(), this.doc));
      },
      (e: unknown) => {
        this.scorerAsked = false;
        this.report('loading the fuzzy scorer', e);
      },
    );
  }

  /** Rescans every root (SPA navigation): the page may be a different page now. */
  rescanAll(): void {
    if (!this.active) return;
    for (const root of this.roots.keys()) this.pump.add(this.fullScan(root));
  }

  // ---- painting ------------------------------------------------------------------------------------------

  /** Index of the first painted mention at or below the top of the viewport (where reading resumes). */
  private firstBelowTop(list: Mention[]): number {
    for (let i = 0; i < list.length; i++) {
      const r = this.paint.rectOf(list[i]!);
      if (r && r.bottom >= 0) return i;
    }
    return 0;
  }

  /** What hover drives (the card host's surface). */
  get surface(): CardSurface {
    return this.cards.surface;
  }

  /** Scrolls a mention into view, marks it current and opens its card. */
  private async showMention(m: Mention, focus: boolean): Promise<string | undefined> {
    this.paint.setCurrent(m);
    await scrollToMention(m, this.doc);
    if (!this.active) return undefined;
    return this.cards.open(m, { focus });
  }

  // ---- events ------------------------------------------------------------------------------------------

  /** Hover, browse keys and clicks, in the page and in each same-origin frame. */
  private listen(doc: Document): void {
    if (this.listening.has(doc)) return;
    this.listening.add(doc);
    watchHover(this.ctx, doc, {
      hitTest: (x, y) => (this.active ? this.paint.mentionAt(doc, x, y, this.roots.shadowRootsOf(doc)) : undefined),
      card: this.cards.surface,
      enabled: () => this.active && !this.browse.active,
    });
    const win = doc.defaultView;
    if (win) listenForBrowseKeys(this.ctx, win, this.browse, this.cards.surface);
  }

  // ---- the page protocol ---------------------------------------------------------------------------------

  private settled(): Promise<unknown> {
    return Promise.race([this.idle(), new Promise((r) => setTimeout(r, ANSWER_WAIT_MS))]);
  }

  async pageMentions(): Promise<PageMentions> {
    if (!this.active)
      throw new Error(this.settings?.enabled === false ? 'Regulatory Lens is switched off.' : 'Regulatory Lens is paused on this site.');
    await this.settled();
    const order = this.store.where((m) => this.settings?.kinds[m.detection.kind] !== false).sort(compareMentions);
    const position = new Map(order.map((m, i) => [m, i]));
    const mentions = this.store
      .entitiesFound()
      .map((e) => ({ kind: e.kind, id: e.id, name: e.name, count: e.count, index: position.get(e.first) ?? 0 }));
    const pageDate = await this.opts.loadPageDateReader?.().then(
      (read) => read(this.doc),
      (e: unknown) => void this.report('reading the page date', e),
    );
    return pageDate ? { mentions, pageDate } : { mentions };
  }

  async revealMention(kind: EntityKind, id: string): Promise<void> {
    if (!this.active) throw new Error('Regulatory Lens is not active on this page.');
    await this.settled();
    const m = this.store.firstOf(kind, id);
    if (!m) throw new Error(`no mention of ${entityKey({ kind, id })} on this page`);
    this.browse.leave(false);
    await this.showMention(m, false);
  }

  async browseMentions(): Promise<void> {
    if (this.active) await this.browse.toggle(this.doc);
  }

  pageStats(): PageStats {
    return {
      url: this.doc.location?.href ?? '',
      active: this.active,
      ...this.stats,
      ...this.pump.stats,
      ...this.counters,
      mentions: this.store.size,
      painted: this.store.paintedCount,
    };
  }
}

function filterOf(s: Settings): DisplayFilter {
  return { kinds: { ...s.kinds }, density: { ...s.density } };
}
