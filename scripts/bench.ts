/**
 * `npm run bench`: the in-browser performance benchmark (headless Chromium with the built extension).
 * On pages generated from the real fixtures (typical ~80 KB of text, long ~1 MB, huge ~4 MB with >100k
 * text nodes) it measures, per page, the median of N runs of:
 *  - ours: content script start -> initial scan painted, the longest task, the extension's heap increase;
 *  - the lower bound, in the same page: a TreeWalker over the visible text nodes + one precompiled
 *    alternation regex of all the dataset's names, counting matches;
 *  - mark.js highlighting the same names with the same options (in a profile without the extension).
 *  - typing on a page with more than 5,000 painted mentions: keydown to the next frame in a textarea and a rich
 *    editor at its top, with the extension and in a browser without it, in alternating blocks of keys.
 * Plus the content script's size, popup and side panel open-to-interactive, and the service worker's first
 * message after it was stopped. Writes its section of BENCHMARKS.md. `--smoke` runs one small page once
 * and writes nothing (CI runs it to prove the benchmark works; timings are never asserted).
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadDataset } from '../data/index';
import { buildLexicon } from '../core/detect/lexicon';
import type { PageStats } from '../protocol/page';
import { SETTINGS_DEFAULTS, SETTINGS_STORAGE_KEY } from '../platform/settings-defaults';
import { ENTITY_KINDS } from '../data/ids';
import { extensionArgs, findChromium } from './lib/chromium.mjs';
import { serve } from './serve.mjs';

const argv = process.argv.slice(2);
const SMOKE = argv.includes('--smoke');
const RUNS = SMOKE ? 1 : Number(argv[argv.indexOf('--runs') + 1] ?? 5) || 5;
const MARK_CAP_MS = SMOKE ? 30_000 : 60_000;
const OUT = process.env.RL_OUT_DIR ?? '.output';
const EXT = resolve(OUT, 'chrome-mv3');
const COMMAND = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
const BUILT_NOTE = argv.includes('--no-build') ? 'uses the existing build' : 'builds the Chrome extension';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : 'n/a');

// ---------- pages generated from the real fixtures ----------
function fixtureBodies(): string[] {
  const dir = existsSync('test/fixtures/pages') ? 'test/fixtures/pages' : '../shared/fixtures/pages';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const html = readFileSync(join(dir, f), 'utf8');
      const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
      return body.replace(/<script[\s\S]*?<\/script>/gi, '');
    });
}

function textLength(html: string): number {
  return html.replace(/<[^>]+>/g, '').replace(/&[a-z]+;|&#\d+;/g, ' ').length;
}

/** Repeats the fixtures' bodies (each in its own <article>) until the visible text reaches `target` chars. */
function generatePage(target: number, bodies: string[], splitClauses = false): { html: string; chars: number } {
  const parts: string[] = [];
  let chars = 0;
  for (let i = 0; chars < target; i++) {
    const body = bodies[i % bodies.length]!;
    parts.push(`<article data-copy="${i}">${body}</article>`);
    chars += textLength(body);
  }
  let body = parts.join('\n');
  // Real long pages are made of many small text nodes (links, emphasis, spans per sentence). Split long
  // runs of text at clause boundaries into spans until the page has enough nodes for its size.
  if (splitClauses)
    body = body.replace(
      />([^<]{80,})</g,
      (_, text: string) => `>${text.replace(/([.,;:]| and| or) (?=\S)/g, '$1 </span><span>').replace(/^/, '<span>')}</span><`,
    );
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>`,
    chars,
  };
}

// ---------- measurements in the page ----------
const SKIP = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'CODE', 'PRE'];

/** The lower bound: one walk, one precompiled regex, count matches. Runs in the page. */
function lowerBound(page: Page, terms: string[]) {
  return page.evaluate(
    ({ terms, skip }) => {
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(
        `(?<![\\p{L}\\p{N}_])(?:${[...terms]
          .sort((a, b) => b.length - a.length)
          .map(esc)
          .join('|')})(?![\\p{L}\\p{N}_])`,
        'giu',
      );
      const t0 = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.nodeType === 1
            ? skip.includes((n as Element).tagName) || (n as HTMLElement).isContentEditable
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_SKIP
            : NodeFilter.FILTER_ACCEPT,
      });
      let count = 0;
      let nodes = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes++;
        const data = (n as Text).data;
        re.lastIndex = 0;
        while (re.exec(data)) count++;
      }
      return { ms: performance.now() - t0, count, nodes };
    },
    { terms, skip: SKIP },
  );
}

async function pageStats(sw: Worker, url: string): Promise<PageStats | undefined> {
  return sw.evaluate(async (url) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const r = (await chrome.tabs.sendMessage(tab.id, { type: 'pageStats' }).catch(() => undefined)) as
        { ok?: boolean; value?: { url: string } } | undefined;
      if (r?.ok && r.value?.url === url) return r.value as never;
    }
    return undefined;
  }, url);
}

/** The page's stats once its initial scan is done (throws after two minutes without). */
async function initialScan(page: Page, sw: Worker, url: string): Promise<PageStats & { initialScanDone: number }> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const stats = await pageStats(sw, url);
    if (stats?.initialScanDone !== undefined) return stats as PageStats & { initialScanDone: number };
    await page.waitForTimeout(100);
  }
  throw new Error(`no initial scan on ${url}`);
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

async function ours(ctx: BrowserContext, sw: Worker, url: string, terms: string[]) {
  const page = await ctx.newPage();
  // Long tasks seen by the page from its very start; while the page itself is idle, they are ours.
  await page.addInitScript(() => {
    const w = window as unknown as { __rlLongTasks: Array<{ start: number; duration: number }> };
    w.__rlLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__rlLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const stats = await initialScan(page, sw, url);
  const tasks = await page.evaluate(
    () => (window as unknown as { __rlLongTasks: Array<{ start: number; duration: number }> }).__rlLongTasks,
  );
  const start = stats.scriptStart;
  const longTask = Math.max(
    0,
    ...tasks.filter((t) => t.start + t.duration >= start && t.start <= stats.initialScanDone).map((t) => t.duration),
  );
  const heap = await heapAfterGc(page);
  const lb = await lowerBound(page, terms);
  await page.close();
  return {
    total: stats.initialScanDone - start,
    first: (stats.firstHighlight ?? NaN) - start,
    longestChunk: stats.longestChunkMs,
    longTask,
    heap,
    stats,
    lb,
  };
}

async function plainHeap(ctx: BrowserContext, url: string) {
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(300);
  const heap = await heapAfterGc(page);
  await page.close();
  return heap;
}

/** mark.js over the same names and options; the page is closed if it runs past the cap. */
async function markJs(ctx: BrowserContext, url: string, terms: string[]): Promise<number> {
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.addScriptTag({ path: resolve('node_modules/mark.js/dist/mark.min.js') });
  const timer = setTimeout(() => void page.close().catch(() => {}), MARK_CAP_MS);
  try {
    return await page.evaluate(
      ({ terms, skip }) =>
        new Promise<number>((done) => {
          const t0 = performance.now();
          const Mark = (window as unknown as { Mark: new (el: Element) => { mark: (t: string[], o: object) => void } }).Mark;
          new Mark(document.body).mark(terms, {
            separateWordSearch: false,
            accuracy: 'exactly',
            caseSensitive: false,
            acrossElements: false,
            exclude: [...skip.map((s) => s.toLowerCase()), '[contenteditable]'],
            done: () => done(performance.now() - t0),
          });
        }),
      { terms, skip: SKIP },
    );
  } catch {
    return Infinity;
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => {});
  }
}

// ---------- typing on a page with many painted mentions ----------
/** The fields typed into, and what the page records: per key, keydown to after the next frame. */
const TYPING_FIELDS =
  '<p><textarea id="bench-textarea" rows="3" cols="60"></textarea></p><div id="bench-editor" contenteditable="true">Notes: </div>';
const TYPING_PROBE = `<script>window.__typing = [];
addEventListener('keydown', (e) => {
  const t = e.timeStamp;
  requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => window.__typing.push(performance.now() - t); ch.port2.postMessage(0); });
}, true);</script>`;

/** Types `keys` characters into each field of `page`; returns keydown-to-next-frame per key, by field. */
async function typeInto(page: Page, keys: number): Promise<Record<'textarea' | 'editor', number[]>> {
  const out = { textarea: [] as number[], editor: [] as number[] };
  for (const field of ['textarea', 'editor'] as const) {
    await page.click(`#bench-${field}`);
    await page.keyboard.press('End');
    const from = await page.evaluate(() => (window as unknown as { __typing: number[] }).__typing.length);
    for (let i = 0; i < keys; i++) await page.keyboard.press(i % 7 === 6 ? 'Space' : 'KeyA');
    await page.waitForTimeout(100);
    const got = await page.evaluate((from) => (window as unknown as { __typing: number[] }).__typing.slice(from), from);
    // The first keys after the focus moved meet a cold field: left out.
    out[field].push(...got.slice(2));
  }
  return out;
}

