// Mozilla's addons-linter (through web-ext lint) over the Firefox build. Any error or warning fails: there is
// no list of accepted warnings. The two that library code used to raise (zod's eval probe and JIT, Preact's
// innerHTML for dangerouslySetInnerHTML) are taken out at build time by scripts/vite-store-safe.ts, which
// fails the build if that code changes shape.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = join(process.env.RL_OUT_DIR ?? '.output', 'firefox-mv3');
const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  console.error('web-ext lint did not produce a report');
  process.exit(1);
}
const where = (m) => [m.file, m.line, m.column].filter((x) => x !== undefined && x !== null).join(':');
for (const [kind, list] of [
  ['error', report.errors],
  ['warning', report.warnings],
]) {
  for (const m of list) console.error(`${kind} ${m.code} ${where(m)} ${m.message}`);
}
console.log(`addons-linter: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exit(report.errors.length || report.warnings.length ? 1 : 0);
