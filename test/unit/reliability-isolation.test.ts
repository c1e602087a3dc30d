// @vitest-environment happy-dom
/**
 * Failure isolation: "an exception in one part (detection of one node, one card, the observer) is
 * caught, reported to the extension's console once, and does not stop the rest". Each fault is injected
 * into one part of a real page side (the Lens with the `<reg-lens-mark>` fallback painter, or the scan job
 * and the pump on their own); the other parts must carry on, and the console gets one warning per distinct
 * failure however often it repeats. (Page-caused faults in a real browser: test/e2e/reliability.spec.ts,
 * "failure isolation".)
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { compileMatcher } from '../../core/detect/matcher';
import { buildMatcherTables } from '../../core/detect/tables';
import type { Painter } from '../../page/highlights';
import type { CardUi } from '../../page/card-host';
import { Lens } from '../../page/lens';
import type { Mention } from '../../page/mentions';
import { Pump } from '../../page/pump';
import { createReporter } from '../../page/report';
import { ScanJob, type ScanEnv } from '../../page/scan';
import { ScanPace } from '../../page/scan-pace';
import { MentionStore } from '../../page/store';
import { DEFAULT_SETTINGS } from '../../platform/settings';
import { fakeCtx } from './support/lens-ctx';
import { lexiconOf } from './support/lexicon';

/**
 * The observer's fault: processing a batch of mutation records throws when the batch adds an element marked
 * `data-poison` (a record the lens cannot make sense of). Every other batch is processed by the real code.
 */
vi.mock('../../page/living', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../page/living')>();
  return {
    ...real,
    dirtyFromRecords: (records: Iterable<MutationRecord>, root: Node) => {
      const list = [...records];
      for (const r of list)
        for (const n of r.addedNodes)
          if (n.nodeType === 1 && (n as Element).hasAttribute('data-poison')) throw new Error('cannot follow this change');
      return real.dirtyFromRecords(list, root);
    },
  };
});

const lexicon = lexiconOf('gdpr', 'mica', 'kenya');

const marks = () => [...document.querySelectorAll('reg-lens-mark')].map((m) => `${m.closest('[id]')?.id}:${m.textContent}`);
const ourWarnings = (warn: MockInstance) => warn.mock.calls.filter((c) => String(c[0]).startsWith('[regulatory-lens]'));

/** A text node whose text cannot be read: what a scan meets when reading one node throws. */
function unreadable(text: string): Text {
  const t = document.createTextNode(text);
  Object.defineProperty(t, 'data', {
    get() {
      throw new Error('this node cannot be read');
    },
  });
  return t;
}

let ctx: ReturnType<typeof fakeCtx>;
let warn: MockInstance;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  ctx = fakeCtx();
});

afterEach(() => {
  ctx.invalidate();
  warn.mockRestore();
  document.body.innerHTML = '';
});

function lensWith(card: Partial<CardUi> = {}) {
  const ui: CardUi = {
    open: async () => undefined,
    close() {},
    isOpen: () => false,
    contains: () => false,
    announce() {},
    setTheme() {},
    remove() {},
    ...card,
  };
  return new Lens({
    ctx,
    doc: document,
    hostname: 'example.org',
    loadMatcherTables: async () => buildMatcherTables(lexicon),
    createCard: async () => ui,
    forceFallback: true,
  });
}

