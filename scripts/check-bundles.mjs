// Checks what we ship: only ASCII in scripts (Chrome silently skips an extension otherwise), a manifest
// that asks for exactly the permissions the code uses and exposes exactly one module to web pages, and a
// content script small enough to run on every page.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The permissions each build may request, and why. Changing this list is a reviewed decision. */
export const EXPECTED_PERMISSIONS = {
  // the popup's view of the tab it was opened on (a PDF there goes to the PDF reader); the comparison side panel; the reader's settings
  'chrome-mv3': ['activeTab', 'sidePanel', 'storage'],
  'firefox-mv3': ['activeTab', 'storage'],
};

/** Optional host permissions, granted per origin at the user's request (the PDF reader's fetch). */
export const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

/**
 * What web pages may load from the package, and why. Only the modules the content script imports on first
 * need (page/lazy-module.ts): the card UI, the fuzzy scorer and the page date reader; a page that loads one in its own
 * world gets nothing.
 * It must be reachable only where the content script runs, by no other extension, and under Chrome's
 * per-session URL (use_dynamic_url), so that a page cannot probe a fixed URL to learn the extension is there.
 */
export const WEB_ACCESSIBLE = ['card-ui.js', 'fuzzy-score.js', 'page-date.js'];

/**
 * The content script runs on every page, so every page pays for parsing it: at most 100 KiB
 * minified. What most pages never use (the card UI, the fuzzy scorer) is loaded when first needed instead.
 */
export const MAX_CONTENT_SCRIPT_BYTES = 100 * 1024;

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
  if (/https?:|\*|'unsafe-eval'|'unsafe-inline'/.test(csp))
    problems.push(`${where}: content_security_policy allows remote or inline code: ${csp}`);
  if (manifest.externally_connectable) problems.push(`${where}: externally_connectable lets web pages message the extension`);
  const gecko = manifest.browser_specific_settings?.gecko;
  if (dir.includes('firefox')) {
    if (!gecko?.id) problems.push(`${where}: browser_specific_settings.gecko.id is missing`);
    if (!(parseFloat(gecko?.strict_min_version) >= MIN_FIREFOX))
      problems.push(`${where}: gecko.strict_min_version must be >= ${MIN_FIREFOX}`);
  } else if (!(Number(manifest.minimum_chrome_version) >= MIN_CHROME)) {
    problems.push(`${where}: minimum_chrome_version must be >= ${MIN_CHROME}`);
  }
  return problems;
}

