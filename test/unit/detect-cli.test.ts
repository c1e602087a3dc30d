/**
 * The scan CLI (`npm run scan -- [--json] <file-or-dir>...`), run as a user runs it, on a directory of
 * saved pages with a few files it must refuse.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const scan = (...args: string[]) =>
  spawnSync(join(ROOT, 'node_modules', '.bin', 'vite-node'), [join(ROOT, 'scripts', 'scan.ts'), '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rl-scan-'));
  mkdirSync(join(dir, 'nested'));
  writeFileSync(
    join(dir, 'news.html'),
    '<html><body><script>GDPR</script><p>The <b>EU</b> AI Act and the GDPR apply in Kenya.</p></body></html>',
  );
  writeFileSync(join(dir, 'nested', 'notes.txt'), 'Stablecoins under MiCA.\nNothing else.');
  writeFileSync(join(dir, 'nested', 'cited.txt'), 'Directive (EU) 2019/1937 and Regulation (EU) 2022/868.');
  writeFileSync(join(dir, 'labels.json'), '{"not": "a page"}'); // not picked up from a directory
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
}, 30_000);

describe('npm run scan', () => {
  // Two runs (each starts vite-node, which takes seconds): JSON with files it must refuse, then tables.
  let json: ReturnType<typeof scan>;
  let table: ReturnType<typeof scan>;
  beforeAll(() => {
    json = scan('--json', dir, join(dir, 'image.png'), join(dir, 'missing.html'), join(dir, 'labels.json'));
    table = scan(join(dir, 'news.html'), join(ROOT, 'test', 'fixtures', 'pages'));
  }, 240_000);

  it('reports citations with their canonical identifier, and a record cited by its number with both', () => {
    const cited = JSON.parse(json.stdout.trim().split('\n')[0]!) as { detections: Array<Record<string, unknown>> };
    expect(cited.detections.map((d) => [d.kind, d.id, d.citation])).toEqual([
      ['citation', 'celex:32019L1937', undefined],
      ['framework', 'eu-data-governance-act', 'celex:32022R0868'],
    ]);
  });

  it('prints one JSON object per file with the text length and the detections, offsets into that text', () => {
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; textLength: number; detections: Array<Record<string, unknown>> });
    expect(lines.map((l) => l.file)).toEqual([join(dir, 'nested', 'cited.txt'), join(dir, 'nested', 'notes.txt'), join(dir, 'news.html')]);
    const news = lines[2]!;
    expect(news.textLength).toBe('The EU AI Act and the GDPR apply in Kenya.'.length);
    expect(news.detections).toEqual([
      { kind: 'framework', id: 'eu-ai-act', name: 'EU AI Act', text: 'EU AI Act', start: 4, end: 13, confidence: 1 },
      { kind: 'framework', id: 'gdpr', name: 'GDPR', text: 'GDPR', start: 22, end: 26, confidence: 1 },
      { kind: 'jurisdiction', id: 'ke', name: 'Kenya', text: 'Kenya', start: 36, end: 41, confidence: 1 },
    ]);
    expect(lines[1]!.detections.map((d) => d.id)).toEqual(['blockchain', 'mica']);
  });

  it('reports each unreadable or non-HTML file on one line, still scans the others, and exits with 1', () => {
    expect(json.status).toBe(1);
    expect(json.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^scan: ${join(dir, 'image.png')}: not an HTML or text file`)),
      `scan: ${join(dir, 'missing.html')}: no such file`,
      expect.stringMatching(new RegExp(`^scan: ${join(dir, 'labels.json')}: not an HTML or plain-text file`)),
    ]);
  });

  it('prints a table per file by default, directories of saved pages included: kind, name, text as written, count', () => {
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/news\.html \(42 characters of text, 3 detections\)/);
    expect(table.stdout).toMatch(/^kind\s+name\s+text\s+count$/m);
    expect(table.stdout).toMatch(/^framework\s+EU AI Act\s+EU AI Act\s+1$/m);
    expect(table.stdout).toMatch(/^jurisdiction\s+Kenya\s+Kenya\s+1$/m);
    const files = [...table.stdout.matchAll(/^(\S+) \((\d+) characters of text, (\d+) detections\)$/gm)];
    expect(files.filter((f) => f[1]!.includes('fixtures/pages/')).length).toBeGreaterThanOrEqual(8);
    expect(files.every((f) => Number(f[3]) > 0)).toBe(true);
  });
});
