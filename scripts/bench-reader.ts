/**
 * The PDF reader in a real Chromium with the built extension: opening a document (from the reader's file
 * picker) until its first page's mentions are painted, until every page is read, and the longest task on
 * the reader's main thread meanwhile (PerformanceObserver 'longtask': every task over 50 ms; none is the
 * goal). Median of `--runs` (default 5) fresh reader tabs per document; the first run of each is reported
 * apart (cold caches). Writes its section of BENCHMARKS.md.
 *
 *   RL_OUT_DIR=.output npx wxt build && npm run bench:reader -- [--runs N] [--no-mark] [--profile]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { extensionArgs, findChromium } from './lib/chromium.mjs';

/** What the reader page exposes for measurement (entrypoints/reader/main.tsx). */
type ReaderProbe = {
  __rlReader?: {
    lens?: {
      stats: { started: number; firstPagePainted: number; done?: number; pagesRead: number; mentions: number; longestSliceMs: number };
    };
  };
};

const ROOT = resolve(import.meta.dirname, '..');
const EXT = join(ROOT, process.env.RL_OUT_DIR ?? '.output', 'chrome-mv3');
const PDFS = (process.env.RL_BENCH_PDFS ?? 'nist-sp800-66r1-hipaa-security-rule,eu-council-gdpr-first-reading-2016').split(',');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;

interface Run {
  firstPageMs: number;
  allPagesMs: number;
  pages: number;
  mentions: number;
  longestTaskMs: number;
  longTasks: number;
  longestSliceMs: number;
  longestTaskCpuMs: number;
  cpuTasksOver50: number;
}

/** The scrolling part of each run: 40 wheel steps of 800 px, 100 ms apart (about 40 pages at 100%). */
const SCROLL_STEPS = 40;
const SCROLL_STEP_PX = 800;
const SCROLL_EVERY_MS = 100;

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/** `--profile`: a CPU profile of each run (Chromium's DevTools protocol), written to <RL_OUT_DIR>/test-results/ for DevTools. */
async function startProfile(context: BrowserContext, page: Page): Promise<Cdp> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

async function stopProfile(cdp: Cdp, label: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  const dir = join(ROOT, process.env.RL_OUT_DIR ?? '.', 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `reader-${label}.cpuprofile`), JSON.stringify(profile));
  await cdp.detach();
}

/** A trace event (Chrome's trace format): `dur` is wall-clock, `tdur` the thread's own CPU time, in µs. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The renderer's tasks, traced (Chromium's DevTools protocol): on a machine shared with other work, a task's
 * wall-clock length also counts the time the thread was not running at all; its CPU time does not.
 */
