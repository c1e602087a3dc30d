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

export function checkBuild(dir, expected) {
  const problems = [];
  for (const f of files(dir)) {
    if (!/\.(js|mjs|html|css|json)$/.test(f)) continue;
    const bytes = readFileSync(f);
    const bad = bytes.findIndex((b) => b > 0x7f);
    if (bad >= 0) problems.push(`${f}: non-ASCII byte at offset ${bad}`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const perms = [...(manifest.permissions ?? [])].sort();
  if (JSON.stringify(perms) !== JSON.stringify([...expected].sort())) {
    problems.push(`${dir}/manifest.json: permissions ${JSON.stringify(perms)}, expected ${JSON.stringify(expected)}`);
  }
  if (manifest.host_permissions?.length) problems.push(`${dir}/manifest.json: unexpected host_permissions ${manifest.host_permissions}`);
  if (manifest.manifest_version !== 3) problems.push(`${dir}/manifest.json: manifest_version ${manifest.manifest_version}, expected 3`);
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
