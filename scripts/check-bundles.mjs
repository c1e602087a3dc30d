// Checks what we ship: only ASCII in scripts (Chrome silently skips an extension otherwise) and a
// manifest that asks for exactly the permissions the code uses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The permissions each build may request, and why. Changing this list is a reviewed decision. */
export const EXPECTED_PERMISSIONS = {
  'chrome-mv3': ['sidePanel', 'storage'], // the comparison side panel; the reader's settings
  'firefox-mv3': ['storage'], // the reader's settings
};

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/** The oldest browsers with every API we use: Highlight API (Chrome 105), side panel (114), caretPositionFromPoint (128); Firefox 140 (data_collection_permissions, Highlight API). */
export const MIN_CHROME = 128;
export const MIN_FIREFOX = 140;

function manifestPolicyProblems(dir, manifest) {
  const problems = [];
  const where = `${dir}/manifest.json`;
  // No remote code: an extension CSP, if any, allows only the package itself.
  const csp = JSON.stringify(manifest.content_security_policy ?? '');
  if (/https?:|\*|'unsafe-eval'|'unsafe-inline'/.test(csp)) problems.push(`${where}: content_security_policy allows remote or inline code: ${csp}`);
  if (manifest.externally_connectable) problems.push(`${where}: externally_connectable lets web pages message the extension`);
  const gecko = manifest.browser_specific_settings?.gecko;
  if (dir.includes('firefox')) {
    if (!gecko?.id) problems.push(`${where}: browser_specific_settings.gecko.id is missing`);
    if (!(parseFloat(gecko?.strict_min_version) >= MIN_FIREFOX)) problems.push(`${where}: gecko.strict_min_version must be >= ${MIN_FIREFOX}`);
  } else if (!(Number(manifest.minimum_chrome_version) >= MIN_CHROME)) {
    problems.push(`${where}: minimum_chrome_version must be >= ${MIN_CHROME}`);
  }
  return problems;
}

/** Scripts that load code from the network, in any shipped file. */
const REMOTE_CODE = /(?:import\(\s*["'`]https?:|<script[^>]+src=["']https?:|importScripts\(\s*["'`]https?:)/;

export function checkBuild(dir, expected) {
  const problems = [];
  for (const f of files(dir)) {
    if (!/\.(js|mjs|html|css|json)$/.test(f)) continue;
    const bytes = readFileSync(f);
    const bad = bytes.findIndex((b) => b > 0x7f);
    if (bad >= 0) problems.push(`${f}: non-ASCII byte at offset ${bad}`);
    if (REMOTE_CODE.test(bytes.toString('latin1'))) problems.push(`${f}: loads remote code`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const perms = [...(manifest.permissions ?? [])].sort();
  if (JSON.stringify(perms) !== JSON.stringify([...expected].sort())) {
    problems.push(`${dir}/manifest.json: permissions ${JSON.stringify(perms)}, expected ${JSON.stringify(expected)}`);
  }
  if (manifest.host_permissions?.length) problems.push(`${dir}/manifest.json: unexpected host_permissions ${manifest.host_permissions}`);
  if (manifest.manifest_version !== 3) problems.push(`${dir}/manifest.json: manifest_version ${manifest.manifest_version}, expected 3`);
  problems.push(...manifestPolicyProblems(dir, manifest));
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = [];
  for (const [build, expected] of Object.entries(EXPECTED_PERMISSIONS)) problems.push(...checkBuild(join(process.env.RL_OUT_DIR ?? '.output', build), expected));
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`bundles ok: ${Object.keys(EXPECTED_PERMISSIONS).join(', ')} are ASCII-only with the expected permissions`);
}
