/**
 * A text scanned in parts finds what one scan of the whole text finds: each part is scanned with
 * margins (MARGIN_CHARS of text on each side, read for context only) and the page-level totals of the
 * other parts, and is scanned again when the checks it handed back fail against the final totals. This is
 * what the content script does over a page (page/scan.ts); here the parts are windows of one text,
 * cut anywhere at a word, scanned in any order.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { htmlToText } from '../../core/detect/documents';
import { buildLexicon } from '../../core/detect/lexicon';
import { compileMatcher, type Detection } from '../../core/detect/matcher';
import { MARGIN_CHARS, MAX_NAME_CHARS, NO_TOTALS, type EvidenceItem, type PageTotals } from '../../core/detect/page-level';
import { FIXTURES } from '../fixtures/scoring';

const lexicon = buildLexicon(loadDataset());
const matcher = compileMatcher(lexicon);

const key = (d: Detection) =>
  `${d.kind}:${d.id} ${d.start}-${d.end} ${d.confidence}${d.candidates ? ` [${d.candidates.map((c) => c.id).join('|')}]` : ''}`;

/** Cut positions near every `size` characters, each at the start of a word. */
function cuts(text: string, size: number): number[] {
  const out = [0];
  for (let p = size; p < text.length; p += size) {
    let q = p;
    while (q > out[out.length - 1]! + 1 && !(/\s/.test(text[q - 1]!) && !/\s/.test(text[q]!))) q--;
    if (q > out[out.length - 1]!) out.push(q);
  }
  out.push(text.length);
  return out;
}

function sum(lists: EvidenceItem[][]): PageTotals {
  const t = {
    jurisdictions: new Map<string, number>(),
    frameworks: new Map<string, number>(),
    technologies: new Map<string, number>(),
    words: new Map<string, number>(),
  };
  for (const list of lists) for (const i of list) t[i.kind].set(i.id, (t[i.kind].get(i.id) ?? 0) + i.weight);
  return t;
}

/** Scans `text` in parts ending at `bounds`, in `order`, then again the parts whose checks fail, until none does. */
function scanInParts(text: string, bounds: number[], order: number[]) {
  const n = bounds.length - 1;
  const evidence: EvidenceItem[][] = Array.from({ length: n }, () => []);
  const checks: Array<Array<(t: PageTotals) => boolean>> = Array.from({ length: n }, () => []);
  const found: Detection[][] = Array.from({ length: n }, () => []);
  const scanPart = (i: number) => {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    let from = Math.max(0, start - MARGIN_CHARS);
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
    const to = Math.min(text.length, end + MARGIN_CHARS);
    checks[i] = [];
    const rest = sum(evidence.filter((_, k) => k !== i));
    found[i] = matcher
      .scan(text.slice(from, to), {
        page: {
          own: { start: start - from, end: end - from },
          rest,
          evidence: (items) => (evidence[i] = items),
          depends: (c) => checks[i]!.push(c),
        },
      })
      .map((d) => ({ ...d, start: d.start + from, end: d.end + from }));
  };
  for (const i of order) scanPart(i);
  let rescans = 0;
  for (let round = 0; round < 4; round++) {
    const totals = sum(evidence);
    const stale = order.filter((i) => checks[i]!.some((c) => !c(totals)));
    if (!stale.length) break;
    rescans += stale.length;
    for (const i of stale) scanPart(i);
  }
  return { detections: found.flat().sort((a, b) => a.start - b.start), rescans };
}

function fixtureTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const dir of [join(FIXTURES, 'pages'), join(FIXTURES, 'articles'), '/work/shared/fixtures/pages']) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.html')) out.push([f, htmlToText(readFileSync(join(dir, f), 'utf8'))]);
      else if (f.endsWith('.txt')) out.push([f, readFileSync(join(dir, f), 'utf8')]);
    }
  }
  return out;
}

