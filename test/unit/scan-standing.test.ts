/**
 * The scan CLI reports the date a saved page publishes for itself and, per framework found, its standing then
 * and now; run as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const scan = (...args: string[]) =>
  spawnSync(join(ROOT, 'node_modules', '.bin', 'vite-node'), [join(ROOT, 'scripts', 'scan.ts'), '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });

interface Line {
  file: string;
  pageDate: { date: string; confidence: string; source: string } | null;
  standing: Array<{ id: string; then?: string; now: string; changes: Array<{ kind: string; date?: string; successor?: string }> }>;
}

describe('npm run scan on dated and undated pages', () => {
  let lines: Line[];
  let table: string;
  beforeAll(() => {
    const pages = ['then-and-now.html', 'then-and-now-undated.html'].map((f) => join(ROOT, 'test', 'pages', f));
    lines = scan('--json', ...pages)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    table = scan(pages[0]!).stdout;
  }, 240_000);

  it('reads the page date with its confidence and where it was found', () => {
    expect(lines[0]!.pageDate).toEqual({ date: '2019-07-03', confidence: 'high', source: 'json-ld datePublished' });
    expect(lines[1]!.pageDate).toBeNull();
    expect(table).toContain('page date: 2019-07-03 (high, json-ld datePublished)');
  });

  it('gives each framework its standing then and now, and what changed in between', () => {
    const shield = lines[0]!.standing.find((r) => r.id === 'eu-us-privacy-shield')!;
    expect(shield).toMatchObject({ then: 'in-force', now: 'invalidated' });
    expect(shield.changes).toEqual([expect.objectContaining({ kind: 'invalidated', date: '2020-07-16', successor: 'eu-us-dpf' })]);
    expect(lines[0]!.standing.find((r) => r.id === 'gdpr')).toMatchObject({ then: 'in-force', now: 'in-force', changes: [] });
    expect(lines[1]!.standing.find((r) => r.id === 'eu-us-privacy-shield')).toEqual({
      id: 'eu-us-privacy-shield',
      name: 'EU-U.S. Privacy Shield',
      now: 'invalidated',
      changes: [],
    });
    expect(table).toMatch(/EU-U\.S\. Privacy Shield +in-force +invalidated +invalidated 2020-07-16 by the CJEU/);
  });
});
