/**
 * Reliability and security, in a real browser: generated and real pages come out of a scan, a
 * switch-off and a re-enable byte for byte as they went in; hostile pages keep working while the
 * extension recovers or stays quiet; one failing part does not stop the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { BLOCK_BREAK } from '../../core/detect/extract';
import { buildLexicon } from '../../core/detect/lexicon';
import { compileMatcher } from '../../core/detect/matcher';
import { bundledDataset } from './dataset';
import { expect, test } from './fixtures';
import { loadNote, machineContended, taskLimit } from './machine';
import {
  HIGHLIGHTS,
  pageRequest,
  pageStats,
  paintedTexts,
  pointAt,
  resetSettings,
  scanned,
  setSettings,
  totalHighlights,
} from './inpage-support';
import { fuzzFrame, fuzzPage, serializeDocument } from './reliability-support';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/pages');
const DOMS = 200;
const PER_PAGE = 10;
const TABS_AT_ONCE = 5;

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

/** Serves generated pages and the fixture pages under /reliability/ on the test server's origin; nothing leaves the machine. */
async function routeGenerated(context: BrowserContext, origin: string): Promise<() => Promise<void>> {
  const handler = async (route: import('@playwright/test').Route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) return route.abort();
    let m = /^\/reliability\/fuzz-(\d+)\.html$/.exec(url.pathname);
    if (m) {
      const first = Number(m[1]) * PER_PAGE;
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: fuzzPage(Array.from({ length: PER_PAGE }, (_, i) => first + i)),
      });
    }
    if (url.pathname === '/reliability/fuzz-frame.html')
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: fuzzFrame(Number(url.searchParams.get('seed'))) });
    m = /^\/reliability\/fixture\/([\w-]+\.html)$/.exec(url.pathname);
    if (m) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, m[1]!)) });
    return route.continue();
  };
  const matcher = (u: URL) =>
    u.pathname.startsWith('/reliability/fuzz') || u.pathname.startsWith('/reliability/fixture/') || !u.href.startsWith(origin);
  await context.route(matcher, handler);
  return () => context.unroute(matcher, handler);
}

const serialize = (page: Page) => page.evaluate(`(${serializeDocument.toString()})(document)`) as Promise<string>;

/**
 * Every painted range, exactly: highlight, start and end as node paths (through shadow roots) and offsets,
 * in the page and its same-origin frames; sorted, so that two scans of the same page compare equal.
 */
function paintedRanges(page: Page): Promise<string[]> {
  return page.evaluate(
    (names) => {
      const path = (n: Node): string => {
        const out: Array<number | string> = [];
        for (let cur: Node | null = n; cur;) {
          const parent: Node | null = cur.parentNode;
          if (!parent) {
            if (cur instanceof ShadowRoot) {
              out.push('#');
              cur = cur.host;
              continue;
            }
            break;
          }
          out.push(Array.prototype.indexOf.call(parent.childNodes, cur));
          cur = parent;
        }
        return out.reverse().join('.');
      };
      const docs: Document[] = [document];
      for (const f of document.querySelectorAll('iframe')) {
        try {
          if (f.contentDocument) docs.push(f.contentDocument);
        } catch {
          // cross-origin: not ours to read
        }
      }
      const out: string[] = [];
      docs.forEach((d, i) => {
        const win = d.defaultView as (Window & typeof globalThis) | null;
        for (const name of names) {
          for (const r of (win?.CSS.highlights.get(name) ?? []) as Iterable<StaticRange>)
            out.push(`${i} ${name} ${path(r.startContainer)}:${r.startOffset} ${path(r.endContainer)}:${r.endOffset}`);
        }
      });
      return out.sort();
    },
    [...HIGHLIGHTS],
  );
}

/** Which generated sections (by seed) hold at least one painted range, and the ranges painted in the frame. */
function paintedSections(page: Page): Promise<{ sections: string[]; frame: number; shadow: number }> {
  return page.evaluate(
    (names) => {
      const seen = new Set<string>();
      let shadow = 0;
      for (const name of names) {
        for (const r of (CSS.highlights.get(name) ?? []) as Iterable<StaticRange>) {
          let el: Element | null = r.startContainer.parentElement;
          if (r.startContainer.getRootNode() instanceof ShadowRoot) shadow++;
          while (el && !el.closest('[data-fz]')) {
            const root = el.getRootNode();
            el = root instanceof ShadowRoot ? root.host : null;
          }
          const seed = el?.closest('[data-fz]')?.getAttribute('data-fz');
          if (seed) seen.add(seed);
        }
      }
      const win = document.querySelector('iframe')?.contentWindow as (Window & typeof globalThis) | null;
      const frame = names.reduce((n, name) => n + (win?.CSS.highlights.get(name)?.size ?? 0), 0);
      return { sections: [...seen].sort((a, b) => Number(a) - Number(b)), frame, shadow };
    },
    [...HIGHLIGHTS],
  );
}