describe('a text scanned in parts', () => {
  const texts = fixtureTexts();

  it('finds exactly what one scan of the whole text finds, whatever the cuts and the order, on every fixture', { timeout: 60_000 }, () => {
    expect(texts.length).toBeGreaterThanOrEqual(17);
    let parts = 0;
    let rescans = 0;
    for (const [name, text] of texts) {
      const whole = matcher.scan(text).map(key);
      for (const size of [300, 2_000, 16_000]) {
        const bounds = cuts(text, size);
        const forward = [...Array(bounds.length - 1).keys()];
        // Forward, backward, and from the middle on (as the viewport puts the middle of a page first).
        const mid = forward.length >> 1;
        for (const order of [forward, [...forward].reverse(), [...forward.slice(mid), ...forward.slice(0, mid)]]) {
          const r = scanInParts(text, bounds, order);
          expect(r.detections.map(key), `${name}, parts of ${size}, order ${order.slice(0, 3).join(',')}...`).toEqual(whole);
          parts += order.length;
          rescans += r.rescans;
        }
      }
    }
    // Most parts need no second scan: page-level answers rarely change once the rest is read.
    expect(rescans).toBeLessThan(parts / 10);
  });

  it('finds a name cut in two once, by the part its first character is in, at its offsets in the whole text', () => {
    const text = 'In Europe the rules of the General Data Protection Regulation apply to every controller here.';
    const cut = text.indexOf('Protection');
    const r = scanInParts(text, [0, cut, text.length], [1, 0]);
    const gdpr = r.detections.filter((d) => d.id === 'gdpr');
    expect(gdpr).toHaveLength(1);
    expect(gdpr[0]!.start).toBe(text.indexOf('General'));
    expect(text.slice(gdpr[0]!.start, gdpr[0]!.end)).toBe('General Data Protection Regulation');
    expect(r.detections.map(key)).toEqual(matcher.scan(text).map(key));
  });

  it('takes page-level context from the rest of the page, beyond its margins, and says which answers relied on it', () => {
    const filler = ' Nothing else is said in this sentence about the matter.'.repeat(40);
    const named = 'Microsoft complies with the EU-U.S. Data Privacy Framework.';
    const acronym = ' Complaints under the DPF go to an independent body.';
    const text = named + filler + acronym;
    expect(text.indexOf('DPF') - named.length).toBeGreaterThan(2 * MARGIN_CHARS);
    // The whole text: the acronym is proven by its framework, named far above.
    expect(
      matcher
        .scan(text)
        .filter((d) => d.text === 'DPF')
        .map((d) => d.id),
    ).toEqual(['eu-us-dpf']);

    const start = text.indexOf(acronym);
    const part = text.slice(start - MARGIN_CHARS);
    const own = { start: MARGIN_CHARS, end: part.length };
    const checks: Array<(t: PageTotals) => boolean> = [];
    let items: EvidenceItem[] = [];
    // Alone, the part cannot prove the acronym: it is dropped, and the answer is handed back as a check...
    const alone = matcher.scan(part, { page: { own, rest: NO_TOTALS, evidence: (e) => (items = e), depends: (c) => checks.push(c) } });
    expect(alone.filter((d) => d.text === 'DPF')).toEqual([]);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c(NO_TOTALS))).toBe(true);
    // ...that fails once the page's totals hold the framework's name,
    let named0: EvidenceItem[] = [];
    matcher.scan(named, { page: { rest: NO_TOTALS, evidence: (e) => (named0 = e), depends() {} } });
    expect(named0).toContainEqual({ kind: 'frameworks', id: 'eu-us-dpf', weight: 1, start: text.indexOf('EU-U.S.') });
    const page = sum([named0, items]);
    expect(checks.every((c) => c(page))).toBe(false);
    // and with the rest of the page, the part finds it where the whole text does.
    const withRest = matcher.scan(part, { page: { own, rest: sum([named0]), evidence() {}, depends() {} } });
    expect(withRest.filter((d) => d.text === 'DPF').map((d) => [d.id, d.start + start - MARGIN_CHARS])).toEqual([
      ['eu-us-dpf', text.lastIndexOf('DPF')],
    ]);
  });

  it('reads an acronym in shouting text as a word when the rest of the page writes that word in lower case', () => {
    const far = ' Nothing else is said in this sentence about the matter.'.repeat(40);
    const text = `CONTACT US${far} Write to us.`;
    expect(matcher.scan(text).filter((d) => d.text === 'US')).toEqual([]);
    const bounds = [0, text.indexOf(far) + far.length - 200, text.length];
    expect(scanInParts(text, bounds, [0, 1]).detections.map(key)).toEqual(matcher.scan(text).map(key));
    expect(scanInParts(text, bounds, [1, 0]).detections.map(key)).toEqual(matcher.scan(text).map(key));
  });

  it('with its own range the whole text and nothing else on the page, finds what a plain scan finds', () => {
    for (const [name, text] of texts.slice(0, 8)) {
      expect(matcher.scan(text, { page: { rest: NO_TOTALS, evidence() {}, depends() {} } }).map(key), name).toEqual(
        matcher.scan(text).map(key),
      );
    }
  });

  it('has margins wide enough for the dataset: the longest name fits in MAX_NAME_CHARS', () => {
    const longest = Math.max(...lexicon.entries.map((e) => e.term.length));
    expect(longest).toBeLessThanOrEqual(MAX_NAME_CHARS);
  });
});