describe('detection of one unit fails', () => {
  it('a node that cannot be read (in a paragraph, and loose between blocks): the other units are painted, one warning', async () => {
    document.body.innerHTML = '<p id="a">GDPR first.</p><p id="bad">Kenya, </p><p id="c">then MiCA.</p>';
    document.getElementById('bad')!.append(unreadable('and GDPR'));
    // Text directly in <body>, between blocks: read while the page is walked, not while a unit is scanned.
    document.body.insertBefore(unreadable('loose GDPR'), document.getElementById('c'));
    const lens = lensWith();
    await lens.apply(DEFAULT_SETTINGS);
    await lens.idle();
    expect(marks()).toEqual(['a:GDPR', 'c:MiCA']);
    expect(ourWarnings(warn)).toHaveLength(1);
    expect(String(ourWarnings(warn)[0]![0])).toContain('reading the page');

    // It keeps failing on every rescan of that paragraph; it is not reported again, and the page's later
    // changes are still read.
    const bad = document.getElementById('bad')!;
    bad.append(unreadable('more GDPR'));
    const p = document.createElement('p');
    p.id = 'later';
    p.textContent = 'Later, the GDPR again.';
    document.body.append(p);
    await vi.waitFor(() => expect(marks()).toEqual(['a:GDPR', 'c:MiCA', 'later:GDPR']));
    await lens.idle();
    expect(ourWarnings(warn)).toHaveLength(1);
    // Switched off, the page is as it was (our marks gone, the unreadable nodes untouched).
    await lens.apply({ ...DEFAULT_SETTINGS, enabled: false });
    expect(document.querySelectorAll('reg-lens-mark')).toHaveLength(0);
    expect(bad.childNodes).toHaveLength(3);
  });

  it('the matcher throws on one unit of a batch: the batch is scanned unit by unit, only that unit is lost', () => {
    document.body.innerHTML =
      '<main><p id="a">GDPR here.</p><p id="poison">POISON GDPR</p><p id="c">Kenya and MiCA.</p><p id="poison2">POISON Kenya</p></main>';
    const real = compileMatcher(lexicon);
    const matcher = {
      ...real,
      scan: (text: string) => {
        if (text.includes('POISON')) throw new RangeError('matcher failed on this text');
        return real.scan(text);
      },
    };
    const log = vi.fn();
    const reporter = createReporter(log);
    const store = new MentionStore({
      kinds: { framework: true, jurisdiction: true, technology: true, citation: true },
      density: { framework: 'every', jurisdiction: 'every', technology: 'every', citation: 'every' },
    });
    const painter = { restoreWithin() {} } as unknown as Painter;
    const env: ScanEnv = {
      matcher,
      store,
      painterFor: () => painter,
      discoveries: {},
      now: () => 0,
      counters: { units: 0, textNodes: 0, chars: 0, rescannedChars: 0 },
      pace: new ScanPace(),
      report: reporter.report,
    };
    const job = new ScanJob(env, document, [document], { full: true, stamp: 1 });
    // One step does it all (the clock never moves), so all four paragraphs are one batch for the matcher.
    expect(job.step(Infinity)).toBe(true);
    const found = store.where(() => true).map((m) => `${m.startNode.parentElement!.id}:${m.detection.id}`);
    expect(found.sort()).toEqual(['a:gdpr', 'c:ke', 'c:mica']);
    // The batch failed, then each poisoned unit: three failures, one distinct, one line in the console.
    expect(reporter.failures).toBe(3);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/^\[regulatory-lens\] detection failed/);
  });
});

describe('one card fails', () => {
  it('a card that throws while rendering is reported once and closed; the next card opens', async () => {
    document.body.innerHTML = '<p id="a">GDPR first.</p><p id="b">Then Kenya.</p>';
    const opened: string[] = [];
    const tried: Mention[] = [];
    const close = vi.fn();
    const lens = lensWith({
      open: async (m) => {
        tried.push(m);
        if (m.detection.id === 'gdpr') throw new TypeError("Cannot read properties of undefined (reading 'map')");
        opened.push(m.detection.id);
        return undefined;
      },
      close,
    });
    await lens.apply(DEFAULT_SETTINGS);
    await lens.idle();
    // By the page protocol: the request is answered, the failure reported, the half-drawn card closed.
    await expect(lens.revealMention('framework', 'gdpr')).resolves.toBeUndefined();
    expect(ourWarnings(warn)).toHaveLength(1);
    expect(String(ourWarnings(warn)[0]![0])).toContain('a card failed');
    expect(close).toHaveBeenCalledTimes(1);
    await lens.revealMention('jurisdiction', 'ke');
    expect(opened).toEqual(['ke']);

    // By hovering (nothing awaits it: a rejection here would be unhandled, which fails this test run).
    const gdpr = tried[0]!;
    lens.surface.open(gdpr);
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(2));
    lens.surface.open(tried.find((m) => m.detection.id === 'ke')!);
    await vi.waitFor(() => expect(opened).toEqual(['ke', 'ke']));
    // The same failure twice: one warning; and the highlights never depended on the card.
    expect(ourWarnings(warn)).toHaveLength(1);
    expect(marks()).toEqual(['a:GDPR', 'b:Kenya']);
  });
});