/** Every section and the frame painted; resolves to the ranges painted inside shadow roots. */
async function allPainted(page: Page, seeds: string[]): Promise<number> {
  let shadow = 0;
  await expect
    .poll(
      async () => {
        const p = await paintedSections(page);
        shadow = p.shadow;
        return { sections: p.sections, frame: p.frame > 0 };
      },
      { timeout: 15_000 },
    )
    .toEqual({ sections: seeds, frame: true });
  return shadow;
}

test.describe('DOM integrity', () => {
  test(`${DOMS} generated DOMs: byte-identical after the scan, after switching off and after re-enabling, every one painted, and painted the same again`, async ({
    extContext,
    server,
    serviceWorker,
  }) => {
    test.setTimeout(120_000);
    const unroute = await routeGenerated(extContext, server.url);
    const pages = DOMS / PER_PAGE;
    let fuzzed = 0;
    let inShadows = 0;
    for (let first = 0; first < pages; first += TABS_AT_ONCE) {
      const batch = Array.from({ length: Math.min(TABS_AT_ONCE, pages - first) }, (_, i) => first + i);
      const tabs = await Promise.all(batch.map(() => extContext.newPage()));
      const seeds = batch.map((p) => Array.from({ length: PER_PAGE }, (_, i) => String(p * PER_PAGE + i)));
      await Promise.all(tabs.map((t, i) => t.goto(`${server.url}/reliability/fuzz-${batch[i]}.html`)));
      const before: string[] = [];
      const ranges: string[][] = [];
      for (const [i, t] of tabs.entries()) {
        // The parser's own body (taken by the page's inline script, before any extension code could run).
        const parsed = await t.evaluate(() => (window as unknown as { __fzBody: string }).__fzBody);
        await expect.poll(() => t.evaluate(() => document.querySelector('iframe')?.contentDocument?.readyState)).toBe('complete');
        before.push(await serialize(t));
        expect(before[i]!.startsWith(parsed), `page ${batch[i]}: body as parsed`).toBe(true);
        await scanned(serviceWorker, t);
        inShadows += await allPainted(t, seeds[i]!);
        ranges.push(await paintedRanges(t));
        expect(await serialize(t), `page ${batch[i]} (seeds ${seeds[i]![0]}..): after the scan`).toBe(before[i]);
      }
      await setSettings(serviceWorker, { enabled: false });
      for (const [i, t] of tabs.entries()) {
        await expect.poll(() => totalHighlights(t)).toBe(0);
        expect(await serialize(t), `page ${batch[i]}: after switching off`).toBe(before[i]);
      }
      await setSettings(serviceWorker, { enabled: true });
      for (const [i, t] of tabs.entries()) {
        await allPainted(t, seeds[i]!);
        // The very same ranges painted again: a scan's result does not depend on its slicing or order.
        await expect
          .poll(() => paintedRanges(t), { timeout: 15_000, message: `page ${batch[i]}: painted differently after re-enabling` })
          .toEqual(ranges[i]);
        expect(await serialize(t), `page ${batch[i]}: after re-enabling`).toBe(before[i]);
        fuzzed += PER_PAGE;
      }
      await Promise.all(tabs.map((t) => t.close()));
    }
    await unroute();
    expect(fuzzed).toBe(DOMS);
    // Open shadow roots were painted, not skipped.
    expect(inShadows).toBeGreaterThan(0);
    console.log(
      `[reliability] DOM fuzz: ${fuzzed} generated DOMs on ${pages} pages (+${pages} frames), all painted (${inShadows} ranges in shadow roots), all byte-identical`,
    );
  });

  test('every fixture page: byte-identical after the scan, after switching off and after re-enabling, and painted the same again', async ({
    extContext,
    page,
    server,
    serviceWorker,
  }) => {
    test.setTimeout(60_000);
    const unroute = await routeGenerated(extContext, server.url);
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(0);
    const painted: Record<string, number> = {};
    for (const f of files) {
      await resetSettings(serviceWorker);
      await page.goto(`${server.url}/reliability/fixture/${f}`);
      const before = await serialize(page);
      await scanned(serviceWorker, page);
      painted[f] = await totalHighlights(page);
      const ranges = await paintedRanges(page);
      expect(ranges).toHaveLength(painted[f]);
      expect(await serialize(page), `${f}: after the scan`).toBe(before);
      await setSettings(serviceWorker, { enabled: false });
      await expect.poll(() => totalHighlights(page)).toBe(0);
      expect(await serialize(page), `${f}: after switching off`).toBe(before);
      await setSettings(serviceWorker, { enabled: true });
      // Painted again, range for range (shared names resolved from context, such as "DPF" on the Microsoft
      // page, once came out differently: the first scan and the re-scan cut the page at other places).
      await expect
        .poll(() => paintedRanges(page), { timeout: 15_000, message: `${f}: painted differently after re-enabling` })
        .toEqual(ranges);
      expect(await serialize(page), `${f}: after re-enabling`).toBe(before);
    }
    await unroute();
    // Policy-dense documents: most of them name something the dataset knows.
    expect(Object.values(painted).filter((n) => n > 0).length).toBeGreaterThanOrEqual(Math.ceil(files.length / 2));
    console.log(`[reliability] fixture pages: ${JSON.stringify(painted)}`);
  });
});

