/**
 * The matcher's tables (`tables.ts`, plain JSON) made into what a scan looks names up in: the groups of
 * forms by lookup key with their senses, display names, the shorter names each long name starts with, the
 * fuzzy index, the three tries (by script, see other-scripts.ts) and the citation step. Done once per
 * matcher: in the content script on every page load, so only maps and tries are filled here.
 */
import type { EntityKind } from './lexicon';
import type { CaseMode } from './terms';
import { fuzzyIndexFrom, type FuzzyIndex } from './fuzzy';
import type { FormRow, MatcherTables, Sense } from './tables';
import { wordsPattern } from './page-level';
import { citationStep } from './citations/detections';
import { Trie } from './trie';

export interface Form {
  mode: CaseMode;
  /** The form in its dataset case, separators folded (compared with the page for `exact`). */
  exact: string;
  senses: Sense[];
}

export interface Group {
  forms: Form[];
  /** An instrument word ("Act") where a fuzzy match of a long name may end. */
  head: boolean;
}

export function compileTables(tables: MatcherTables) {
  const senseTable: Sense[] = tables.senses.map(([kind, id, ambiguous, weak]) =>
    weak ? { kind, id, ambiguous: ambiguous === 1, weak } : { kind, id, ambiguous: ambiguous === 1 },
  );
  // Groups are made from their rows on first lookup: a page meets a few hundred of some ten thousand keys,
  // and making them all cost a tenth of the content script's start.
  const rows = new Map<string, FormRow[]>();
  let size = 0;
  for (const [key, forms] of tables.groups) {
    rows.set(key, forms);
    size += forms.length;
  }
  const heads = new Set(tables.heads);
  const made = new Map<string, Group>();
  const group = (key: string): Group | undefined => {
    let g = made.get(key);
    if (!g) {
      const forms = rows.get(key);
      if (!forms) return undefined;
      g = {
        head: heads.has(key),
        forms: forms.map(([mode, senses, exact]) => ({ mode, exact: exact ?? '', senses: senses.map((i) => senseTable[i]!) })),
      };
      made.set(key, g);
    }
    return g;
  };
  const names: Record<EntityKind, Map<string, string>> = {
    framework: new Map(),
    jurisdiction: new Map(),
    technology: new Map(),
    citation: new Map(),
  };
  for (const [kind, list] of Object.entries(tables.names) as Array<[EntityKind, Array<[string, string]>]>)
    for (const [id, name] of list) names[kind].set(id, name);
  // For a multi-word name, the shorter names it starts with, longest first (found on first need).
  const prefixes = new Map<string, string[]>();
  const prefixesOf = (key: string): readonly string[] => {
    let list = prefixes.get(key);
    if (!list) {
      list = [];
      for (let i = key.lastIndexOf(' '); i > 0; i = key.lastIndexOf(' ', i - 1)) {
        const p = key.slice(0, i);
        if (rows.get(p)?.length) list.push(p);
      }
      prefixes.set(key, list);
    }
    return list;
  };
  const fuzzy: FuzzyIndex = fuzzyIndexFrom(tables.fuzzy);
  // Acronyms that are also words, for the page level of the shouting check (built on first use).
  let words: { pattern?: RegExp } | undefined;
  return {
    threshold: tables.fuzzyThreshold,
    group,
    size,
    names,
    nameOf: (kind: EntityKind, id: string) => names[kind].get(id) ?? id,
    prefixesOf,
    fuzzy,
    trie: new Trie(tables.tries.ascii),
    accentedTrie: new Trie(tables.tries.accented),
    otherScriptTrie: new Trie(tables.tries.other),
    relations: { frameworkJurisdictions: tables.frameworkJurisdictions, jurisdictionGroups: tables.jurisdictionGroups },
    frameworkTechnologies: tables.frameworkTechnologies,
    citations: citationStep(tables.citations ?? [], tables.citationPatterns ?? {}),
    shoutable: () =>
      (words ??= {
        pattern: wordsPattern(
          [...rows.values()].flatMap((forms) =>
            forms.flatMap(([mode, , exact]) => (mode === 'exact' && exact && /^[A-Z]+$/.test(exact) ? [exact.toLowerCase()] : [])),
          ),
        ),
      }).pattern,
  };
}