/**
 * Typing with the extension (its initial scan done) and without it, in blocks on, off, off, on, on, off, off, on:
 * each condition as often early as late, so that a machine getting busier or quieter favours neither.
 */
async function typing(ctx: BrowserContext, sw: Worker, plain: BrowserContext, url: string, keys: number) {
  // Every mention painted, not only each place's and technology's first: thousands of highlights.
  const every = { ...SETTINGS_DEFAULTS, density: Object.fromEntries(ENTITY_KINDS.map((k) => [k, 'every'])) };
  await sw.evaluate(([key, settings]) => chrome.storage.local.set({ [key as string]: settings }), [SETTINGS_STORAGE_KEY, every] as const);
  const on = await ctx.newPage();
  await on.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const stats = await initialScan(on, sw, url);
  const off = await plain.newPage();
  await off.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await on.waitForTimeout(500);
  const samples = { on: { textarea: [] as number[], editor: [] as number[] }, off: { textarea: [] as number[], editor: [] as number[] } };
  for (const block of ['on', 'off', 'off', 'on', 'on', 'off', 'off', 'on'] as const) {
    const got = await typeInto(block === 'on' ? on : off, keys);
    samples[block].textarea.push(...got.textarea);
    samples[block].editor.push(...got.editor);
  }
  const painted = (await pageStats(sw, url))?.painted ?? stats.painted;
  await on.close();
  await off.close();
  await sw.evaluate((key) => chrome.storage.local.remove(key), SETTINGS_STORAGE_KEY);
  return { samples, painted };
}

