// @vitest-environment happy-dom
/**
 * The page scanned in segments: long units cut into windows, segments scanned with margins and
 * against the rest of the page, in any order and however the slices fall. What a full scan finds must be
 * what one scan of the page's whole text finds (`findMentions`, the CLI's way), each mention once.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { buildLexicon } from '../../core/detect/lexicon';
import { compileMatcher } from '../../core/detect/matcher';
import type { Painter } from '../../page/highlights';
import { findMentions, type Mention, type Unit } from '../../page/mentions';
import { ScanJob, type ScanEnv } from '../../page/scan';
import { ScanPace, SEGMENT_CHARS } from '../../page/scan-pace';
import { MentionStore } from '../../page/store';
import { cutPoint } from '../../page/units';
import { FIXTURES } from '../fixtures/scoring';

const matcher = compileMatcher(buildLexicon(loadDataset()));

const key = (m: Mention) => {
  const d = m.detection;
  return `${d.kind}:${d.id} ${d.confidence}${d.candidates ? ` [${d.candidates.map((c) => c.id).join('|')}]` : ''} "${d.text}" at ${pathOf(m.startNode)}:${m.startOffset}-${pathOf(m.endNode)}:${m.endOffset}`;
};
const pathOf = (n: Node): string => {
  const out: number[] = [];
  for (let c: Node | null = n; c?.parentNode; c = c.parentNode) out.push([...c.parentNode.childNodes].indexOf(c as ChildNode));
  return out.reverse().join('.');
};

type Order = 'document' | 'reversed' | 'from the middle';

/**
 * Runs a full scan job to the end: in document order or another, on a clock that lets each step do all
 * (`tick` 0) or moves `tick` ms at every third look (slices end after a segment or two).
 */
function fullScan(order: Order = 'document', tick = 0, store = newStore()) {
  let t = 0;
  let looks = 0;
  const env: ScanEnv = {
    matcher,
    store,
    painterFor: () => ({ restoreWithin() {} }) as unknown as Painter,
    discoveries: {},
    now: () => (t += ++looks % 3 === 0 ? tick : 0),
    counters: { units: 0, textNodes: 0, chars: 0, rescannedChars: 0 },
    // Segments of SEGMENT_CHARS until a run is timed, as the cuts these tests make assume.
    pace: new ScanPace(0),
    report: (_where, e) => {
      throw e;
    },
  };
  const reorder = (us: Unit[]) =>
    order === 'reversed' ? [...us].reverse() : [...us.slice(us.length >> 1), ...us.slice(0, us.length >> 1)];
  const job = new ScanJob(env, document, [document], { full: true, stamp: 1, order: order === 'document' ? undefined : reorder });
  let steps = 1;
  while (!job.step(tick ? t + 5 : Infinity)) steps++;
  return {
    store,
    steps,
    keys: store
      .where(() => true)
      .map(key)
      .sort(),
  };
}

function newStore() {
  return new MentionStore({
    kinds: { framework: true, jurisdiction: true, technology: true, citation: true },
    density: { framework: 'every', jurisdiction: 'every', technology: 'every', citation: 'every' },
  });
}

const wholeText = () => findMentions(document.body, matcher).map(key).sort();

