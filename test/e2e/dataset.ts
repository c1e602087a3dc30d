// Playwright's ESM loader needs import attributes for JSON, which Vite does not; read the files instead.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateDataset } from '../../data/validate';

const read = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data', `${name}.json`), 'utf8'));

export function bundledDataset() {
  const result = validateDataset({
    version: 'test',
    ...Object.fromEntries(['frameworks', 'jurisdictions', 'technologies', 'challenges', 'stages', 'coalitions'].map((n) => [n, read(n)])),
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.dataset;
}