// ---------- extension pages and the service worker ----------
async function openToInteractive(ctx: BrowserContext, url: string, ready: string): Promise<number> {
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 30_000 });
  const t = await page.evaluate(() => performance.now());
  await page.close();
  return t;
}

async function coldMessage(ctx: BrowserContext, extensionId: string): Promise<number> {
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(500);
  const t = await page.evaluate(async () => {
    const t0 = performance.now();
    await chrome.runtime.sendMessage({ type: 'datasetInfo' });
    return performance.now() - t0;
  });
  await cdp.detach();
  await page.close();
  return t;
}

// ---------- main ----------
const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found (set CHROMIUM_PATH)');
if (!argv.includes('--no-build')) {
  const b = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const terms = [...new Set(buildLexicon(loadDataset()).entries.map((e) => e.term))];
const bodies = fixtureBodies();
const dir = mkdtempSync(join(tmpdir(), 'rl-bench-'));
const allSizes: Record<string, number> = SMOKE ? { typical: 10_000 } : { typical: 80_000, long: 1_000_000, huge: 4_000_000 };
// `--pages typical,long`: a subset, for working on one of them (the file is then not written).
const only = argv.includes('--pages') ? new Set((argv[argv.indexOf('--pages') + 1] ?? '').split(',')) : undefined;
const sizes = Object.fromEntries(Object.entries(allSizes).filter(([name]) => !only || only.has(name)));
// `--no-mark`: skip mark.js (minutes on the large pages); the file is then not written either.
const NO_MARK = argv.includes('--no-mark');
const PARTIAL = !!only || NO_MARK;
const pages = Object.entries(sizes).map(([name, target]) => {
  // The huge page must have over 100k text nodes, as large real pages do.
  const { html, chars } = generatePage(target, bodies, name === 'huge');
  writeFileSync(join(dir, `${name}.html`), html);
  return { name, chars, bytes: Buffer.byteLength(html) };
});
const server = await serve([dir]);
const profile = mkdtempSync(join(tmpdir(), 'rl-bench-profile-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: [...extensionArgs(EXT), '--disable-gpu', '--no-sandbox', '--enable-precise-memory-info'],
  viewport: { width: 1280, height: 800 },
});
const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
const extensionId = new URL(sw.url()).host;
const plainBrowser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--disable-gpu', '--no-sandbox', '--enable-precise-memory-info'],
});
const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 800 } });

