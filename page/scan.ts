/**
 * Scanning as resumable jobs that a time-sliced pump advances: each `step` does work until its deadline
 * and says whether it is finished. A job walks its containers into units and scans them in segments of
 * as much text as one matcher run takes before the slice's deadline (`scan-pace.ts`): consecutive units, or
 * a window of a long one (a 10 MB text node is scanned over
 * many slices, never in one task). In document order it scans as it walks (the top of a page is painted
 * in the first slice); to put the visible units first it walks them all, then reorders. A segment replaces the
 * mentions previously found in its range. A full scan finally drops what it did not find again.
 *
 * What a segment finds does not depend on how the page was cut into segments, nor on their order:
 * each is scanned with MARGIN_CHARS of the text around it in document order, read for near context
 * only, and against the page-level evidence of the rest of the page (`evidence.ts`: every root of the
 * page, its shadow roots and frames included). When a job is done, the segments whose page-level answers
 * have changed since (the rest of the page was read after them) are scanned again. A full scan of a root
 * then finds what one scan of the root's whole text finds, as the CLI scans a saved page. (A rescan of
 * changed blocks takes its margins from those blocks only.)
 */
import type { Matcher } from '../core/detect/matcher';
import { MARGIN_CHARS, type EvidenceItem } from '../core/detect/page-level';
import type { Piece, SegmentRecord } from './evidence';
import type { Painter } from './highlights';
import { under } from './living';
import type { Mention, ScanRoot, Unit } from './mentions';
import type { Report } from './report';
import type { MentionStore } from './store';
import { keepSame } from './mention-diff';
import type { Job } from './pump';
import { Stream, compose, locateIn, type Part } from './text-stream';
import { UnitWalker, cutPoint, type Discoveries } from './units';
import { MIN_SEGMENT_CHARS, type ScanPace } from './scan-pace';

export interface ScanCounters {
  units: number;
  textNodes: number;
  chars: number;
  rescannedChars: number;
}

export interface ScanEnv {
  matcher: Matcher;
  store: MentionStore;
  painterFor(node: Node): Painter;
  discoveries: Discoveries;
  now(): number;
  counters: ScanCounters;
  /** How much text a matcher run may take before the slice's deadline, learnt across the page's scans. */
  pace: ScanPace;
  /** Where a unit that cannot be read or scanned is reported; the job goes on without it. */
  report: Report;
}

/** Rounds of re-scanning stale segments after a job (page-level answers settle in one or two). */
const MAX_SETTLE_ROUNDS = 4;

export interface ScanJobOptions {
  /** A full scan of the root: mentions of the root it does not find again are dropped at the end. */
  full: boolean;
  stamp: number;
  /**
   * Reorders the units once walked (visible viewport first). Without it the units are scanned in document
   * order as the walk finds them: the first slice paints the top of the page, however long the page is.
   */
  order?: (units: Unit[]) => Unit[];
  onDone?: () => void;
}

/** What a scanned segment was: enough to scan it again. */
interface Target {
  stream: Stream;
  parts: Part[];
  root: ScanRoot;
  stamp: number;
}

export class ScanJob implements Job {
  private phase: 'start' | 'walk' | 'scan' | 'settle' | 'finish' = 'start';
  private walkers: UnitWalker[] = [];
  private units: Unit[] = [];
  private stream!: Stream;
  /** Document-order indexes of the units, in scan order (none: document order, walked as scanned). */
  private order?: number[];
  /** Scanning in document order while the walk goes on (no `order` option). */
  private streaming = false;
  private pos = 0;
  private offset = 0;
  private stale: SegmentRecord[] = [];
  private rounds = 0;

  constructor(
    private readonly env: ScanEnv,
    readonly root: ScanRoot,
    private readonly containers: Node[],
    private readonly opts: ScanJobOptions,
  ) {}

