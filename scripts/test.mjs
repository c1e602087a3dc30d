// `npm test`: installs what is missing, then type-checks, runs unit tests, builds for Chrome and Firefox,
// checks the bundles and runs the end-to-end tests in headless Chromium and in Firefox (140 ESR and the current
// ESR). Prints one summary line ("summary: N passed, M failed") and exits non-zero on any failure. Plain Node, so it runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureDependencies } from './lib/deps.mjs';
import { findChromium, INSTALL_HINT } from './lib/chromium.mjs';
import { FIREFOX_RESULTS } from './lib/firefox.mjs';

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

function run(cmd, args, env = {}) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...env } });
  return { ok: r.status === 0, ms: Date.now() - t };
}

function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log("Chromium not found: installing Debian's chromium package (apt-get)...");
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], env);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], env);
    found = findChromium();
  }
  return found;
}

try {
  ensureDependencies();
} catch (e) {
  console.error(`${e.message}\nsummary: 0 passed, 1 failed`);
  process.exit(1);
}
const chromium = ensureChromium();

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
rmSync(FIREFOX_RESULTS, { force: true });

const results = [];
const step = (name, cmd, args, env) => {
  console.log(`\n=== ${name}`);
  const r = run(cmd, args, env);
  results.push({ name, ...r });
  return r.ok;
};

step('type-check (tsc --noEmit, strict)', 'npx', ['tsc', '--noEmit']);
step('lint (eslint, dependency-cruiser, knip)', 'npm', ['run', '--silent', 'lint']);
step('unit tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
const built = step('build chrome-mv3', 'npx', ['wxt', 'build']) & step('build firefox-mv3', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (built) step('bundle checks', 'node', ['scripts/check-bundles.mjs']);
if (built) step('Firefox addons-linter (web-ext lint)', 'node', ['scripts/lint-firefox.mjs']);
if (!chromium) {
  console.error(`\n${INSTALL_HINT}`);
  results.push({ name: 'end-to-end tests: no Chromium', ok: false, ms: 0 });
} else if (built) {
  step('end-to-end tests (playwright, headless Chromium)', 'npx', ['playwright', 'test'], { CHROMIUM_PATH: chromium });
  // The benchmark is not a test: this only proves it runs and produces figures (no timing is asserted).
  step('benchmark smoke (npm run bench -- --smoke)', 'npx', ['vite-node', 'scripts/bench.ts', '--', '--smoke', '--no-build'], {
    CHROMIUM_PATH: chromium,
  });
}

// Firefox 140 ESR (the declared minimum) and the current ESR; fetches or installs them when missing (scripts/lib/firefox.mjs).
if (built) step('end-to-end tests in Firefox (140 ESR and current ESR)', 'node', ['scripts/test-firefox.mjs', '--no-build']);

// Count tests from the runners' reports; steps without their own tests (type-check, builds) count as one check each.
const readJson = (f) => {
  try {
    return JSON.parse(readFileSync(f, 'utf8'));
  } catch {
    return undefined;
  }
};
const unit = readJson('test-results/unit.json');
const e2e = readJson('test-results/e2e.json');
const firefox = readJson(FIREFOX_RESULTS);
let passed = 0;
let failed = 0;
for (const r of results) {
  if (r.name.startsWith('unit') && unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests + (r.ok || unit.numFailedTests ? 0 : 1);
  } else if (r.name.startsWith('end-to-end tests in Firefox')) {
    // Per version: its tests, or one failure for a version that could not be had or did not report.
    if (!firefox) failed += 1;
    for (const run of firefox?.runs ?? []) {
      const rep = run.report && readJson(run.report);
      if (!rep) failed += 1;
      else {
        passed += rep.numPassedTests;
        failed += rep.numFailedTests + (run.ok || rep.numFailedTests ? 0 : 1);
      }
    }
  } else if (r.name.startsWith('end-to-end') && e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected + (r.ok || e2e.stats.unexpected ? 0 : 1);
  } else if (r.ok) passed += 1;
  else failed += 1;
}
// CI shows only the tail of this output: name what failed (and what passed only on retry) right above the summary.
const firstLine = (m) =>
  String(m ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .trim()
    .split('\n')
    .slice(0, 3)
    .join(' | ')
    .slice(0, 300);
const problems = [];
for (const file of unit?.testResults ?? [])
  for (const t of file.assertionResults ?? [])
    if (t.status === 'failed') problems.push(`unit FAIL ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
const walk = (suite, path) => {
  for (const s of suite.suites ?? []) walk(s, [...path, s.title]);
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests ?? []) {
      if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
      const err = t.results?.find((r) => r.error)?.error?.message;
      problems.push(
        `e2e ${t.status === 'flaky' ? 'FLAKY (passed on retry)' : 'FAIL'} ${[...path, spec.title].join(' > ')}: ${firstLine(err)}`,
      );
    }
};
for (const s of e2e?.suites ?? []) walk(s, [s.title]);
for (const run of firefox?.runs ?? []) {
  if (run.missing) problems.push(`${run.label} NOT TESTED: ${run.missing}`);
  for (const file of (run.report && readJson(run.report))?.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') problems.push(`${run.label} FAIL ${t.title}: ${firstLine(t.failureMessages?.[0])}`);
}
if (problems.length) {
  console.log('\nfailures:');
  for (const p of problems) console.log(`  ${p}`);
}
console.log('\nsteps:');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${seconds(r.ms)})`);
console.log(`total time ${seconds(Date.now() - started)}`);
console.log(`summary: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