const rows: string[] = [];
let markCapped = false;
for (const p of pages) {
  const url = `${server.url}/${p.name}.html`;
  const runs: Awaited<ReturnType<typeof ours>>[] = [];
  const baseHeaps: number[] = [];
  const marks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await ours(ctx, sw, url, terms));
    baseHeaps.push(await plainHeap(plain, url));
    if (!markCapped && !NO_MARK) {
      const m = await markJs(plain, url, terms);
      marks.push(m);
      // Once mark.js runs past the cap, larger pages only would too: do not spend minutes proving it.
      if (!Number.isFinite(m)) markCapped = true;
    }
    const r = runs.at(-1)!;
    const at = (t: number | undefined) => ms((t ?? NaN) - r.stats.scriptStart);
    process.stdout.write(
      `${p.name} run ${i + 1}/${RUNS}: ours ${ms(r.total)} (lexicon at ${at(r.stats.lexiconReceived)}, matcher at ${at(r.stats.matcherReady)} after ${ms(r.stats.matcherInitMs ?? NaN)} of work (longest ${ms(r.stats.matcherLongestTaskMs ?? NaN)}), first highlight at ${at(r.stats.firstHighlight)}; ${r.stats.chars} chars scanned, ${r.stats.rescannedChars} again), lower bound ${ms(r.lb.ms)}, mark.js ${marks.length ? ms(marks.at(-1)!) : 'skipped'}\n`,
    );
  }
  const total = median(runs.map((r) => r.total));
  const lb = median(runs.map((r) => r.lb.ms));
  const mark = marks.length ? median(marks) : Infinity;
  const heap = (median(runs.map((r) => r.heap)) - median(baseHeaps)) / 1024 / 1024;
  const s = runs[0]!.stats;
  const markCell = Number.isFinite(mark) ? ms(mark) : `> ${MARK_CAP_MS / 1000} s (capped)`;
  const markRatio = Number.isFinite(mark) ? `${(mark / total).toFixed(0)}x` : `> ${(MARK_CAP_MS / total).toFixed(0)}x`;
  rows.push(
    `| ${p.name} | ${(p.chars / 1e6).toFixed(2)} MB / ${s.textNodes.toLocaleString('en')} | ${s.mentions.toLocaleString('en')} | ${ms(median(runs.map((r) => r.first)))} | ${ms(total)} | ${ms(lb)} | ${(total / lb).toFixed(1)}x | ${markCell} | ${markRatio} | ${ms(median(runs.map((r) => r.longestChunk)))} | ${ms(median(runs.map((r) => r.longTask)))} | ${heap.toFixed(1)} MB |`,
  );
}
/** Runs a measurement RUNS times, one after the other (parallel runs would disturb each other). */
async function repeat(fn: () => Promise<number>): Promise<number[]> {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) xs.push(await fn());
  return xs;
}
const popupMs = median(
  await repeat(() => openToInteractive(ctx, `chrome-extension://${extensionId}/popup.html`, 'input[type=search]:focus')),
);
const panelMs = median(
  await repeat(() => openToInteractive(ctx, `chrome-extension://${extensionId}/sidepanel.html?j=eu,us`, 'section[data-technology]')),
);
const coldMs = median(await repeat(() => coldMessage(ctx, extensionId)));
// A page of about 1.5 MB of text, with the fields at its top: over 5,000 mentions, every one painted.
const typingPage = generatePage(SMOKE ? 10_000 : 1_500_000, bodies);
writeFileSync(join(dir, 'typing.html'), typingPage.html.replace('<body>', `<body>${TYPING_FIELDS}${TYPING_PROBE}`));
const typed = await typing(ctx, sw, plain, `${server.url}/typing.html`, SMOKE ? 6 : 26);
await ctx.close();
await plainBrowser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });

