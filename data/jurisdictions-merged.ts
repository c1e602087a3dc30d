/**
 * The jurisdictions as the dataset holds them: the hand-written records (jurisdictions.json) first, each
 * with the names in other languages that the generated file adds to it, then the generated records for every
 * other ISO 3166-1 country or territory and the first-level subdivisions news names
 * (jurisdictions.generated.json, made by scripts/generate-jurisdictions.mjs). A hand-written record wins
 * whole: its display name, summary, memberships and sources are never replaced, only its names extended.
 */
import hand from './jurisdictions.json';
import generated from './jurisdictions.generated.json';

interface Named {
  id: string;
  aliases: string[];
  adjectives?: string[];
}

export function mergeJurisdictions<H extends Named, G>(handWritten: H[], gen: { records: G[]; names: Record<string, { aliases: string[]; adjectives: string[] }> }): Array<H | G> {
  const merged = handWritten.map((j) => {
    const more = gen.names[j.id];
    return more ? { ...j, aliases: [...j.aliases, ...more.aliases], adjectives: [...(j.adjectives ?? []), ...more.adjectives] } : j;
  });
  return [...merged, ...gen.records];
}

export const jurisdictions = mergeJurisdictions(hand as Named[], generated as { records: Named[]; names: Record<string, { aliases: string[]; adjectives: string[] }> });