  /**
   * A job that only scans again the segments whose page-level answers changed: for when text leaves the
   * page (a removed paragraph may have been what resolved a name elsewhere) and no scan follows.
   */
  static settling(env: ScanEnv, root: ScanRoot): ScanJob {
    const job = new ScanJob(env, root, [], { full: false, stamp: 0 });
    job.phase = 'settle';
    return job;
  }

  step(deadline: number): boolean {
    const { env } = this;
    if (this.phase === 'start') {
      const live = this.containers.filter((c) => c.isConnected);
      // The fallback painter wraps text in elements: join it back before reading it.
      for (const c of live) env.painterFor(c).restoreWithin(c);
      if (!this.opts.full) {
        const blocks = new Set(live);
        env.store.remove(env.store.where((m) => m.root === this.root && under(m.startNode, blocks)));
        env.store.evidence.releaseWhere((p) => p.root === this.root && under(p.node, blocks));
      }
      for (const c of live) {
        try {
          this.walkers.push(new UnitWalker(c, env.discoveries, this.root));
        } catch (e) {
          env.report('reading the page', e);
        }
      }
      this.phase = 'walk';
    }
    if (this.phase === 'walk') {
      if (!this.opts.order) {
        this.streaming = true;
        this.stream = new Stream(this.units, env);
        this.phase = 'scan';
      } else {
        while (this.walkers.length) {
          if (env.now() >= deadline) return false;
          this.walkOne();
        }
        this.stream = new Stream(this.units, env);
        this.order = scanOrder(this.units, this.opts.order);
        this.phase = 'scan';
      }
    }
    if (this.phase === 'scan') {
      let scanned = false;
      while (this.has(this.pos)) {
        const t0 = env.now();
        if (t0 >= deadline) return false;
        // What fits in the time left; when not even a small segment does, the next slice takes it (but
        // every slice scans at least one, however slow the machine).
        let most = env.pace.charsFor(deadline - t0);
        if (!most && scanned) return false;
        most ||= MIN_SEGMENT_CHARS;
        const parts = this.nextSegment(deadline, most);
        if (!parts.length) continue;
        // Its tail margin must be read as in the whole text: walk that far first.
        if (this.streaming) this.walkPast(parts[parts.length - 1]!, MARGIN_CHARS);
        this.scanSafely({ stream: this.stream, parts, root: this.root, stamp: this.opts.stamp });
        env.pace.observe(
          parts.reduce((n, p) => n + p.to - p.from, 0),
          env.now() - t0,
        );
        scanned = true;
      }
      if (this.opts.full) {
        const stamp = this.opts.stamp;
        env.store.remove(env.store.where((m) => m.root === this.root && m.stamp < stamp));
        env.store.evidence.releaseWhere((p) => p.root === this.root && p.stamp < stamp);
      }
      this.stream.release();
      this.phase = 'settle';
    }
    if (this.phase === 'settle' && !this.settle(deadline)) return false;
    this.phase = 'finish';
    this.opts.onDone?.();
    return true;
  }

  /** Advances the walk by one unit (or past a node that cannot be read); false once the walk is done. */
  private walkOne(): boolean {
    const walker = this.walkers[0];
    if (!walker) return false;
    try {
      const u = walker.next();
      if (u) {
        this.units.push(u);
        this.env.counters.units++;
      } else this.walkers.shift();
    } catch (e) {
      // The walker moves past a node before it reads it: the node that threw is skipped, the walk goes on.
      this.env.report('reading the page', e);
    }
    return true;
  }

  /** Whether there is a unit at scan position `pos` (walking on to it while streaming). */
  private has(pos: number): boolean {
    if (this.order) return pos < this.order.length;
    while (pos >= this.units.length) if (!this.walkOne()) return false;
    return true;
  }

  /** Walks on until the units after `last` hold more than `chars` characters of text, or the walk is done. */
  private walkPast(last: Part, chars: number): void {
    let seen = (this.stream.index(last.unit)?.text.length ?? 0) - last.to;
    for (let i = last.unit + 1; seen <= chars && this.has(i); i++) seen += (this.stream.index(i)?.text.length ?? 0) + 1;
  }