function webAccessibleProblems(dir, manifest) {
  const problems = [];
  const where = `${dir}/manifest.json`;
  const pageMatches = new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.matches ?? []));
  const listed = new Set();
  for (const entry of manifest.web_accessible_resources ?? []) {
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where}: web_accessible_resources entry ${JSON.stringify(entry)} is not an MV3 object`);
      continue;
    }
    for (const r of entry.resources ?? []) {
      if (WEB_ACCESSIBLE.includes(r)) listed.add(r);
      else problems.push(`${where}: web_accessible_resources exposes ${r} to web pages`);
    }
    const wider = (entry.matches ?? []).filter((m) => !pageMatches.has(m));
    if (wider.length)
      problems.push(`${where}: web_accessible_resources reachable from ${wider.join(', ')}, where the content script does not run`);
    if (entry.extension_ids?.length)
      problems.push(`${where}: web_accessible_resources open to other extensions: ${entry.extension_ids.join(', ')}`);
    if (entry.use_dynamic_url !== true)
      problems.push(`${where}: web_accessible_resources without use_dynamic_url: a page can probe a fixed URL for the extension`);
  }
  // The content script imports these modules: wherever there is one, they must be reachable.
  for (const r of pageMatches.size ? WEB_ACCESSIBLE : []) {
    if (!listed.has(r)) problems.push(`${where}: ${r} is not in web_accessible_resources, so the content script cannot import it`);
    else if (!existsSync(join(dir, r))) problems.push(`${dir}/${r}: in web_accessible_resources but not built`);
  }
  return problems;
}

function contentScriptProblems(dir, manifest) {
  const problems = [];
  for (const f of new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []))) {
    const p = join(dir, f);
    if (!existsSync(p)) {
      problems.push(`${p}: a content script in the manifest, but not built`);
      continue;
    }
    const size = statSync(p).size;
    if (size > MAX_CONTENT_SCRIPT_BYTES) {
      problems.push(
        `${p}: ${(size / 1024).toFixed(1)} KiB, over the ${MAX_CONTENT_SCRIPT_BYTES / 1024} KiB a content script may weigh (it runs on every page): load what most pages never need on first need, as the card UI is`,
      );
    }
  }
  return problems;
}

/** Scripts that load code from the network, in any shipped file. */
const REMOTE_CODE = /(?:import\(\s*["'`]https?:|<script[^>]+src=["']https?:|importScripts\(\s*["'`]https?:)/;

/**
 * Code the stores flag: the Function constructor (called, or aliased as minifiers write it), eval, and HTML
 * written from strings. Our code has none; the libraries' own is rewritten out by scripts/vite-store-safe.ts.
 * Firefox's build also goes through addons-linter (scripts/lint-firefox.mjs); this holds Chrome's to the same.
 */
const UNSAFE_CODE =
  /(?<![\w$.])Function\(|=\s*Function[,;)]|(?<![\w$.])eval\(|\.(?:inner|outer)HTML\s*=(?!=)|\binsertAdjacentHTML\(|\bdocument\.write(?:ln)?\(/;

export function checkBuild(dir, expected) {
  const problems = [];
  for (const f of files(dir)) {
    if (!/\.(js|mjs|html|css|json)$/.test(f)) continue;
    const bytes = readFileSync(f);
    const bad = bytes.findIndex((b) => b > 0x7f);
    if (bad >= 0) problems.push(`${f}: non-ASCII byte at offset ${bad}`);
    if (REMOTE_CODE.test(bytes.toString('latin1'))) problems.push(`${f}: loads remote code`);
    const unsafe = /\.m?js$/.test(f) ? UNSAFE_CODE.exec(bytes.toString('latin1')) : null;
    if (unsafe) problems.push(`${f}: eval or HTML from a string (${unsafe[0]}); see scripts/vite-store-safe.ts`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const perms = [...(manifest.permissions ?? [])].sort();
  if (JSON.stringify(perms) !== JSON.stringify([...expected].sort())) {
    problems.push(`${dir}/manifest.json: permissions ${JSON.stringify(perms)}, expected ${JSON.stringify(expected)}`);
  }
  if (manifest.host_permissions?.length) problems.push(`${dir}/manifest.json: unexpected host_permissions ${manifest.host_permissions}`);
  // Optional: asked for one origin at a time, when the user has the PDF reader fetch a PDF from there.
  const optional = (manifest.optional_host_permissions ?? []).filter((h) => !OPTIONAL_HOSTS.includes(h));
  if (optional.length) problems.push(`${dir}/manifest.json: unexpected optional_host_permissions ${JSON.stringify(optional)}`);
  if (manifest.manifest_version !== 3) problems.push(`${dir}/manifest.json: manifest_version ${manifest.manifest_version}, expected 3`);
  problems.push(...manifestPolicyProblems(dir, manifest));
  problems.push(...webAccessibleProblems(dir, manifest));
  problems.push(...contentScriptProblems(dir, manifest));
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = [];
  for (const [build, expected] of Object.entries(EXPECTED_PERMISSIONS))
    problems.push(...checkBuild(join(process.env.RL_OUT_DIR ?? '.output', build), expected));
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(
    `bundles ok: ${Object.keys(EXPECTED_PERMISSIONS).join(', ')} are ASCII-only, with the expected permissions, only ${WEB_ACCESSIBLE.join(', ')} web-accessible, and content scripts within ${MAX_CONTENT_SCRIPT_BYTES / 1024} KiB`,
  );
}
