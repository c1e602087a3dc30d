// Finds (and, as root on Debian, fetches) the Firefox ESR builds the Firefox suite runs on: the current ESR
// (Debian's firefox-esr package) and 140 ESR, the manifest's strict_min_version, which Debian keeps in
// bookworm main. 140 is unpacked into a cache folder outside the repository, never installed over the first.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { executable } from './executable.mjs';
import { spawnSync } from 'node:child_process';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const CACHE_DIR = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'regulatory-lens');
// Beside the other runners' reports (playwright.config.ts keeps them under RL_OUT_DIR when it is set).
export const RESULTS_DIR = process.env.RL_OUT_DIR ? join(process.env.RL_OUT_DIR, 'test-results') : 'test-results';
/** What scripts/test-firefox.mjs ran, per version: { runs: [{ label, path?, missing?, ok, ms, report }] }. */
export const FIREFOX_RESULTS = join(RESULTS_DIR, 'firefox.json');
const EXECUTABLE_IN_PACKAGE = 'usr/lib/firefox-esr/firefox-esr';

const sh = (cmd, args, opts = {}) =>
  spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, ...opts });
const isRoot = () => process.getuid?.() === 0;

/** The firefox-esr versions apt knows of, newest first (`apt-cache madison`). */
function aptVersions() {
  const r = sh('apt-cache', ['madison', 'firefox-esr']);
  if (r.status !== 0) return [];
  return [
    ...new Set(
      r.stdout
        .split('\n')
        .map((l) => l.split('|')[1]?.trim())
        .filter(Boolean),
    ),
  ];
}

/** The current ESR: FIREFOX_PATH, else /usr/bin/firefox-esr, installed with apt-get when missing and root. */
export function ensureCurrentEsr(log = console.log) {
  if (process.env.FIREFOX_PATH)
    return executable(process.env.FIREFOX_PATH)
      ? { path: process.env.FIREFOX_PATH }
      : { why: `FIREFOX_PATH=${process.env.FIREFOX_PATH} is not executable` };
  if (executable('/usr/bin/firefox-esr')) return { path: '/usr/bin/firefox-esr' };
  if (!isRoot() || !existsSync('/usr/bin/apt-get'))
    return { why: 'no /usr/bin/firefox-esr (install it: sudo apt-get install -y firefox-esr, or set FIREFOX_PATH)' };
  log("Firefox ESR not found: installing Debian's firefox-esr package (apt-get)...");
  sh('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'firefox-esr'], { stdio: 'inherit' });
  return executable('/usr/bin/firefox-esr') ? { path: '/usr/bin/firefox-esr' } : { why: 'apt-get install firefox-esr failed' };
}

/**
 * Firefox 140 ESR: FIREFOX_140_PATH, else a 140 package already unpacked in the cache, else the newest 140
 * that apt can download (no root needed for `apt-get download`), unpacked with dpkg-deb into the cache.
 */
export function ensureEsr140(log = console.log) {
  if (process.env.FIREFOX_140_PATH)
    return executable(process.env.FIREFOX_140_PATH)
      ? { path: process.env.FIREFOX_140_PATH }
      : { why: `FIREFOX_140_PATH=${process.env.FIREFOX_140_PATH} is not executable` };
  const cached = existsSync(CACHE_DIR)
    ? readdirSync(CACHE_DIR)
        .filter((d) => d.startsWith('firefox-esr-140.'))
        .sort()
        .reverse()
    : [];
  for (const d of cached)
    if (executable(join(CACHE_DIR, d, EXECUTABLE_IN_PACKAGE))) return { path: join(CACHE_DIR, d, EXECUTABLE_IN_PACKAGE) };
  if (!existsSync('/usr/bin/apt-get'))
    return { why: 'no apt-get here to fetch firefox-esr 140 (set FIREFOX_140_PATH to a Firefox 140 executable)' };
  let versions = aptVersions().filter((v) => v.startsWith('140.'));
  if (!versions.length && isRoot()) {
    sh('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    versions = aptVersions().filter((v) => v.startsWith('140.'));
  }
  const version = versions[0];
  if (!version)
    return { why: 'apt knows no firefox-esr 140.x (apt-cache madison firefox-esr; set FIREFOX_140_PATH to a Firefox 140 executable)' };
  log(`Firefox 140 ESR not cached: fetching firefox-esr=${version} (apt-get download) into ${CACHE_DIR}...`);
  const work = mkdtempSync(join(tmpdir(), 'rl-firefox-140-'));
  try {
    const dl = sh('apt-get', ['download', '-qq', `firefox-esr=${version}`], { cwd: work });
    const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
    if (dl.status !== 0 || !deb)
      return { why: `apt-get download firefox-esr=${version} failed: ${(dl.stderr || dl.stdout).trim().split('\n').pop()}` };
    const dir = join(CACHE_DIR, `firefox-esr-${version.replace(/[^\w.+-]/g, '_')}`);
    mkdirSync(dir, { recursive: true });
    const x = sh('dpkg-deb', ['-x', join(work, deb), dir]);
    const path = join(dir, EXECUTABLE_IN_PACKAGE);
    if (x.status !== 0 || !executable(path)) return { why: `dpkg-deb -x of ${deb} failed` };
    return { path };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
