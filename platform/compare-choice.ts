/**
 * Which jurisdictions the side panel compares, and how that choice arrives and survives: from
 * `sidepanel.html?j=eu,us` (the URL contract other surfaces use to open the panel pre-filled), from the
 * background's `openSidePanel` message, or from the last choice, kept in the Dexie `comparisons` table.
 */
import type { Jurisdiction } from '../data/schema';
import type { LensDb } from './db';

export const MIN_CHOICE = 2;
export const MAX_CHOICE = 4;
export const DEFAULT_CHOICE = ['eu', 'us'];
/** Past choices kept; the newest is the current one. */
export const HISTORY = 20;

/** The ids in `?j=eu,us` (also `?j=eu&j=us`), lower-cased, in order. */
export function choiceFromUrl(search: string): string[] {
  const params = new URLSearchParams(search);
  return params
    .getAll('j')
    .flatMap((v) => v.split(','))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** Known, comparable (not an organization) and distinct ids, in order. */
export function validIds(ids: string[], byId: Map<string, Jurisdiction>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const j = byId.get(id);
    if (j && j.kind !== 'organization' && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * The choice after a request: two or more requested ids replace the choice (capped at four); a single one
 * joins the current comparison in first place ("compare Kenya" from Kenya's card), dropping the last if
 * that makes five. Nothing valid requested keeps the current choice.
 */
export function mergeChoice(requested: string[], current: string[], byId: Map<string, Jurisdiction>): string[] {
  const want = validIds(requested, byId);
  const now = validIds(current, byId);
  if (want.length >= MIN_CHOICE) return want.slice(0, MAX_CHOICE);
  if (want.length === 1) {
    const merged = [want[0]!, ...now.filter((id) => id !== want[0])].slice(0, MAX_CHOICE);
    return merged.length >= MIN_CHOICE ? merged : [...merged, ...DEFAULT_CHOICE.filter((id) => !merged.includes(id))].slice(0, MIN_CHOICE);
  }
  return now.length >= MIN_CHOICE ? now.slice(0, MAX_CHOICE) : validIds(DEFAULT_CHOICE, byId);
}

/** The last saved choice, if any. */
export async function loadChoice(db: LensDb): Promise<string[] | undefined> {
  return (await db.comparisons.orderBy(':id').last())?.jurisdictions;
}

/** Records a choice as the newest comparison unless it already is; keeps the last `HISTORY`. */
export async function saveChoice(db: LensDb, ids: string[], now = new Date()): Promise<void> {
  await db.transaction('rw', db.comparisons, async () => {
    const last = await db.comparisons.orderBy(':id').last();
    if (last && sameChoice(last.jurisdictions, ids)) return;
    await db.comparisons.add({ jurisdictions: [...ids], savedAt: now.toISOString() });
    const keys = await db.comparisons.orderBy(':id').primaryKeys();
    if (keys.length > HISTORY) await db.comparisons.bulkDelete(keys.slice(0, keys.length - HISTORY));
  });
}

export function sameChoice(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
