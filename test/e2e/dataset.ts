// Playwright's ESM loader needs import attributes for JSON, which Vite does not; read the files instead.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mergeJurisdictions } from '../../data/jurisdictions-merged';
import { validateDataset } from '../../data/validate';

const read = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data', `${name}.json`), 'utf8'));

export function bundledDataset() {
  const result = validateDataset({
    version: 'test',
    ...Object.fromEntries(['frameworks', 'technologies', 'challenges', 'stages', 'coalitions'].map((n) => [n, read(n)])),
    // As data/index.ts does: the hand-written records, then the generated ones.
    jurisdictions: mergeJurisdictions(read('jurisdictions'), read('jurisdictions.generated')),
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.dataset;
}
