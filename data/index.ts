/**
 * The bundled dataset, as raw JSON. `parseDataset` validates it at the boundary (schema plus cross-record
 * rules); the build runs the same check and refuses to produce an extension from invalid data.
 */
import frameworks from './frameworks.json';
import hand from './jurisdictions.json';
import generated from './jurisdictions.generated.json';
import { mergeJurisdictions, type GeneratedJurisdictions } from './jurisdictions-merged';
import technologies from './technologies.json';
import challenges from './challenges.json';
import stages from './stages.json';
import coalitions from './coalitions.json';
import type { Dataset } from './schema';
import { validateDataset } from './validate';

const jurisdictions = mergeJurisdictions(hand as Parameters<typeof mergeJurisdictions>[0], generated as GeneratedJurisdictions<unknown>);

export const rawDataset = { frameworks, jurisdictions, technologies, challenges, stages, coalitions };

/** A short content hash: a new dataset build gets a new version, so installed copies re-seed. */
export function datasetVersion(raw: unknown = rawDataset): string {
  const text = JSON.stringify(raw);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

let cached: Dataset | undefined;

/** The validated dataset; throws with every problem listed if the bundled data is invalid. */
export function loadDataset(): Dataset {
  if (cached) return cached;
  const result = validateDataset({ version: datasetVersion(), ...rawDataset });
  if (!result.ok) throw new Error(`Invalid dataset:\n${result.problems.join('\n')}`);
  cached = result.dataset;
  return cached;
}
