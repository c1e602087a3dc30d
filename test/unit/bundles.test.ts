import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuild } from '../../scripts/check-bundles.mjs';

function build(name: string, manifest: object, files: Record<string, string> = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'rl-bundle-')), name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

const chrome = { manifest_version: 3, minimum_chrome_version: '128', permissions: ['sidePanel', 'storage'] };

describe('the bundle checks', () => {
  it('accept a clean build', () => {
    expect(checkBuild(build('chrome-mv3', chrome, { 'a.js': 'console.log("ok")' }), ['sidePanel', 'storage'])).toEqual([]);
  });

  it('reject non-ASCII bytes, remote code and an extra permission', () => {
    const dir = build('chrome-mv3', { ...chrome, permissions: ['sidePanel', 'storage', 'tabs'] }, { 'a.js': 'const s = "\uffff";', 'b.js': 'import("https://cdn.example/x.js")' });
    const problems = checkBuild(dir, ['sidePanel', 'storage']).join('\n');
    expect(problems).toMatch(/a\.js: non-ASCII byte/);
    expect(problems).toMatch(/b\.js: loads remote code/);
    expect(problems).toMatch(/permissions .*tabs/);
  });

  it('reject a CSP that allows remote code, web-page messaging, and too old a browser', () => {
    const dir = build('chrome-mv3', { ...chrome, minimum_chrome_version: '100', content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" }, externally_connectable: { matches: ['https://*/*'] } });
    const problems = checkBuild(dir, ['sidePanel', 'storage']).join('\n');
    expect(problems).toMatch(/content_security_policy allows remote/);
    expect(problems).toMatch(/externally_connectable/);
    expect(problems).toMatch(/minimum_chrome_version/);
    const ff = build('firefox-mv3', { manifest_version: 3, permissions: [] });
    expect(checkBuild(ff, []).join('\n')).toMatch(/gecko\.id is missing/);
  });
});
