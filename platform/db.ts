/**
 * The extension's IndexedDB (in the extension's own origin, never the page's): the bundled dataset,
 * seeded in one transaction per dataset version, next to user tables that seeding never touches.
 */
import Dexie, { type Table } from 'dexie';
import type { Challenge, Coalition, Dataset, EntityKind, Framework, Jurisdiction, Stage, Technology } from '../data/schema';

export const DB_NAME = 'regulatory-lens';

export interface Meta {
  key: string;
  value: string;
}

/** A comparison the user chose to keep (user data: survives dataset upgrades). */
export interface SavedComparison {
  id?: number;
  jurisdictions: string[];
  savedAt: string;
}

/** A card the user opened from the popup (user data, kept to a handful by `ui/popup/recent.ts`). */
export interface RecentLookup {
  /** `kind:id`, so looking the same thing up again replaces its entry. */
  key: string;
  kind: EntityKind;
  id: string;
  /** Epoch milliseconds. */
  at: number;
}

export class LensDb extends Dexie {
  frameworks!: Table<Framework, string>;
  jurisdictions!: Table<Jurisdiction, string>;
  technologies!: Table<Technology, string>;
  challenges!: Table<Challenge, string>;
  stages!: Table<Stage, string>;
  coalitions!: Table<Coalition, string>;
  meta!: Table<Meta, string>;
  comparisons!: Table<SavedComparison, number>;
  recents!: Table<RecentLookup, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      // Lookups the UI needs: by alias (acronyms, official numbers), by jurisdiction, by technology.
      frameworks: 'id, shortName, *aliases, *technologies, *scope.jurisdictions, issuer, status',
      jurisdictions: 'id, shortName, *aliases, kind, *memberOf',
      technologies: 'id',
      challenges: 'id',
      stages: 'id',
      coalitions: 'id, founded',
      meta: 'key',
      comparisons: '++id',
    });
    // v2 adds a user table only (popup's recent lookups); stores not named here carry over unchanged.
    this.version(2).stores({ recents: 'key, at' });
  }
}

const DATASET_TABLES = ['frameworks', 'jurisdictions', 'technologies', 'challenges', 'stages', 'coalitions'] as const;

/**
 * Makes the database hold exactly the bundled dataset. Re-seeds when the version differs or when the
 * stored counts do not match (a half-written or damaged database); user tables are left alone.
 * Returns whether it wrote.
 */
export async function ensureSeeded(db: LensDb, dataset: Dataset): Promise<boolean> {
  const current = await db.meta.get('datasetVersion');
  if (current?.value === dataset.version && (await countsMatch(db, dataset))) return false;
  await db.transaction('rw', [...DATASET_TABLES.map((t) => db[t]), db.meta], async () => {
    for (const t of DATASET_TABLES) {
      await db[t].clear();
      await (db[t] as Table<unknown, string>).bulkAdd(dataset[t]);
    }
    await db.meta.put({ key: 'datasetVersion', value: dataset.version });
  });
  return true;
}

async function countsMatch(db: LensDb, dataset: Dataset): Promise<boolean> {
  for (const t of DATASET_TABLES) {
    if ((await db[t].count()) !== dataset[t].length) return false;
  }
  return true;
}
