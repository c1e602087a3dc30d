import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuild, MAX_CONTENT_SCRIPT_BYTES } from '../../scripts/check-bundles.mjs';

function build(name: string, manifest: object, files: Record<string, string> = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'rl-bundle-')), name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

const chrome = { manifest_version: 3, minimum_chrome_version: '128', permissions: ['sidePanel', 'storage'] };

/** With the content script, and the modules it imports on first need. */
const PAGES = ['http://*/*', 'https://*/*'];
const withContent = {
  ...chrome,
  content_scripts: [{ matches: PAGES, js: ['content-scripts/content.js'] }],
  web_accessible_resources: [{ resources: ['card-ui.js', 'fuzzy-score.js', 'page-date.js'], matches: PAGES, use_dynamic_url: true }],
};
const shipped = {
  'content-scripts/content.js': 'console.log("content")',
  'card-ui.js': 'console.log("card")',
  'fuzzy-score.js': 'console.log("fuzzy")',
  'page-date.js': 'console.log("date")',
};

describe('the bundle checks', () => {
  it('accept a clean build', () => {
    expect(checkBuild(build('chrome-mv3', chrome, { 'a.js': 'console.log("ok")' }), ['sidePanel', 'storage'])).toEqual([]);
    expect(checkBuild(build('chrome-mv3', withContent, shipped), ['sidePanel', 'storage'])).toEqual([]);
  });

  it('reject non-ASCII bytes, remote code and an extra permission', () => {
    const dir = build(
      'chrome-mv3',
      { ...chrome, permissions: ['sidePanel', 'storage', 'tabs'] },
      { 'a.js': 'const s = "\uffff";', 'b.js': 'import("https://cdn.example/x.js")' },
    );
    const problems = checkBuild(dir, ['sidePanel', 'storage']).join('\n');
    expect(problems).toMatch(/a\.js: non-ASCII byte/);
    expect(problems).toMatch(/b\.js: loads remote code/);
    expect(problems).toMatch(/permissions .*tabs/);
  });

  it('reject eval and HTML written from strings in scripts, as the stores flag them (scripts/vite-store-safe.ts)', () => {
    const flagged = {
      'probe.js': 'try{return Function(``),!0}catch{return!1}',
      'alias.js': 'compile(){let e=Function,t=this.content;return new e(t)}',
      'eval.js': 'x=eval(s)',
      'html.js': 'n.innerHTML=h.__html',
    };
    const dir = build('chrome-mv3', chrome, {
      ...flagged,
      'fine.js': 'Function.call.bind(o);isAsyncFunction(f);new ZodFunction({});n.innerHTML==h;n.textContent=s',
    });
    const problems = checkBuild(dir, ['sidePanel', 'storage']);
    expect(problems.map((p) => p.slice(0, p.indexOf(':')).replace(/.*\//, '')).sort()).toEqual(Object.keys(flagged).sort());
  });

  it('reject a CSP that allows remote code, web-page messaging, and too old a browser', () => {
    const dir = build('chrome-mv3', {
      ...chrome,
      minimum_chrome_version: '100',
      content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" },
      externally_connectable: { matches: ['https://*/*'] },
    });
    const problems = checkBuild(dir, ['sidePanel', 'storage']).join('\n');
    expect(problems).toMatch(/content_security_policy allows remote/);
    expect(problems).toMatch(/externally_connectable/);
    expect(problems).toMatch(/minimum_chrome_version/);
    const ff = build('firefox-mv3', { manifest_version: 3, permissions: [] });
    expect(checkBuild(ff, []).join('\n')).toMatch(/gecko\.id is missing/);
  });

  it('reject a content script over the 100 KiB budget, and accept one at the budget', () => {
    const at = build('chrome-mv3', withContent, { ...shipped, 'content-scripts/content.js': 'x'.repeat(MAX_CONTENT_SCRIPT_BYTES) });
    expect(checkBuild(at, ['sidePanel', 'storage'])).toEqual([]);
    const over = build('chrome-mv3', withContent, { ...shipped, 'content-scripts/content.js': 'x'.repeat(MAX_CONTENT_SCRIPT_BYTES + 1) });
    expect(checkBuild(over, ['sidePanel', 'storage']).join('\n')).toMatch(/content\.js: 100\.0 KiB, over the 100 KiB/);
  });

  it('reject web-accessible files beyond the lazily loaded modules, reachable from more pages, by other extensions or at a fixed URL', () => {
    const dir = build(
      'chrome-mv3',
      {
        ...withContent,
        web_accessible_resources: [
          { resources: ['card-ui.js', 'fuzzy-score.js', 'background.js'], matches: [...PAGES, '<all_urls>'], use_dynamic_url: true },
          { resources: ['card-ui.js'], matches: PAGES, extension_ids: ['abcdefghijklmnopabcdefghijklmnop'] },
        ],
      },
      shipped,
    );
    const problems = checkBuild(dir, ['sidePanel', 'storage']).join('\n');
    expect(problems).toMatch(/exposes background\.js to web pages/);
    expect(problems).toMatch(/reachable from <all_urls>, where the content script does not run/);
    expect(problems).toMatch(/open to other extensions/);
    expect(problems).toMatch(/without use_dynamic_url/);
  });

  it('reject a build whose lazily loaded modules are not web-accessible or not built (the content script could not load them)', () => {
    const unlisted = build('chrome-mv3', { ...withContent, web_accessible_resources: undefined }, shipped);
    expect(checkBuild(unlisted, ['sidePanel', 'storage']).join('\n')).toMatch(/card-ui\.js is not in web_accessible_resources/);
    expect(checkBuild(unlisted, ['sidePanel', 'storage']).join('\n')).toMatch(/fuzzy-score\.js is not in web_accessible_resources/);
    const missing = build('chrome-mv3', withContent, { 'content-scripts/content.js': 'console.log("content")' });
    expect(checkBuild(missing, ['sidePanel', 'storage']).join('\n')).toMatch(/card-ui\.js: in web_accessible_resources but not built/);
    expect(checkBuild(missing, ['sidePanel', 'storage']).join('\n')).toMatch(/fuzzy-score\.js: in web_accessible_resources but not built/);
  });
});