function load(html: string): void {
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>[\s\S]*$/i, '');
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('windows of a long text', () => {
  it('end after a sentence in the last quarter, else at the start of a word, never in a run of whitespace', () => {
    const text = 'First sentence here. Second one follows   with   gaps and words';
    expect(cutPoint(text, 0, 30)).toBe(text.indexOf('Second'));
    const noSentence = 'alpha beta   gamma delta epsilon zeta';
    const p = cutPoint(noSentence, 0, 16);
    expect(noSentence.slice(p)).toBe('gamma delta epsilon zeta');
    expect(/\s/.test(noSentence[p - 1]!) && !/\s/.test(noSentence[p]!)).toBe(true);
    // Near the end: the rest of the text.
    expect(cutPoint(text, 40, 100)).toBe(text.length);
    // No whitespace at all: at the size, never between the halves of a surrogate pair.
    const emoji = 'x'.repeat(9) + '\u{1f600}' + 'y'.repeat(20);
    expect(cutPoint(emoji, 0, 10)).toBe(11);
    expect(cutPoint('z'.repeat(50), 0, 10)).toBe(10);
  });

  it('a 100,000-character text node is scanned in windows, over many slices, and each mention is found once at its offsets', () => {
    const sentence = 'Providers in Kenya must follow the GDPR when blockchain data crosses borders. ';
    let text = sentence.repeat(Math.floor((SEGMENT_CHARS * 0.7) / sentence.length));
    // A name across the first cut: words without a sentence end up to it, the name starting just before it.
    const padTo = SEGMENT_CHARS - 10 - 'the '.length;
    while (text.length + 5 <= padTo) text += 'word ';
    text += `${'x'.repeat(padTo - text.length - 1)} the General Data Protection Regulation applies. `;
    text += sentence.repeat(Math.ceil((100_000 - text.length) / sentence.length));
    const cut = cutPoint(text, 0, SEGMENT_CHARS);
    const name = text.indexOf('General Data Protection Regulation');
    expect(name).toBeLessThan(cut);
    expect(name + 'General Data Protection Regulation'.length).toBeGreaterThan(cut);

    document.body.innerHTML = '<p id="before">Before it, the GDPR.</p><div id="wall"></div><p id="after">After it, Kenya.</p>';
    const wall = document.getElementById('wall')!;
    wall.append(document.createTextNode(text));
    const { store, steps, keys } = fullScan('document', 6);
    // One window per slice, about: never the whole node in one.
    expect(steps).toBeGreaterThanOrEqual(Math.floor(text.length / SEGMENT_CHARS));
    expect(keys).toEqual(wholeText());
    expect(new Set(keys).size).toBe(keys.length);
    const inWall = store.where((m) => m.startNode.parentNode === wall);
    expect(inWall.length).toBe(3 * Math.floor(text.split(sentence).length - 1) + 1);
    for (const m of inWall) expect(m.startNode.data.slice(m.startOffset, m.endOffset)).toBe(m.detection.text);
    expect(inWall.filter((m) => m.startOffset === name).map((m) => [m.detection.id, m.detection.text])).toEqual([
      ['gdpr', 'General Data Protection Regulation'],
    ]);
  });
});

describe('a full scan of a real page', () => {
  const dirs = [join(FIXTURES, 'pages'), '/work/shared/fixtures/pages'].filter((d) => existsSync(d));
  const pages = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, join(d, f)] as const),
  );

  it('finds what one scan of the whole page finds, in any order and however it is sliced', { timeout: 60_000 }, () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const [name, file] of pages) {
      load(readFileSync(file, 'utf8'));
      const whole = wholeText();
      for (const [order, tick] of [
        ['document', 0],
        ['reversed', 2],
        ['from the middle', 6],
      ] as const) {
        expect(fullScan(order, tick).keys, `${name}, ${order}, tick ${tick}`).toEqual(whole);
      }
    }
  });

  it('gathers the page-level evidence of the whole page, and drops it with the text it came from', () => {
    load(readFileSync(join(FIXTURES, 'pages', 'ota-microsoft-copilot-privacy.html'), 'utf8'));
    const store = newStore();
    fullScan('reversed', 2, store);
    const totals = store.evidence.totals;
    expect(totals.jurisdictions.get('eu')).toBeGreaterThan(10);
    expect(totals.frameworks.get('eu-us-dpf')).toBeGreaterThan(0);
    const nodes = store.evidence.size;
    expect(nodes).toBeGreaterThan(0);
    // Scanning it again replaces, it does not add.
    const before = new Map(totals.jurisdictions);
    fullScan('document', 0, store);
    expect(new Map(store.evidence.totals.jurisdictions)).toEqual(before);
    document.body.innerHTML = '';
    store.pruneDetached();
    expect(store.evidence.size).toBe(0);
    expect(store.evidence.totals.jurisdictions.size).toBe(0);
  });
});

