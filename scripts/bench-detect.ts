/**
 * Speed of detection (a benchmark, not a test).
 *
 *   npm run bench:detect
 *
 * On about 4 MB of text built from the fixtures (every fixture's extracted text, repeated): a bare lower
 * bound, the matcher's own compiled regex run over the text counting matches (no normalisation, no case
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
// Cold: the first compile in a fresh process, as in a content script, and the first scan after it (V8
// compiles the regex itself on first use).
let t0 = performance.now();
const matcher = compileMatcher(lexicon);
const coldCompileMs = performance.now() - t0;
t0 = performance.now();
matcher.scan('The GDPR applies.');
const firstScanMs = performance.now() - t0;
const compileMs = time(() => compileMatcher(lexicon), 21);

// The bare lower bound: the matcher's own precompiled alternation over the text, counting matches, with
// nothing else. Two ways (case-insensitive over the text as it is; case-sensitive over the text
// lower-cased first, as the scan does); the faster is the bound.
const countMatches = (re: RegExp, s: string) => {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
};
const insensitive = new RegExp(matcher.regex.source, 'gi');
const sensitive = new RegExp(matcher.regex.source, 'g');
let bareMatches = 0;
let detections = 0;
// Interleaved runs, so that a busy machine slows all three alike.
const samples = { gi: [] as number[], lower: [] as number[], full: [] as number[] };
for (let i = 0; i <= RUNS; i++) {
  let t = performance.now();
  bareMatches = countMatches(insensitive, searchView(text));
  const gi = performance.now() - t;
  t = performance.now();
  countMatches(sensitive, searchView(text.toLowerCase()));
  const lower = performance.now() - t;
  t = performance.now();
  detections = matcher.scan(text).length;
  const full = performance.now() - t;
  if (i === 0) continue; // warm-up
  samples.gi.push(gi);
  samples.lower.push(lower);
  samples.full.push(full);
}
const min = (xs: number[]) => Math.min(...xs);
const giMs = median(samples.gi);
const lowerMs = median(samples.lower);
const bareMs = Math.min(giMs, lowerMs);
const fullMs = median(samples.full);
const bareMin = Math.min(min(samples.gi), min(samples.lower));
const fullMin = min(samples.full);
const mbps = (ms: number) => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;

const rows = [
  ['text', `${mb.toFixed(2)} MB (${text.length.toLocaleString('en')} UTF-16 units: ${texts.length} fixtures, repeated)`],
  ['matcher', `${matcher.size.toLocaleString('en')} surface forms, regex source ${(matcher.regex.source.length / 1024).toFixed(0)} KB`],
  ['compile, cold (first in process)', `${coldCompileMs.toFixed(1)} ms, then ${firstScanMs.toFixed(1)} ms for the first (tiny) scan`],
  ['compile, warm (median of 21)', `${compileMs.toFixed(1)} ms`],
  [
    `bare regex, /gi on the text`,
    `median ${giMs.toFixed(0)} ms (${mbps(giMs)}), min ${min(samples.gi).toFixed(0)} ms, ${bareMatches.toLocaleString('en')} matches`,
  ],
  [`bare regex, /g on lower-cased text`, `median ${lowerMs.toFixed(0)} ms (${mbps(lowerMs)}), min ${min(samples.lower).toFixed(0)} ms`],
  [
    `full scan`,
    `median ${fullMs.toFixed(0)} ms (${mbps(fullMs)}), min ${fullMin.toFixed(0)} ms (${mbps(fullMin)}), ${detections.toLocaleString('en')} detections`,
  ],
  ['ratio full / bare (faster bare)', `${(fullMs / bareMs).toFixed(2)}x by medians, ${(fullMin / bareMin).toFixed(2)}x by minimums`],
  [
    'runs, machine load',
    `${RUNS} interleaved runs after a warm-up; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  ],
];
const w = Math.max(...rows.map((r) => r[0]!.length));
for (const [k, v] of rows) console.log(`${k!.padEnd(w)}  ${v}`);