const content = readFileSync(join(EXT, 'content-scripts/content.js'));
const section = [
  '<!-- bench:browser:start -->',
  '## In the browser: pages, popup, side panel, service worker',
  '',
  `Command: \`${COMMAND}\` (${BUILT_NOTE}, then runs headless Chromium ${ctx.browser()?.version() ?? ''}; median of ${RUNS} runs).`,
  `Machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
  '',
  'Pages are generated from the fixtures in `test/fixtures/pages/` (their bodies repeated). "ours" runs from the content',
  "script's start to the initial scan painted (the visible viewport is painted first); the lower bound and mark.js",
  'use every name in the dataset. Longest chunk: the longest slice of our scan (our own instrumentation, the',
  "extension's share). Longest task: any task >= 50 ms (Long Tasks API) while our scan ran, including the page's own",
  'layout of a large DOM (0 = none). Heap: JS heap after GC with the extension minus without it, same page.',
  'Typing: a page of about 1.5 MB with every mention painted (density "every" for all kinds) and a textarea and a rich',
  'editor at its top; keydown to the next frame, with the extension and in a browser without it (goal: at most 1.1x).',
  '',
  '| page | text / text nodes | mentions | first highlight | ours: all painted | lower bound | ours / lower bound | mark.js | mark.js / ours | longest chunk | longest task | heap increase |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  '| other figure | value |',
  '|---|---|',
  `| content script bundle (minified) | ${(content.length / 1024).toFixed(1)} KB (${(gzipSync(content).length / 1024).toFixed(1)} KB gzip) |`,
  `| popup: open to interactive (search box focused) | ${ms(popupMs)} |`,
  `| side panel: open to first comparison table | ${ms(panelMs)} |`,
  `| service worker: first message after it was stopped | ${ms(coldMs)} |`,
  ...(['textarea', 'editor'] as const).map((field) => {
    const [a, b] = [typed.samples.on[field], typed.samples.off[field]];
    const q = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
    return `| typing in a ${field === 'textarea' ? 'textarea' : 'rich editor'}, ${typed.painted.toLocaleString('en')} mentions painted: keydown to next frame, on / off (median; p95), ${a.length} + ${b.length} keys | ${ms(median(a))} / ${ms(median(b))} (${(median(a) / median(b)).toFixed(2)}x); ${ms(q(a, 0.95))} / ${ms(q(b, 0.95))} |`;
  }),
  '<!-- bench:browser:end -->',
].join('\n');
console.log(`\n${section}\n`);
if (SMOKE) {
  if (!rows.length || !Number.isFinite(popupMs)) throw new Error('bench smoke produced no figures');
  console.log('bench smoke: ok (figures produced; timings are not asserted)');
} else if (PARTIAL) {
  console.log('partial run (--pages or --no-mark): BENCHMARKS.md left as it was');
} else {
  const file = 'BENCHMARKS.md';
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const next = /<!-- bench:browser:start -->[\s\S]*<!-- bench:browser:end -->/.test(old)
    ? old.replace(/<!-- bench:browser:start -->[\s\S]*<!-- bench:browser:end -->/, section)
    : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  console.log(`wrote ${file}`);
}