  /**
   * The next segment in scan order: units that follow one another in the page, as much as fits (ScanPace), or the
   * next window of a long unit. Reading units costs time too, and scanning what was read about as much
   * again (many small units: a page of 200,000 elements): reading stops halfway to the deadline.
   */
  private nextSegment(deadline: number, most: number): Part[] {
    const parts: Part[] = [];
    let chars = 0;
    const start = this.env.now();
    const stop = start + (deadline - start) / 2;
    let skipped = 0;
    while (chars < most && (!parts.length || this.env.now() < stop) && this.has(this.pos)) {
      const i = this.order ? this.order[this.pos]! : this.pos;
      if (parts.length && parts[parts.length - 1]!.unit !== i - 1) break;
      const index = this.stream.index(i, true);
      const text = index?.text;
      if (!text) {
        this.pos++;
        this.offset = 0;
        // A long run of units without text (walked on the way while streaming) ends at the deadline too.
        if (parts.length || (++skipped % 64 === 0 && this.env.now() >= deadline)) break;
        continue;
      }
      const from = this.offset;
      const room = most - chars;
      if (text.length - from > room && parts.length && room < most / 4) break;
      const to = text.length - from > room ? cutPoint(text, from, room) : text.length;
      parts.push({ unit: i, from, to, index });
      chars += to - from;
      if (to < text.length) {
        this.offset = to;
        break;
      }
      this.pos++;
      this.offset = 0;
    }
    return parts;
  }

  /**
   * Scans a segment; when detection fails on it, scans its parts alone (without margins), losing only the
   * part that fails. A segment scanned again (`again`) replaces only the pieces of its range it still owns.
   */
  private scanSafely(target: Target, again?: SegmentRecord): void {
    let only: Piece[] | undefined;
    if (again) {
      only = again.pieces.filter((p) => p.alive);
      this.env.store.evidence.forget(again);
      for (const part of target.parts) target.stream.forget(part.unit);
    }
    // A record keeps where its segment was, not its text: read again when it is scanned again.
    const stored: Target = { ...target, parts: target.parts.map(({ unit, from, to }) => ({ unit, from, to })) };
    try {
      this.scanSegment(target, stored, true, only);
    } catch (e) {
      this.env.report('detection', e);
      for (const part of target.parts) {
        try {
          this.scanSegment(
            { ...target, parts: [part] },
            { ...stored, parts: [{ unit: part.unit, from: part.from, to: part.to }] },
            false,
            only,
          );
        } catch (e2) {
          this.env.report('detection', e2);
        }
      }
    }
  }

