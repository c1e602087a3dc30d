/**
 * The matcher's tables (`tables.ts`, plain JSON) made into what a scan looks names up in: the groups of
 * forms by lookup key with their senses, display names, the shorter names each long name starts with, the
 * fuzzy index, the three trie regexes (by script, see other-scripts.ts) and the citation step. Done once per
 * matcher: in the content script on every page load, so only maps are filled and regexes created here.
 */
import type { EntityKind } from './lexicon';
import type { CaseMode } from './terms';
import { fuzzyIndexFrom, type FuzzyIndex } from './fuzzy';
import type { MatcherTables, Sense } from './tables';
import { wordsPattern } from './page-level';
import { citationStep } from './citations/detections';

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
  const groups = new Map<string, Group>();
  let size = 0;
  for (const [key, forms] of tables.groups) {
    groups.set(key, {
      head: false,
      forms: forms.map(([mode, senses, exact]) => ({ mode, exact: exact ?? '', senses: senses.map((i) => senseTable[i]!) })),
    });
    size += forms.length;
  }
  for (const h of tables.heads) groups.get(h)!.head = true;
  const names: Record<EntityKind, Map<string, string>> = {
    framework: new Map(),
    jurisdiction: new Map(),
    technology: new Map(),
    citation: new Map(),
  };
  for (const [kind, list] of Object.entries(tables.names) as Array<[EntityKind, Array<[string, string]>]>)
    for (const [id, name] of list) names[kind].set(id, name);
  // For each multi-word name, the shorter names it starts with, longest first.
  const prefixes = new Map<string, string[]>();
  for (const key of groups.keys()) {
    let list: string[] | undefined;
    for (let i = key.lastIndexOf(' '); i > 0; i = key.lastIndexOf(' ', i - 1)) {
      const p = key.slice(0, i);
      if (groups.get(p)?.forms.length) (list ??= []).push(p);
    }
    if (list) prefixes.set(key, list);
  }
  const fuzzy: FuzzyIndex = fuzzyIndexFrom(tables.fuzzy);
  // Acronyms that are also words, for the page level of the shouting check (built on first use).
  let words: { pattern?: RegExp } | undefined;
  return {
    threshold: tables.fuzzyThreshold,
    groups,
    size,
    names,
    nameOf: (kind: EntityKind, id: string) => names[kind].get(id) ?? id,
    prefixes,
    fuzzy,
    regex: new RegExp(tables.source, 'g'),
    accentedRegex: tables.accentedSource ? new RegExp(tables.accentedSource, 'g') : undefined,
    otherScriptRegex: tables.otherScriptSource ? new RegExp(tables.otherScriptSource, 'g') : undefined,
    relations: { frameworkJurisdictions: tables.frameworkJurisdictions, jurisdictionGroups: tables.jurisdictionGroups },
    frameworkTechnologies: tables.frameworkTechnologies,
    citations: citationStep(tables.citations ?? [], tables.citationPatterns ?? {}),
    shoutable: () =>
      (words ??= {
        pattern: wordsPattern(
          [...groups.values()].flatMap((g) =>
            g.forms.filter((f) => f.mode === 'exact' && /^[A-Z]+$/.test(f.exact)).map((f) => f.exact.toLowerCase()),
          ),
        ),
      }).pattern,
  };
}