async function startTrace(context: BrowserContext, page: Page): Promise<() => Promise<{ longestCpuMs: number; cpuOver50: number }>> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const mains = new Set(
      events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
    );
    const tasks = new Map<string, TraceEvent[]>();
    for (const e of events) {
      const key = `${e.pid}:${e.tid}`;
      if (e.ph !== 'X' || e.name !== 'RunTask' || !mains.has(key)) continue;
      tasks.set(key, [...(tasks.get(key) ?? []), e]);
    }
    // The reader's main thread is the renderer thread that ran the most tasks (other renderers idle meanwhile).
    const reader = [...tasks.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    const cpu = reader.map((e) => (e.tdur ?? 0) / 1000);
    return { longestCpuMs: cpu.length ? Math.max(...cpu) : 0, cpuOver50: cpu.filter((ms) => ms > 50).length };
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium (set CHROMIUM_PATH)');
  const profile = mkdtempSync(join(tmpdir(), 'rl-bench-reader-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...extensionArgs(EXT), '--disable-gpu', '--no-sandbox'],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const results = new Map<string, Run[]>();
  try {
    for (const name of PDFS) {
      const list: Run[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __longTasks: number[] };
          w.__longTasks = [];
          new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
            type: 'longtask',
            buffered: true,
          });
        });
        await page.goto(`chrome-extension://${id}/reader.html`);
        await page.waitForSelector('[data-testid="reader-file"]', { state: 'attached' });
        // Only what happens after the file is chosen counts (the page's own start-up is not the document's).
        await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
        const cpu = args.includes('--profile') ? await startProfile(context, page) : undefined;
        const trace = await startTrace(context, page);
        await page.locator('[data-testid="reader-file"]').setInputFiles(join(ROOT, 'test', 'fixtures', 'pdf', `${name}.pdf`));
        await page.waitForFunction(
          () => (window as unknown as ReaderProbe).__rlReader?.lens?.stats.firstPagePainted !== undefined,
          undefined,
          { timeout: 60_000 },
        );
        // A reader scrolls while the rest is read: wheel steps a screen apart, every page on the way drawn.
        for (let k = 0; k < SCROLL_STEPS; k++) {
          await page.mouse.wheel(0, SCROLL_STEP_PX);
          await page.waitForTimeout(SCROLL_EVERY_MS);
        }
        await page.waitForFunction(() => (window as unknown as ReaderProbe).__rlReader?.lens?.stats.done !== undefined, undefined, {
          timeout: 120_000,
        });
        // Pages scrolled to last are drawn after the wheel stops: their tasks count too.
        await page.waitForTimeout(1000);
        if (cpu) await stopProfile(cpu, `${name}-${i + 1}`);
        const traced = await trace();
        const r = await page.evaluate(() => {
          const s = (window as unknown as ReaderProbe).__rlReader!.lens!.stats;
          const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
          return {
            firstPageMs: s.firstPagePainted - s.started,
            allPagesMs: (s.done ?? s.started) - s.started,
            pages: s.pagesRead,
            mentions: s.mentions,
            longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
            longTasks: tasks.length,
            longestSliceMs: s.longestSliceMs,
          };
        });
        list.push({ ...r, longestTaskCpuMs: traced.longestCpuMs, cpuTasksOver50: traced.cpuOver50 });
        console.log(name, `run ${i + 1}`, JSON.stringify(list.at(-1)));
        await page.close();
      }
      results.set(name, list);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const f = (x: number) => x.toFixed(0);
  const rows = [...results].map(([name, list]) => {
    const warm = list.slice(1).length ? list.slice(1) : list;
    const first = list[0]!;
    return `| ${name} | ${first.pages} | ${first.mentions} | ${f(first.firstPageMs)} | ${f(median(warm.map((r) => r.firstPageMs)))} | ${f(median(warm.map((r) => r.allPagesMs)))} | ${f(median(list.map((r) => r.longestTaskMs)))} (max ${f(Math.max(...list.map((r) => r.longestTaskMs)))}) | ${f(median(list.map((r) => r.longTasks)))} | ${f(median(list.map((r) => r.longestTaskCpuMs)))} (max ${f(Math.max(...list.map((r) => r.longestTaskCpuMs)))}) | ${f(median(list.map((r) => r.cpuTasksOver50)))} | ${f(Math.max(...list.map((r) => r.longestSliceMs)))} |`;
  });
  const section = [
    '<!-- bench:reader:start -->',
    '## PDF reader',
    '',
    `\`npm run bench:reader\` (scripts/bench-reader.ts): ${runs} fresh reader tabs per document in headless Chromium on this machine (2 cores shared with`,
    'other work), the file given to the reader\'s file picker. "First page" is the time from choosing the file to its first page\'s',
    'mentions painted (dataset tables from the background, pdf.js parsing in its worker, page 1 drawn with its text layer, scanned,',
    'painted); "all pages" until every page is read and scanned. From the first page on, the reader scrolls down (40 wheel steps of',
    "800 px, 100 ms apart). Long tasks are the reader main thread's tasks over 50 ms from choosing the file until a second after",
    "the last page is read (PerformanceObserver 'longtask'): the longest per run (median, and the worst of all runs) and how",
    "many per run. The same tasks traced (CDP Tracing, RunTask on the reader's renderer main thread) give their CPU time, which",
    'leaves out the time the thread waited for a core; "slice" is the longest stretch the reading loop itself held the thread.',
    '',
    '| document | pages | mentions | first page, cold (ms) | first page, median (ms) | all pages, median (ms) | longest task, median (ms) | tasks over 50 ms, median | longest task CPU, median (ms) | tasks over 50 ms CPU, median | longest slice (ms) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '<!-- bench:reader:end -->',
  ].join('\n');
  console.log(section);
  if (args.includes('--no-mark')) return;
  const file = join(ROOT, 'BENCHMARKS.md');
  const old = readFileSync(file, 'utf8');
  const re = /<!-- bench:reader:start -->[\s\S]*<!-- bench:reader:end -->/;
  writeFileSync(file, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
