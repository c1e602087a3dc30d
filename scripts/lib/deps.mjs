// "Installs if needed": runs `npm ci` when node_modules is missing or older than package-lock.json.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const STAMP = 'node_modules/.regulatory-lens-lock';

function lockHash() {
  return createHash('sha256').update(readFileSync('package-lock.json')).update(process.version).digest('hex');
}

export function ensureDependencies({ log = console.log } = {}) {
  const want = lockHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === want) return false;
  log('Installing dependencies (npm ci)...');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (r.status !== 0) throw new Error('npm ci failed');
  writeFileSync(STAMP, want);
  return true;
}