const cardOf = (page: Page, id: string) => page.locator(`reg-lens-card .rl-card[data-id="${id}"]`);

async function reveal(sw: Worker, page: Page, kind: 'framework' | 'jurisdiction' | 'technology', id: string) {
  const res = await pageRequest(sw, page.url(), { type: 'revealMention', kind, id });
  expect(res).toEqual({ ok: true, value: null });
}

test.describe('hostile pages', () => {
  test("strict CSP (default-src 'none'): painted, and the card opens styled; the page's policy is untouched", async ({
    extContext,
    page,
    server,
    serviceWorker,
  }) => {
    const url = `${server.url}/reliability/csp.html`;
    const handler = async (route: import('@playwright/test').Route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': "default-src 'none'" } });
    };
    await extContext.route(url, handler);
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    const res = await page.goto(url);
    expect(res?.headers()['content-security-policy']).toBe("default-src 'none'");
    const before = await serialize(page);
    const stats = await scanned(serviceWorker, page);
    expect(stats.painted).toBeGreaterThan(0);
    expect(await totalHighlights(page)).toBeGreaterThan(0);
    await reveal(serviceWorker, page, 'framework', 'gdpr');
    await expect(cardOf(page, 'gdpr')).toBeVisible();
    // Styled by the extension's own sheet despite style-src 'none': a fixed, opaque box, not bare text.
    const style = await cardOf(page, 'gdpr').evaluate((el) => {
      const s = getComputedStyle(el.closest('.rl-floating')!);
      return { position: s.position, background: getComputedStyle(el).backgroundColor };
    });
    expect(style.position).toBe('fixed');
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(await serialize(page)).toBe(before);
    expect(violations, 'the extension triggered no CSP violation').toEqual([]);
    await extContext.unroute(url, handler);
  });

  test('overridden Array.prototype.push/map, Node.prototype.appendChild and window.CSS do not reach the content script', async ({
    page,
    server,
    serviceWorker,
  }) => {
    await page.goto(`${server.url}/reliability/prototypes.html`);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Everything below goes through the extension (pageStats, revealMention) or Playwright's own world:
    // the page's main world stays poisoned until the end.
    const stats = await scanned(serviceWorker, page);
    expect(stats.painted).toBeGreaterThan(0);
    await reveal(serviceWorker, page, 'framework', 'gdpr');
    await expect(cardOf(page, 'gdpr')).toBeVisible();
    // The page's own work goes on.
    const tick = Number(await page.locator('#tick').textContent());
    await expect.poll(async () => Number(await page.locator('#tick').textContent())).toBeGreaterThan(tick);
    // Unpoisoned only now, to read the page's side: the highlights sit in the real registry, and the
    // page's overrides were never called by the extension (its thousands of pushes ran on its own built-ins).
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __poison: boolean; __calls: Record<string, number>; __realCSS: typeof CSS };
      w.__poison = false;
      const names = ['reglens-framework', 'reglens-jurisdiction', 'reglens-technology'];
      return { calls: { ...w.__calls }, painted: names.reduce((n, k) => n + (w.__realCSS.highlights.get(k)?.size ?? 0), 0) };
    });
    expect(seen.painted).toBe(stats.painted);
    expect(seen.calls).toEqual({ push: 0, map: 0, appendChild: 0 });
    expect(errors).toEqual([]);
  });

  test('a 10 MB single text node: scanned in slices under 50 ms, every mention found as one scan of the whole text finds it, and the page answers afterwards', async ({
    page,
    server,
    serviceWorker,
  }) => {
    test.setTimeout(90_000);
    await page.goto(`${server.url}/reliability/big-text.html`);
    expect(await page.evaluate(() => (window as unknown as { __wallLength: number }).__wallLength)).toBe(10_485_760);
    const stats = await scanned(serviceWorker, page, 60_000);
    console.log(
      `[reliability] 10 MB text node: mentions ${stats.mentions}, painted ${stats.painted}, chunks ${stats.chunks}, longest chunk ${stats.longestChunkMs.toFixed(1)} ms, ` +
        `lexicon ${(stats.lexiconReceived! - stats.scriptStart).toFixed(0)} ms, matcher ${(stats.matcherReady! - stats.scriptStart).toFixed(0)} ms, first highlight ${(stats.firstHighlight! - stats.scriptStart).toFixed(0)} ms (chunk ${stats.firstHighlightChunk}), scan ${(stats.initialScanDone! - stats.scriptStart).toFixed(0)} ms, ${loadNote()}`,
    );
    // The long text is scanned in windows, a few per slice: no slice comes near 50 ms (the main-thread rule).
    expect(stats.longestChunkMs).toBeLessThan(taskLimit(50));
    // What the page's text holds, by the detection core in one scan of the whole text (the CLI's way): the
    // paragraphs around the wall and the wall itself, blocks joined as extraction joins them.
    const html = readFileSync(resolve(import.meta.dirname, '../pages/reliability/big-text.html'), 'utf8');
    const chunk = /var chunk = '([^']+)';/.exec(html)![1]!;
    const wall = chunk.repeat(Math.ceil(10_485_760 / chunk.length)).slice(0, 10_485_760);
    const [before, after] = await page.evaluate(() => ['before', 'after'].map((id) => document.getElementById(id)!.textContent!));
    const whole = compileMatcher(buildLexicon(bundledDataset())).scan([before, wall, after].join(BLOCK_BREAK));
    const expected = new Map<string, number>();
    for (const d of whole) expected.set(`${d.kind}:${d.id}`, (expected.get(`${d.kind}:${d.id}`) ?? 0) + 1);
    expect(whole.length).toBeGreaterThan(300_000);
    expect(stats.mentions).toBe(whole.length);
    const res = await pageRequest<{ mentions: Array<{ kind: string; id: string; count: number }> }>(serviceWorker, page.url(), {
      type: 'pageMentions',
    });
    expect(res.ok).toBe(true);
    const found = new Map(res.ok ? res.value.mentions.map((m) => [`${m.kind}:${m.id}`, m.count]) : []);
    expect(found).toEqual(expected);
    // Under the default density: every framework mention (the GDPR of each sentence), the first mention of
    // each jurisdiction and technology.
    const paintable = [...expected].reduce((n, [key, count]) => n + (key.startsWith('framework:') ? count : 1), 0);
    expect(stats.painted).toBe(paintable);
    const t0 = Date.now();
    expect(await page.evaluate(() => document.getElementById('wall')!.firstChild!.textContent!.length)).toBe(10_485_760);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  test('a page with 200,000 elements: scanned in slices, painted, the page still answers', async ({ page, server, serviceWorker }) => {
    test.setTimeout(60_000);
    await page.goto(`${server.url}/reliability/many-elements.html`);
    expect(await page.evaluate(() => (window as unknown as { __elements: number }).__elements)).toBeGreaterThan(200_000);
    const stats = await scanned(serviceWorker, page, 40_000);
    console.log(
      `[reliability] 200k elements: painted ${stats.painted}, text nodes ${stats.textNodes}, chunks ${stats.chunks}, longest chunk ${stats.longestChunkMs.toFixed(1)} ms, scan ${(stats.initialScanDone! - stats.scriptStart).toFixed(0)} ms`,
    );
    // 1 in the heading + 400 rows; framework density is "every".
    expect(stats.painted).toBe(401);
    expect(stats.longestChunkMs).toBeLessThan(taskLimit(100));
    await page.locator('a[href="#r19999"]').click();
    expect(page.url()).toContain('#r19999');
  });

  test('a storm of ~10,000 mutations a second for 10 s: no extension task over 50 ms, and the highlights catch up', async ({
    page,
    server,
    serviceWorker,
  }) => {
    test.setTimeout(60_000);
    await page.goto(`${server.url}/reliability/storm.html`);
    await scanned(serviceWorker, page);
    const before = await pageStats(serviceWorker, page);
    await page.evaluate(() => (window as unknown as { startStorm(ms: number): void }).startStorm(10_000));
    // Sampled during the storm, through the extension.
    let worstDuring = 0;
    await expect
      .poll(
        async () => {
          worstDuring = Math.max(worstDuring, (await pageStats(serviceWorker, page)).longestChunkMs);
          return page.evaluate(() => (window as unknown as { __storm: { running: boolean } }).__storm.running);
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toBe(false);
    const storm = await page.evaluate(() => (window as unknown as { __storm: { mutations: number; worstGapMs: number } }).__storm);
    // What is on the page after the storm, and what ends up painted: every GDPR and EU AI Act (density
    // "every"), plus the first Kenya and the first blockchain.
    const expected = await page.evaluate(() => {
      const t = document.body.innerText;
      return (t.match(/GDPR/g)?.length ?? 0) + (t.match(/EU AI Act/g)?.length ?? 0);
    });
    await expect.poll(async () => (await pageStats(serviceWorker, page)).painted, { timeout: 15_000 }).toBeGreaterThanOrEqual(expected);
    const after = await pageStats(serviceWorker, page);
    console.log(
      `[reliability] mutation storm: ${storm.mutations} mutations in 10 s, extension's longest task ${after.longestChunkMs.toFixed(1)} ms ` +
        `(sampled during: ${worstDuring.toFixed(1)} ms), chunks ${after.chunks - before.chunks} (over budget ${after.chunksOverBudget - before.chunksOverBudget}), ` +
        `${loadNote()}, full rescans ${after.fullScans - before.fullScans}, change scans ${after.changeScans - before.changeScans}, page's worst timer gap ${storm.worstGapMs.toFixed(0)} ms, painted ${after.painted} (expected >= ${expected})`,
    );
    expect(storm.mutations).toBeGreaterThanOrEqual(50_000);
    expect(after.longestChunkMs).toBeLessThan(taskLimit(50));
    // Slices stay slices: almost all of them within the 8 ms budget.
    expect(after.chunksOverBudget - before.chunksOverBudget).toBeLessThanOrEqual(Math.ceil((after.chunks - before.chunks) * 0.05));
    expect(after.fullScans - before.fullScans + after.changeScans - before.changeScans).toBeGreaterThan(0);
  });

  test('after a storm: the extension goes quiet, keeps no detached text, and its memory comes back', async ({
    page,
    server,
    serviceWorker,
  }) => {
    test.setTimeout(90_000);
    await page.goto(`${server.url}/reliability/storm.html`);
    await scanned(serviceWorker, page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    /** Main-thread time of the tab's renderer (page and content script alike) over `ms` of doing nothing. */
    const busyOver = async (ms: number) => {
      const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const a = await read();
      await page.waitForTimeout(ms);
      const b = await read();
      return { taskMs: (b.TaskDuration! - a.TaskDuration!) * 1000, scriptMs: (b.ScriptDuration! - a.ScriptDuration!) * 1000 };
    };
    /** The renderer's JS heap and its live DOM nodes (detached ones included) after full garbage collections. */
    const memory = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes } = await cdp.send('Memory.getDOMCounters');
      return { heapMb: usedSize / 2 ** 20, nodes };
    };
    const storm = async (ms: number) => {
      await page.evaluate((ms) => (window as unknown as { startStorm(ms: number): void }).startStorm(ms), ms);
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __storm: { running: boolean } }).__storm.running), {
          timeout: ms + 10_000,
          intervals: [500],
        })
        .toBe(false);
    };
    // A first, short storm warms up what is built once and kept (compiled code, the matcher's first runs on
    // such text: 0.8 MB measured, once; each later storm adds a few KB). What remains is what a storm leaves.
    await storm(1000);
    // Before: the page settled (no pageStats polling from here on: answering it is work too).
    await page.waitForTimeout(3000);
    const quietBefore = await busyOver(2000);
    const before = await memory();

    await storm(10_000);
    const expected = await page.evaluate(() => {
      const t = document.body.innerText;
      return (t.match(/GDPR/g)?.length ?? 0) + (t.match(/EU AI Act/g)?.length ?? 0);
    });
    await expect.poll(async () => (await pageStats(serviceWorker, page)).painted, { timeout: 15_000 }).toBeGreaterThanOrEqual(expected);
    // Some seconds after the storm (the debounced rescan long done), the tab is as quiet as it was before it.
    await page.waitForTimeout(3000);
    const quietAfter = await busyOver(2000);
    const after = await memory();
    const kept = await pageStats(serviceWorker, page);

    // No painted range is left on text the storm took out of the page...
    const stale = await page.evaluate(
      (names) => {
        let n = 0;
        for (const name of names)
          for (const r of (CSS.highlights.get(name) ?? []) as Iterable<StaticRange>)
            if (!r.startContainer.isConnected || !r.endContainer.isConnected) n++;
        return n;
      },
      [...HIGHLIGHTS, 'reglens-current'],
    );
    // ...and the store holds exactly what a fresh scan of the page finds (a stale mention keeps its node alive).
    await setSettings(serviceWorker, { enabled: false });
    await expect.poll(() => totalHighlights(page)).toBe(0);
    await setSettings(serviceWorker, { enabled: true });
    let fresh = kept;
    await expect
      .poll(
        async () => {
          fresh = await pageStats(serviceWorker, page);
          return { mentions: fresh.mentions, painted: fresh.painted };
        },
        { timeout: 15_000 },
      )
      .toEqual({ mentions: kept.mentions, painted: kept.painted })
      // Asserted below, once the figures are out.
      .catch(() => undefined);

    const contended = machineContended();
    const growthMb = after.heapMb - before.heapMb;
    const figures =
      `main thread over 2 s idle: before ${quietBefore.taskMs.toFixed(1)} ms (script ${quietBefore.scriptMs.toFixed(1)}), after ${quietAfter.taskMs.toFixed(1)} ms (script ${quietAfter.scriptMs.toFixed(1)}); ` +
      `JS heap after GC ${before.heapMb.toFixed(2)} -> ${after.heapMb.toFixed(2)} MB (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(2)}), DOM nodes ${before.nodes} -> ${after.nodes}; ` +
      `mentions kept ${kept.mentions}, fresh scan ${fresh.mentions}; stale ranges ${stale}; ${loadNote()}`;
    console.log(`[reliability] after the storm: ${figures}`);
    test.info().annotations.push({ type: 'after the storm', description: figures });

    expect(stale).toBe(0);
    expect({ mentions: kept.mentions, painted: kept.painted }).toEqual({ mentions: fresh.mentions, painted: fresh.painted });
    // Quiet: about 1 ms of main-thread work in 2 s before the storm, and no more after it. (A pump or a
    // rescan that never settles costs the whole 2 s; rescanning this page every 300 ms costs 30-70 ms.)
    // On a contended machine tasks stretch (preempted mid-task): a looser bound still catches a loop.
    expect(quietAfter.taskMs).toBeLessThan(contended ? 100 : 20);
    expect(quietAfter.taskMs).toBeLessThan(quietBefore.taskMs + (contended ? 50 : 10));
    // Memory: no growth beyond noise (1 MB, or 10% of the heap; keeping the storm's detached text costs
    // 18 MB and 40k nodes), and no DOM nodes kept alive: the page has exactly as many nodes as before the
    // storm, and every text node it replaced must be collectable.
    expect(growthMb).toBeLessThan(Math.max(1, before.heapMb * 0.1));
    expect(after.nodes).toBeLessThanOrEqual(before.nodes + 20);
  });

  test('infinite scroll: each new batch of articles is painted as it arrives', async ({ page, server, serviceWorker }) => {
    await page.goto(`${server.url}/reliability/infinite.html`);
    await scanned(serviceWorker, page);
    for (let round = 0; round < 6; round++) {
      await page.locator('#sentinel').scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 4000);
    }
    const articles = await page.evaluate(() => (window as unknown as { __articles: number }).__articles);
    expect(articles).toBeGreaterThanOrEqual(20);
    // Two frameworks per article, every mention painted.
    await expect
      .poll(async () => (await pageStats(serviceWorker, page)).painted)
      .toBe(2 * (await page.evaluate(() => (window as unknown as { __articles: number }).__articles)));
    expect((await pageStats(serviceWorker, page)).longestChunkMs).toBeLessThan(taskLimit(50));
  });

  test("a page that removes the extension's card host: the next card still opens", async ({ page, server, serviceWorker }) => {
    await page.goto(`${server.url}/reliability/ui-remover.html`);
    await scanned(serviceWorker, page);
    await reveal(serviceWorker, page, 'framework', 'gdpr');
    await expect(cardOf(page, 'gdpr')).toBeVisible();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { removeForeign(): number }).removeForeign())).toBe(1);
    await expect(page.locator('reg-lens-card')).toHaveCount(0);
    // By the page protocol...
    await reveal(serviceWorker, page, 'jurisdiction', 'ke');
    await expect(cardOf(page, 'ke')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(cardOf(page, 'ke')).toBeHidden();
    // ...and by hovering.
    const { x, y } = await pointAt(page, '#one', 'GDPR');
    await page.mouse.move(x, y);
    await expect(cardOf(page, 'gdpr')).toBeVisible();
  });
});