describe('context from elsewhere on the page', () => {
  const filler = '<p>Nothing else is said in this paragraph about the matter, at some length, to keep it far away.</p>'.repeat(40);
  const acronym = '<p id="dpf">Complaints under the DPF go to an independent body.</p>';
  const named = '<p id="named">Microsoft complies with the EU-U.S. Data Privacy Framework.</p>';
  const dpf = (store: MentionStore) => store.where((m) => m.detection.text === 'DPF').map((m) => m.detection.id);

  it('a shared acronym read before the name that proves it, far below, is found once the rest is read', () => {
    document.body.innerHTML = acronym + filler + named;
    expect(findMentions(document.body, matcher).filter((m) => m.detection.text === 'DPF')).toHaveLength(1);
    for (const order of ['document', 'reversed', 'from the middle'] as const)
      expect(dpf(fullScan(order, 2).store), order).toEqual(['eu-us-dpf']);
  });

  it('follows the page: the name added later makes the acronym a mention; removed, it is dropped again', () => {
    document.body.innerHTML = acronym + filler;
    const store = newStore();
    fullScan('document', 0, store);
    expect(dpf(store)).toEqual([]);
    const env = jobEnv(store);
    // A paragraph added below: a change scan of that block alone, which also settles the rest of the page.
    document.body.insertAdjacentHTML('beforeend', named);
    runJob(new ScanJob(env, document, [document.getElementById('named')!], { full: false, stamp: 2 }));
    expect(dpf(store)).toEqual(['eu-us-dpf']);
    // Removed: its evidence goes with it, and settling drops the acronym.
    document.getElementById('named')!.remove();
    store.pruneDetached();
    runJob(ScanJob.settling(env, document));
    expect(dpf(store)).toEqual([]);
  });
});

describe('the store, for windows and large pages', () => {
  it('finds the mentions of a range of a long text node, and hands the painter a bounded diff, removals first', () => {
    const text = 'GDPR in Kenya. '.repeat(2_000);
    document.body.innerHTML = '<p id="p"></p>';
    document.getElementById('p')!.append(document.createTextNode(text));
    const store = new MentionStore({
      kinds: { framework: true, jurisdiction: true, technology: true, citation: true },
      density: { framework: 'every', jurisdiction: 'first', technology: 'first', citation: 'every' },
    });
    fullScan('document', 0, store);
    const node = document.getElementById('p')!.firstChild as Text;
    const range = store.inRange(node, 10_000, 20_000);
    expect(range.length).toBe(store.where((m) => m.startOffset >= 10_000 && m.startOffset < 20_000).length);
    expect(range.every((m) => m.startOffset >= 10_000 && m.startOffset < 20_000)).toBe(true);
    expect(store.inRange(node, 0, Infinity)).toHaveLength(store.size);

    // Every GDPR and the first Kenya are to be painted; none is shown yet.
    const painted = 2_001;
    expect(store.pendingPaint).toBe(painted);
    expect(store.shownCount).toBe(0);
    const first = store.takeDiff(1_500);
    expect([first.add.length, first.remove.length]).toEqual([1_500, 0]);
    expect(store.shownCount).toBe(1_500);
    store.remove(first.add.filter((m) => m.detection.id === 'gdpr').slice(0, 10));
    const second = store.takeDiff(100);
    expect([second.remove.length, second.add.length]).toEqual([10, 90]);
    expect(store.takeDiff().add).toHaveLength(painted - 1_500 - 90);
    expect([store.pendingPaint, store.shownCount]).toEqual([0, painted - 10]);
  });
});

function jobEnv(store: MentionStore): ScanEnv {
  return {
    matcher,
    store,
    painterFor: () => ({ restoreWithin() {} }) as unknown as Painter,
    discoveries: {},
    now: () => 0,
    counters: { units: 0, textNodes: 0, chars: 0, rescannedChars: 0 },
    // Segments of SEGMENT_CHARS until a run is timed, as the cuts these tests make assume.
    pace: new ScanPace(0),
    report: (_where, e) => {
      throw e;
    },
  };
}

function runJob(job: ScanJob): void {
  while (!job.step(Infinity));
}
