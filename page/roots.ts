/**
 * The roots the page side reads: the document, every open shadow root and every same-origin frame
 * found in it. One MutationObserver per root; records are batched, and a batch past
 * MAX_MUTATIONS_PER_BATCH (a framework re-rendering the page) becomes one debounced full rescan instead.
 * Roots whose host or frame leaves the page are dropped.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_MUTATIONS_PER_BATCH } from './living';
import { frameOf, type ScanRoot } from './mentions';
import type { WriteHooks } from './marks';

export const RESCAN_DEBOUNCE_MS = 300;

interface RootState {
  observer: MutationObserver;
  pending: MutationRecord[];
  rescanTimer?: number;
}

export interface RootEvents {
  /** A new root: scan it whole. */
  added(root: ScanRoot): void;
  /** Mutations are waiting in `take()`. */
  changed(): void;
  /** Too many mutations at once: rescan the root whole. */
  storm(root: ScanRoot): void;
  dropped(root: ScanRoot): void;
  /** A frame's document to listen to (hover, keys). */
  frameDocument(doc: Document): void;
}

interface Ctx {
  addEventListener: ContentScriptContext['addEventListener'];
  setTimeout: (handler: () => void, ms: number) => number;
}

export class Roots {
  private readonly states = new Map<ScanRoot, RootState>();
  private readonly frames = new Map<HTMLIFrameElement, Document | undefined>();
  private readonly loadListeners = new WeakSet<HTMLIFrameElement>();

  constructor(
    private readonly top: Document,
    private readonly ctx: Ctx,
    private readonly on: RootEvents,
  ) {}

  keys(): IterableIterator<ScanRoot> {
    return this.states.keys();
  }

  has(root: ScanRoot): boolean {
    return this.states.has(root);
  }

  add(root: ScanRoot): void {
    if (this.states.has(root)) return;
    const state: RootState = { observer: new MutationObserver((records) => this.record(root, state, records)), pending: [] };
    this.states.set(root, state);
    state.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'aria-hidden', 'contenteditable'],
    });
    this.on.added(root);
  }

  /** Frames are roots once their document can be read (same origin), and again after each load. */
  addFrame(frame: HTMLIFrameElement): void {
    if (this.frames.has(frame)) return;
    this.frames.set(frame, undefined);
    if (!this.loadListeners.has(frame)) {
      this.loadListeners.add(frame);
      this.ctx.addEventListener(frame, 'load', () => this.frames.has(frame) && this.attachFrame(frame));
    }
    this.attachFrame(frame);
  }

  /** Takes the pending mutation records of every root. */
  take(): Array<[ScanRoot, MutationRecord[]]> {
    const out: Array<[ScanRoot, MutationRecord[]]> = [];
    for (const [root, s] of this.states) {
      if (!s.pending.length) continue;
      out.push([root, s.pending]);
      s.pending = [];
    }
    return out;
  }

  /** For painters that edit the DOM: the page's records are kept first, then ours are thrown away. */
  readonly writeHooks: WriteHooks = {
    beforeWrite: () => {
      for (const [root, s] of this.states) {
        const recs = s.observer.takeRecords();
        if (recs.length) this.record(root, s, recs);
      }
    },
    afterWrite: () => {
      for (const s of this.states.values()) s.observer.takeRecords();
    },
  };

  drop(root: ScanRoot): void {
    const s = this.states.get(root);
    if (!s) return;
    s.observer.disconnect();
    if (s.rescanTimer !== undefined) clearTimeout(s.rescanTimer);
    this.states.delete(root);
    this.on.dropped(root);
  }

  /** Roots whose host or frame left the page. */
  dropDead(): void {
    for (const root of [...this.states.keys()]) {
      if (root === this.top) continue;
      const alive = root.nodeType === 11 ? (root as ShadowRoot).host.isConnected : !!frameOf(root as Document)?.isConnected;
      if (!alive) this.drop(root);
    }
    for (const [frame, doc] of [...this.frames]) {
      if (frame.isConnected) continue;
      this.frames.delete(frame);
      if (doc) this.drop(doc);
    }
  }

  clear(): void {
    for (const s of this.states.values()) {
      s.observer.disconnect();
      if (s.rescanTimer !== undefined) clearTimeout(s.rescanTimer);
    }
    this.states.clear();
    this.frames.clear();
  }

  /** Open shadow roots among the roots of `doc` (for hit tests that look inside them). */
  shadowRootsOf(doc: Document): ShadowRoot[] {
    const out: ShadowRoot[] = [];
    for (const r of this.states.keys()) if (r.nodeType === 11 && r.ownerDocument === doc) out.push(r as ShadowRoot);
    return out;
  }

  private attachFrame(frame: HTMLIFrameElement): void {
    let doc: Document | null;
    try {
      // null for cross-origin frames: those are not ours to read.
      doc = frame.contentDocument;
    } catch {
      doc = null;
    }
    const old = this.frames.get(frame);
    if (old && old !== doc) this.drop(old);
    // A document the parser has not given a root element yet is not kept as attached: the frame's load
    // event attaches it (kept, that load found it already known and the frame was never read).
    const ready = doc?.documentElement ? doc : undefined;
    this.frames.set(frame, ready);
    if (!ready || ready === old) return;
    this.on.frameDocument(ready);
    this.add(ready);
  }

  private record(root: ScanRoot, state: RootState, records: MutationRecord[]): void {
    if (!this.states.has(root)) return;
    if (state.rescanTimer !== undefined || state.pending.length + records.length > MAX_MUTATIONS_PER_BATCH) {
      // A storm: forget the details, rescan once it has calmed down.
      state.pending = [];
      if (state.rescanTimer !== undefined) clearTimeout(state.rescanTimer);
      state.rescanTimer = this.ctx.setTimeout(() => {
        state.rescanTimer = undefined;
        if (this.states.has(root)) this.on.storm(root);
      }, RESCAN_DEBOUNCE_MS);
      return;
    }
    state.pending.push(...records);
    this.on.changed();
  }
}