test.describe('failure isolation', () => {
  /** Runs one IndexedDB operation on the extension's dataset database, in the background. */
  const frameworksStore = <T>(sw: Worker, op: 'take' | 'put', id: string, record?: unknown) =>
    sw.evaluate(
      ({ op, id, record }) =>
        new Promise<unknown>((ok, fail) => {
          const req = indexedDB.open('regulatory-lens');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('frameworks', 'readwrite');
            const store = tx.objectStore('frameworks');
            let out: unknown;
            if (op === 'take') {
              const g = store.get(id);
              g.onsuccess = () => {
                out = g.result;
                store.delete(id);
              };
            } else store.put(record);
            tx.oncomplete = () => {
              db.close();
              ok(out);
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      { op, id, record },
    ) as Promise<T>;

  test('a card whose entity has gone from the database fails alone: logged once, hovering and other cards keep working', async ({
    page,
    server,
    serviceWorker,
  }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && m.text().includes('[regulatory-lens]') && warnings.push(m.text()));
    await page.goto(`${server.url}/reliability/isolation.html`);
    await scanned(serviceWorker, page);
    const gdpr = await frameworksStore<{ id: string }>(serviceWorker, 'take', 'gdpr');
    expect(gdpr.id).toBe('gdpr');
    try {
      const at = await pointAt(page, '#one', 'GDPR');
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => warnings.length).toBe(1);
      expect(warnings[0]).toContain('no card for');
      // The page is not left with a broken card...
      await expect(cardOf(page, 'gdpr')).toHaveCount(0);
      // ...and the next mention opens its card as usual.
      const ke = await pointAt(page, '#two', 'Kenya');
      await page.mouse.move(ke.x, ke.y);
      await expect(cardOf(page, 'ke')).toBeVisible();
      await page.keyboard.press('Escape');
      expect(warnings).toHaveLength(1);
    } finally {
      await frameworksStore(serviceWorker, 'put', 'gdpr', gdpr);
    }
    // The failure was not cached: with the record back, the same mention opens its card.
    await page.mouse.move(0, 0);
    const at = await pointAt(page, '#one', 'GDPR');
    await page.mouse.move(at.x, at.y);
    await expect(cardOf(page, 'gdpr')).toBeVisible();
  });

  /** Warnings the extension logged in the tab, and errors nobody caught (the content script's included). */
  function watchConsole(page: Page) {
    const warnings: string[] = [];
    const uncaught: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && m.text().includes('[regulatory-lens]') && warnings.push(m.text()));
    page.on('pageerror', (e) => uncaught.push(e.message));
    return { warnings, uncaught };
  }

  const hover = async (page: Page, selector: string, text: string) => {
    await page.mouse.move(0, 0);
    const at = await pointAt(page, selector, text);
    await page.mouse.move(at.x, at.y);
  };

  test('a card that throws while rendering (a damaged record) fails alone: reported once, closed; the next card opens', async ({
    page,
    server,
    serviceWorker,
  }) => {
    const { warnings, uncaught } = watchConsole(page);
    await page.goto(`${server.url}/reliability/isolation.html`);
    await scanned(serviceWorker, page);
    const gdpr = await frameworksStore<Record<string, unknown>>(serviceWorker, 'take', 'gdpr');
    // Past the schema, as a damaged database would hold it: the card's list of challenges is not a list.
    await frameworksStore(serviceWorker, 'put', 'gdpr', { ...gdpr, challenges: 42 });
    try {
      await hover(page, '#one', 'GDPR');
      await expect.poll(() => warnings.length).toBe(1);
      expect(warnings[0]).toContain('a card failed');
      await expect(cardOf(page, 'gdpr')).toHaveCount(0);
      await hover(page, '#two', 'Kenya');
      await expect(cardOf(page, 'ke')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(cardOf(page, 'ke')).toBeHidden();
      // The same card failing again is not reported again; and the one after it still opens.
      await hover(page, '#one', 'GDPR');
      await page.waitForTimeout(800);
      await hover(page, '#two', 'Kenya');
      await expect(cardOf(page, 'ke')).toBeVisible();
      expect(warnings).toHaveLength(1);
      expect(uncaught).toEqual([]);
    } finally {
      await frameworksStore(serviceWorker, 'put', 'gdpr', gdpr);
    }
  });

  test("a page that claims the card's tag name (a custom element without shadow roots): the card takes a name of its own and opens; nothing is reported, the page is untouched", async ({
    page,
    server,
    serviceWorker,
  }) => {
    const { warnings, uncaught } = watchConsole(page);
    await page.goto(`${server.url}/reliability/tag-claimed.html`);
    const body = await page.evaluate(() => document.body.innerHTML);
    const stats = await scanned(serviceWorker, page);
    expect(stats.painted).toBe(2);
    /** The card our host shows, whatever its tag: the page's own `reg-lens-card` is not ours. */
    const shown = () =>
      page.evaluate(() => {
        const host = [...document.documentElement.children].find((e) => e.tagName.toLowerCase().startsWith('reg-lens-card-'));
        const card = host?.shadowRoot?.querySelector<HTMLElement>('.rl-card');
        return {
          tag: host?.tagName.toLowerCase().replace(/[0-9a-f]{8}$/, '…') ?? null,
          id: card && card.offsetParent !== null ? card.dataset.id : null,
        };
      });
    // By the page protocol and by hovering: each opens its card.
    const res = await pageRequest(serviceWorker, page.url(), { type: 'revealMention', kind: 'framework', id: 'gdpr' });
    expect(res.ok).toBe(true);
    await expect.poll(shown).toEqual({ tag: 'reg-lens-card-…', id: 'gdpr' });
    await page.keyboard.press('Escape');
    await hover(page, '#two', 'Kenya');
    await expect.poll(shown).toEqual({ tag: 'reg-lens-card-…', id: 'ke' });
    // One host, under the new name; none under the page's.
    expect(
      await page.evaluate(() => [
        document.querySelectorAll('reg-lens-card').length,
        [...document.documentElement.children].filter((e) => e.tagName.toLowerCase().startsWith('reg-lens-card-')).length,
      ]),
    ).toEqual([0, 1]);
    // The page's later changes are still read and painted; its body is as it made it.
    await page.evaluate(() => (window as unknown as { addLater(): void }).addLater());
    await expect.poll(async () => (await pageStats(serviceWorker, page)).painted).toBe(3);
    expect(await totalHighlights(page)).toBe(3);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(`${body}<p id="later">Added later: the EU AI Act.</p>`);
    expect(warnings).toEqual([]);
    expect(uncaught).toEqual([]);
  });

  test('a page that moves painted text into a <template>: its highlight goes with it, and what the page adds in the same task is painted', async ({
    page,
    server,
    serviceWorker,
  }) => {
    const { warnings, uncaught } = watchConsole(page);
    await page.goto(`${server.url}/reliability/template-stash.html`);
    await scanned(serviceWorker, page);
    const frameworks = async () =>
      (await paintedTexts(page, 'reglens-framework')).map((r) => `${r.closest}:${r.text}:${r.connected ? 'in page' : 'gone'}`).sort();
    expect(await frameworks()).toEqual(['a:GDPR:in page']);
    // The moved text lives on in the template's own document (no window, so no painter of its own there).
    await page.evaluate(() => (window as unknown as { stash(): void }).stash());
    await expect.poll(frameworks).toEqual(['c:EU AI Act:in page']);
    await page.evaluate(() => (window as unknown as { addLater(): void }).addLater());
    await expect.poll(frameworks).toEqual(['c:EU AI Act:in page', 'd:GDPR:in page']);
    expect(await totalHighlights(page)).toBe(3);
    expect(warnings).toEqual([]);
    expect(uncaught).toEqual([]);
  });
});
