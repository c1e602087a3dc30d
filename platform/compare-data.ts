/** Everything the side panel draws from, read once from the extension-origin database. */
import type { Coalition, Framework, Jurisdiction, Stage, Technology } from '../data/schema';
import type { LensDb } from './db';

export interface CompareData {
  frameworks: Framework[];
  jurisdictions: Jurisdiction[];
  technologies: Technology[];
  stages: Stage[];
  coalitions: Coalition[];
  byId: Map<string, Jurisdiction>;
}

export async function loadCompareData(db: LensDb): Promise<CompareData> {
  const [frameworks, jurisdictions, technologies, stages, coalitions] = await Promise.all([
    db.frameworks.toArray(),
    db.jurisdictions.toArray(),
    db.technologies.toArray(),
    db.stages.toArray(),
    db.coalitions.toArray(),
  ]);
  return { frameworks, jurisdictions, technologies, stages, coalitions, byId: new Map(jurisdictions.map((j) => [j.id, j])) };
}