describe('a card fails while browsing', () => {
  it('browse mode goes on: the mention is announced without its card, and the next one opens', async () => {
    document.body.innerHTML = '<p id="a">GDPR first.</p><p id="b">Then Kenya.</p>';
    const announced: string[] = [];
    let hooks: { onClosed(): void } | undefined;
    let shown: Mention | undefined;
    // Like the real card: closing an open card tells the lens (which leaves browse mode when the reader closes it).
    const ui: CardUi = {
      open: async (m) => {
        shown = m;
        if (m.detection.id === 'gdpr') throw new TypeError('a damaged record');
        return undefined;
      },
      close() {
        if (!shown) return;
        shown = undefined;
        hooks!.onClosed();
      },
      isOpen: () => !!shown,
      contains: () => false,
      announce: (text) => void announced.push(text),
      setTheme() {},
      remove() {},
    };
    const lens = new Lens({
      ctx,
      doc: document,
      hostname: 'example.org',
      loadMatcherTables: async () => buildMatcherTables(lexicon),
      createCard: async (h) => {
        hooks = h;
        return ui;
      },
      forceFallback: true,
    });
    await lens.apply(DEFAULT_SETTINGS);
    await lens.idle();
    await lens.browse.enter(document);
    expect(lens.browse.active).toBe(true);
    expect(announced).toEqual(['GDPR \u2014 framework \u2014 1 of 2']);
    await lens.browse.next();
    expect(lens.browse.active).toBe(true);
    expect(shown?.detection.id).toBe('ke');
    expect(announced.at(-1)).toMatch(/^Kenya \u2014 .* \u2014 2 of 2$/);
    expect(ourWarnings(warn)).toHaveLength(1);
    // The reader closing the card still leaves browse mode.
    ui.close();
    expect(lens.browse.active).toBe(false);
  });
});

describe('the observer fails', () => {
  it('a batch of changes that cannot be processed: reported once, the root is read again whole, later changes are still followed', async () => {
    document.body.innerHTML = '<main id="m"><p id="a">GDPR first.</p></main>';
    const lens = lensWith();
    await lens.apply(DEFAULT_SETTINGS);
    await lens.idle();
    expect(marks()).toEqual(['a:GDPR']);
    const main = document.getElementById('m')!;
    const add = (id: string, text: string, poison = false) => {
      const p = document.createElement('p');
      p.id = id;
      p.textContent = text;
      if (poison) p.setAttribute('data-poison', '');
      main.append(p);
    };
    add('p1', 'Poisoned MiCA.', true);
    // The change that could not be processed is still painted: the full rescan that replaces it finds it.
    await vi.waitFor(() => expect(marks()).toEqual(['a:GDPR', 'p1:MiCA']));
    expect(ourWarnings(warn)).toHaveLength(1);
    expect(String(ourWarnings(warn)[0]![0])).toContain('following page changes failed');

    add('later', 'Later, Kenya.');
    await vi.waitFor(() => expect(marks()).toEqual(['a:GDPR', 'p1:MiCA', 'later:Kenya']));
    add('p2', 'Poisoned GDPR again.', true);
    document.getElementById('a')!.remove();
    await vi.waitFor(() => expect(marks()).toEqual(['p1:MiCA', 'later:Kenya', 'p2:GDPR']));
    await lens.idle();
    expect(ourWarnings(warn)).toHaveLength(1);
    expect(lens.pageStats()).toMatchObject({ mentions: 3, painted: 3 });
  });
});

describe('the pump', () => {
  it('a paint that throws at the end of a slice neither stops the queued jobs nor escapes; reported once', async () => {
    const log = vi.fn();
    const reporter = createReporter(log);
    let t = 0;
    let paints = 0;
    let open = false;
    const pump = new Pump({
      budgetMs: 8,
      // Every call moves the clock by 3 ms: each job step below fills a slice.
      now: () => (t += 3),
      alive: () => open,
      afterSlice: () => {
        paints++;
        if (paints <= 2) throw new Error('painting failed');
      },
      report: reporter.report,
    });
    const ran: number[] = [];
    // Queued while the pump may not run, then run together: several slices, the first two paints failing.
    for (let i = 0; i < 5; i++) pump.add({ step: () => ran.push(i) > 0 });
    expect(ran).toEqual([]);
    open = true;
    pump.add({ step: () => ran.push(5) > 0 });
    await pump.idle();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
    expect(paints).toBeGreaterThanOrEqual(3);
    expect(reporter.failures).toBe(2);
    expect(log).toHaveBeenCalledTimes(1);
  });
});

describe('the reporter', () => {
  it('logs each distinct failure once, with the extension prefix, and stops logging new ones past its limit', () => {
    const log = vi.fn();
    const r = createReporter(log);
    r.report('painting', new Error('a'));
    r.report('painting', new Error('a'));
    r.report('painting', new TypeError('a'));
    r.report('detection', new Error('a'));
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      '[regulatory-lens] painting failed (reported once; the rest goes on):',
      '[regulatory-lens] painting failed (reported once; the rest goes on):',
      '[regulatory-lens] detection failed (reported once; the rest goes on):',
    ]);
    for (let i = 0; i < 200; i++) r.report('detection', new Error(`offset ${i}`));
    expect(log).toHaveBeenCalledTimes(50);
    expect(r.failures).toBe(204);
  });
});
