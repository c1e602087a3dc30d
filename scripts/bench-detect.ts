/**
 * Speed of detection (a benchmark, not a test).
 *
 *   npm run bench:detect
 *
 * On about 4 MB of text built from the fixtures (every fixture's extracted text, repeated): a bare lower
 * bound, the matcher's own trie run over the lower-cased text counting names (no normalisation, no case
 * checks, no context, no fuzzy matching), against the full `scan`. Also the time to compile the matcher
 * from the whole dataset. Runs are interleaved after a warm-up; medians and minimums are printed, with the
 * machine's load (a shared machine: the minimums are the least disturbed).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { loadDataset } from '../data/index';
import { buildLexicon } from '../core/detect/lexicon';
import { compileMatcher } from '../core/detect/matcher';
import { searchView } from '../core/detect/pattern';
import { htmlToText } from '../core/detect/documents';

const TARGET = 4 * 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const root = join(import.meta.dirname, '..', 'test', 'fixtures');

function fixtureTexts(): string[] {
  const out: string[] = [];
  for (const dir of ['pages', 'articles']) {
    for (const f of readdirSync(join(root, dir)).sort()) {
      if (/\.html?$/.test(f)) out.push(htmlToText(readFileSync(join(root, dir, f), 'utf8')));
      else if (f.endsWith('.txt')) out.push(readFileSync(join(root, dir, f), 'utf8'));
    }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => unknown, runs = RUNS): number {
  fn(); // warm-up: JIT, regex compilation, caches that a page would also have
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

const texts = fixtureTexts();
const base = texts.join('\u001f');
let text = base;
while (text.length < TARGET) text += `\u001f${base}`;
const mb = text.length / (1024 * 1024);

const lexicon = buildLexicon(loadDataset());
// Cold: the first compile in a fresh process, as in a content script, and the first scan after it.
let t0 = performance.now();
const matcher = compileMatcher(lexicon);
const coldCompileMs = performance.now() - t0;
t0 = performance.now();
matcher.scan('The GDPR applies.');
const firstScanMs = performance.now() - t0;
const compileMs = time(() => compileMatcher(lexicon), 21);

// The bare lower bound: the matcher's own trie over the lower-cased text, counting names, nothing else.
const countNames = (s: string) => {
  let n = 0;
  for (let at = matcher.trie.next(s, 0); at >= 0; at = matcher.trie.next(s, matcher.trie.end)) n++;
  return n;
};
let bareMatches = 0;
let detections = 0;
// Interleaved runs, so that a busy machine slows both alike.
const samples = { bare: [] as number[], full: [] as number[] };
for (let i = 0; i <= RUNS; i++) {
  let t = performance.now();
  bareMatches = countNames(searchView(text.toLowerCase()));
  const bare = performance.now() - t;
  t = performance.now();
  detections = matcher.scan(text).length;
  const full = performance.now() - t;
  if (i === 0) continue; // warm-up
  samples.bare.push(bare);
  samples.full.push(full);
}
const min = (xs: number[]) => Math.min(...xs);
const bareMs = median(samples.bare);
const fullMs = median(samples.full);
const bareMin = min(samples.bare);
const fullMin = min(samples.full);
const mbps = (ms: number) => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;

const rows = [
  ['text', `${mb.toFixed(2)} MB (${text.length.toLocaleString('en')} UTF-16 units: ${texts.length} fixtures, repeated)`],
  ['matcher', `${matcher.size.toLocaleString('en')} surface forms, ${matcher.trie.size.toLocaleString('en')} names in the ASCII trie`],
  ['compile, cold (first in process)', `${coldCompileMs.toFixed(1)} ms, then ${firstScanMs.toFixed(1)} ms for the first (tiny) scan`],
  ['compile, warm (median of 21)', `${compileMs.toFixed(1)} ms`],
  [
    `bare trie, on lower-cased text`,
    `median ${bareMs.toFixed(0)} ms (${mbps(bareMs)}), min ${bareMin.toFixed(0)} ms, ${bareMatches.toLocaleString('en')} names`,
  ],
  [
    `full scan`,
    `median ${fullMs.toFixed(0)} ms (${mbps(fullMs)}), min ${fullMin.toFixed(0)} ms (${mbps(fullMin)}), ${detections.toLocaleString('en')} detections`,
  ],
  ['ratio full / bare', `${(fullMs / bareMs).toFixed(2)}x by medians, ${(fullMin / bareMin).toFixed(2)}x by minimums`],
  [
    'runs, machine load',
    `${RUNS} interleaved runs after a warm-up; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  ],
];
const w = Math.max(...rows.map((r) => r[0]!.length));
for (const [k, v] of rows) console.log(`${k!.padEnd(w)}  ${v}`);