  /**
   * Runs the matcher over a segment and replaces the mentions and evidence of its range (or of `only` those
   * pieces of it) with what it found.
   */
  private scanSegment(target: Target, stored: Target, margins: boolean, only?: Piece[]): void {
    const { env } = this;
    const { stream, parts } = target;
    const own = compose(stream, parts);
    if (!own) return;
    const { index, froms, tos } = own;
    const { chunks } = index;
    // The chunks whose range this scan replaces: all, or those a segment scanned again still owns.
    const mine = only && chunks.map((c, k) => only.some((o) => o.node === c.node && o.from === froms[k]));
    const lead = margins ? stream.before(parts[0]!, MARGIN_CHARS) : '';
    const tail = margins ? stream.after(parts[parts.length - 1]!, MARGIN_CHARS) : '';
    if (margins && !only) stream.remember(parts[parts.length - 1]!, lead + index.text);
    for (let k = 0; k < chunks.length; k++) if (!mine || mine[k]) env.store.evidence.release(chunks[k]!.node, froms[k]!, tos[k]!);

    const record: SegmentRecord = { checks: [], pieces: [], target: stored };
    let items: EvidenceItem[] = [];
    let unscored = false;
    const detections = env.matcher.scan(lead + index.text + tail, {
      // A misspelled name that waits for the fuzzy scorer: this segment is scanned again once it is there.
      onUnscored: () => (unscored = true),
      page: {
        own: { start: lead.length, end: lead.length + index.text.length },
        rest: env.store.evidence.totals,
        evidence: (found) => (items = found),
        depends: (check) => record.checks.push(check),
      },
    });
    if (unscored) record.checks.push(waitsForScorer(env.matcher));
    const found: Mention[] = [];
    for (const d of detections) {
      const s = locateIn(index, d.start - lead.length);
      const e = locateIn(index, d.end - lead.length, true);
      if (s && e && (!mine || mine[s.k]))
        found.push({
          detection: d,
          startNode: s.node,
          startOffset: s.offset,
          endNode: e.node,
          endOffset: e.offset,
          root: target.root,
          stamp: target.stamp,
        });
    }
    // Evidence is kept by piece of text: one per chunk that holds some, and one per chunk of a segment that
    // relied on page-level answers (its checks run again while it still owns its text).
    const pieces = new Map<number, Piece>();
    const piece = (k: number): Piece => {
      let p = pieces.get(k);
      if (!p)
        pieces.set(k, (p = { node: chunks[k]!.node, from: froms[k]!, to: tos[k]!, root: target.root, stamp: target.stamp, alive: false }));
      return p;
    };
    const located: Array<{ piece: Piece; item: EvidenceItem }> = [];
    for (const item of items) {
      const at = locateIn(index, item.start - lead.length);
      if (at && (!mine || mine[at.k])) located.push({ piece: piece(at.k), item });
    }
    if (record.checks.length) for (let k = 0; k < chunks.length; k++) if (!mine || mine[k]) piece(k);
    env.store.evidence.commit([...pieces.values()], located, record.checks.length ? record : undefined);
    const old: Mention[] = [];
    for (let k = 0; k < chunks.length; k++)
      if (!mine || mine[k]) for (const m of env.store.inRange(chunks[k]!.node, froms[k]!, tos[k]!)) old.push(m);
    const { stale, fresh } = keepSame(old, found);
    env.store.remove(stale);
    env.store.add(fresh);
    if (!only) {
      for (const from of froms) if (from === 0) env.counters.textNodes++;
      env.counters.chars += index.text.length;
    } else env.counters.rescannedChars += index.text.length;
  }

  /**
   * Scans again, over as many slices as it takes, the segments (of any job, any root) whose page-level
   * answers changed; their new evidence may change answers again, hence a few rounds.
   */
  private settle(deadline: number): boolean {
    const evidence = this.env.store.evidence;
    for (;;) {
      while (this.stale.length) {
        if (this.env.now() >= deadline) return false;
        const record = this.stale.pop()!;
        if (!record.pieces.some((p) => p.alive)) continue;
        this.scanSafely(record.target as Target, record);
      }
      if (this.rounds >= MAX_SETTLE_ROUNDS || evidence.settled === evidence.version) return true;
      if (this.env.now() >= deadline) return false;
      this.rounds++;
      evidence.settled = evidence.version;
      this.stale = evidence.stale();
      if (!this.stale.length) return true;
    }
  }
}

/** A check that holds until the fuzzy scorer is there (made out here: it keeps only the matcher alive). */
function waitsForScorer(matcher: Matcher): () => boolean {
  return () => !matcher.hasScorer();
}

/** Document-order indexes of the units in the order they are to be scanned. */
function scanOrder(units: Unit[], order: ScanJobOptions['order']): number[] {
  const n = units.length;
  if (!order || n < 2) return Array.from({ length: n }, (_, i) => i);
  const ordered = order(units);
  // Visible first is a rotation of document order (on screen and below, then above): no map needed.
  const start = units.indexOf(ordered[0]!);
  if (start >= 0 && ordered.length === n && ordered.every((u, k) => u === units[(start + k) % n]))
    return Array.from({ length: n }, (_, k) => (start + k) % n);
  const at = new Map(units.map((u, i) => [u, i]));
  return ordered.map((u) => at.get(u)!);
}
