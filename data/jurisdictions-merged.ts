/**
 * The jurisdictions as the dataset holds them: the hand-written records (jurisdictions.json) first, each
 * with the names in other languages that the generated file adds to it, then the generated records for every
 * other ISO 3166-1 country or territory and the first-level subdivisions news names
 * (jurisdictions.generated.json, made by scripts/generate-jurisdictions.mjs). No JSON is imported here, so that
 * test code that reads the files itself (Playwright cannot import JSON) merges them the same way. A hand-written record wins
 * whole: its display name, summary, memberships and sources are never replaced, only its names extended.
 */

interface Named {
  id: string;
  aliases: string[];
  adjectives?: string[];
}

/** The generated file's shape: records for places without a hand-written one, and more names for those with one. */
export interface GeneratedJurisdictions<G> {
  records: G[];
  names: Record<string, { aliases: string[]; adjectives: string[] }>;
}

export function mergeJurisdictions<H extends Named, G>(handWritten: H[], gen: GeneratedJurisdictions<G>): Array<H | G> {
  const merged = handWritten.map((j) => {
    const more = gen.names[j.id];
    return more ? { ...j, aliases: [...j.aliases, ...more.aliases], adjectives: [...(j.adjectives ?? []), ...more.adjectives] } : j;
  });
  return [...merged, ...gen.records];
}
