// `npm run test:firefox`: the end-to-end suite in real Firefox (test/firefox, vitest with its own config),
// once on 140 ESR (the manifest's strict_min_version) and once on the current ESR, one browser launch each.
// A version that cannot be had is named in the output and counts as a failure: a regression on the minimum
// version must fail CI, not pass unseen. Writes <results>/firefox.json (per version: what ran, how long, the
// vitest report) for scripts/test.mjs to count. `--no-build` skips the Firefox build (npm test has made it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCurrentEsr, ensureEsr140, FIREFOX_RESULTS, RESULTS_DIR } from './lib/firefox.mjs';

const VERSIONS = [
  { label: 'Firefox 140 ESR', slug: '140', ensure: ensureEsr140 },
  { label: 'Firefox current ESR', slug: 'current', ensure: ensureCurrentEsr },
];

function main() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
    if (b.status !== 0) return 1;
  }
  const runs = [];
  for (const v of VERSIONS) {
    const found = v.ensure();
    if (!found.path) {
      console.log(`\n${v.label}: NOT AVAILABLE, not tested: ${found.why}`);
      runs.push({ label: v.label, missing: found.why });
      continue;
    }
    const report = join(RESULTS_DIR, `firefox-${v.slug}.json`);
    console.log(`\n--- ${v.label}: ${found.path}`);
    const t = Date.now();
    const r = spawnSync(
      'npx',
      ['vitest', 'run', '-c', 'vitest.firefox.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      {
        stdio: 'inherit',
        env: { ...process.env, FIREFOX: found.path },
      },
    );
    const ms = Date.now() - t;
    let counts;
    try {
      const j = JSON.parse(readFileSync(report, 'utf8'));
      counts = `${j.numPassedTests} passed, ${j.numFailedTests} failed`;
    } catch {
      counts = 'no report';
    }
    console.log(`${v.label}: ${counts} in ${(ms / 1000).toFixed(1)}s`);
    runs.push({ label: v.label, path: found.path, ok: r.status === 0, ms, report });
  }
  writeFileSync(FIREFOX_RESULTS, JSON.stringify({ runs }, null, 2));
  return runs.every((r) => r.ok) ? 0 : 1;
}

process.exit(main());
