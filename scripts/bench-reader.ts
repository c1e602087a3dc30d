/**
 * The PDF reader in a real Chromium with the built extension: opening a document (from the reader's file
 * picker) until its first page's mentions are painted, until every page is read, and the longest task on
 * the reader's main thread meanwhile (PerformanceObserver 'longtask': every task over 50 ms; none is the
 * goal). Median of `--runs` (default 5) fresh reader tabs per document; the first run of each is reported
 * apart (cold caches). Writes its section of BENCHMARKS.md.
 *
 *   RL_OUT_DIR=.output npx wxt build && npm run bench:reader -- [--runs N] [--no-mark]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { extensionArgs, findChromium } from './lib/chromium.mjs';

/** What the reader page exposes for measurement (entrypoints/reader/main.tsx). */
type ReaderProbe = {
  __rlReader?: { lens?: { stats: { started: number; firstPagePainted: number; done?: number; pagesRead: number; mentions: number; longestSliceMs: number } } };
};

const ROOT = resolve(import.meta.dirname, '..');
const EXT = join(ROOT, process.env.RL_OUT_DIR ?? '.output', 'chrome-mv3');
const PDFS = ['nist-sp800-66r1-hipaa-security-rule', 'eu-council-gdpr-first-reading-2016'];
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
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium (set CHROMIUM_PATH)');
  const profile = mkdtempSync(join(tmpdir(), 'rl-bench-reader-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...extensionArgs(EXT), '--disable-gpu', '--no-sandbox'] });
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
          new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
        });
        await page.goto(`chrome-extension://${id}/reader.html`);
        await page.waitForSelector('[data-testid="reader-file"]', { state: 'attached' });
        // Only what happens after the file is chosen counts (the page's own start-up is not the document's).
        await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
        await page.locator('[data-testid="reader-file"]').setInputFiles(join(ROOT, 'test', 'fixtures', 'pdf', `${name}.pdf`));
        await page.waitForFunction(() => (window as unknown as ReaderProbe).__rlReader?.lens?.stats.done !== undefined, undefined, { timeout: 120_000 });
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
        list.push(r);
        console.log(name, `run ${i + 1}`, JSON.stringify(r));
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
    return `| ${name} | ${first.pages} | ${first.mentions} | ${f(first.firstPageMs)} | ${f(median(warm.map((r) => r.firstPageMs)))} | ${f(median(warm.map((r) => r.allPagesMs)))} | ${f(Math.max(...list.map((r) => r.longestTaskMs)))} (${list.reduce((n, r) => n + r.longTasks, 0)} over 50 ms) | ${f(Math.max(...list.map((r) => r.longestSliceMs)))} |`;
  });
  const section = [
    '<!-- bench:reader:start -->',
    '## PDF reader',
    '',
    `\`npm run bench:reader\` (scripts/bench-reader.ts): ${runs} fresh reader tabs per document in headless Chromium on this machine (2 cores shared with`,
    'other work), the file given to the reader\'s file picker. "First page" is the time from choosing the file to its first page\'s',
    'mentions painted (dataset tables from the background, pdf.js parsing in its worker, page 1 drawn with its text layer, scanned,',
    'painted); "all pages" until every page is read and scanned. Long tasks are the reader main thread\'s tasks over 50 ms',
    '(PerformanceObserver \'longtask\', all runs); "slice" is the longest stretch the reading loop itself held the thread.',
    '',
    '| document | pages | mentions | first page, cold (ms) | first page, median (ms) | all pages, median (ms) | longest task (ms) | longest slice (ms) |',
    '|---|---|---|---|---|---|---|---|',
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
