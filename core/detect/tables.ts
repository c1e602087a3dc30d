/**
 * The matcher's tables, built from the lexicon once per dataset version by the background (and by the
 * CLI and tests through `compileMatcher`): every surface form with its generated variants, grouped under
 * the key the page text is looked up by, the tries over all of them (trie.ts), the shorter names each
 * long name starts with, and the fuzzy index. Plain JSON, so that the content script receives them in one
 * message and only fills maps on each page load (`matcherFromTables`), instead of rebuilding them there.
 */
import type { EntityKind, Lexicon, LexiconEntry } from './lexicon';
import { splitByScript } from './other-scripts';
import { canonicalTerm, caseModeOf, isCaseSensitiveTerm, type CaseMode } from './terms';
import { lookupForm } from './pattern';
import { trieWire } from './trie';
import { DEFAULT_FUZZY_THRESHOLD, buildFuzzyIndex } from './fuzzy';
import { citationIndex, type CitationRow } from './citations/resolve';
import { PATTERNS, type FormPattern } from './citations/forms';

export interface MatcherOptions {
  /** Fuse score at or below which a misspelled long name is accepted; 0 turns fuzzy matching off. */
  fuzzyThreshold?: number;
}

/** One meaning of a form: [kind, entity id, shared name (1) or not (0), weak word kind]. */
export type SenseRow = [EntityKind, string, 0 | 1, ('adjective' | 'context')?];
/** One way a key is written: [case mode, sense rows, the form in its dataset case (exact mode only)]. */
export type FormRow = [CaseMode, number[]] | ['exact', number[], string];
/** A lookup key and the ways it is written. */
export type GroupRow = [string, FormRow[]];

export interface MatcherTables {
  /** The lexicon's (the dataset's) version: tables are rebuilt when it changes. */
  version: string;
  fuzzyThreshold: number;
  /**
   * The names as the tries read them (trie.ts), split by the letters they need (other-scripts.ts): the
   * accented and other-script ones are searched only on text that has such letters.
   */
  tries: { ascii: string; accented: string; other: string };
  senses: SenseRow[];
  groups: GroupRow[];
  /** Keys that are instrument words where a fuzzy match may end ("act", "regulations"). */
  heads: string[];
  /** Display names by kind: [id, name]. */
  names: Record<EntityKind, Array<[string, string]>>;
  /** Instrument word ("act") → the keys of the long names that end in it. */
  fuzzy: Array<[string, string[]]>;
  frameworkJurisdictions: Record<string, string[]>;
  jurisdictionGroups: Record<string, string[]>;
  frameworkTechnologies: Record<string, string[]>;
  /** Citations that name a curated framework (see citations/resolve.ts). */
  citations: CitationRow[];
  /** The citation forms' patterns (see citations/forms.ts): data, so the content script need not carry them. */
  citationPatterns: Record<string, FormPattern>;
}

/** One meaning of a surface form: which entity, and how much proof it needs. */
export interface Sense {
  kind: EntityKind;
  id: string;
  ambiguous: boolean;
  weak?: 'adjective' | 'context';
}

export function buildMatcherTables(lexicon: Lexicon, options: MatcherOptions = {}): MatcherTables {
  const threshold = options.fuzzyThreshold ?? DEFAULT_FUZZY_THRESHOLD;
  const groups = new Map<string, { head: boolean; forms: Array<{ mode: CaseMode; exact: string; senses: number[] }> }>();
  const names: MatcherTables['names'] = { framework: [], jurisdiction: [], technology: [], citation: [] };
  const named = new Set<string>();
  const senseRows: SenseRow[] = [];
  const senseIndex = new Map<string, number>();
  const senseOf = (s: Sense): number => {
    const k = `${s.kind}\u0000${s.id}\u0000${s.ambiguous}\u0000${s.weak ?? ''}`;
    let i = senseIndex.get(k);
    if (i === undefined) {
      senseIndex.set(k, (i = senseRows.length));
      senseRows.push(s.weak ? [s.kind, s.id, s.ambiguous ? 1 : 0, s.weak] : [s.kind, s.id, s.ambiguous ? 1 : 0]);
    }
    return i;
  };

  /** Framework forms for the fuzzy index: [lookup key, form as written, framework id]. */
  const frameworkForms: Array<[string, string, string]> = [];
  /** Forms as the trie reads them: lower case, with their own spaces and hyphens. */
  const trieTerms = new Set<string>();
  const add = (canon: string, sense: Sense, generated: boolean) => {
    if (!canon) return;
    const exact = lookupForm(canon);
    const key = exact.toLowerCase();
    let g = groups.get(key);
    // A generated variant never takes a name the dataset gave to something else.
    if (generated && g?.forms.length) return;
    if (!g) groups.set(key, (g = { forms: [], head: false }));
    trieTerms.add(canon.toLowerCase());
    const mode = caseModeOf(canon);
    let f = g.forms.find((x) => x.mode === mode && (mode !== 'exact' || x.exact === exact));
    if (!f) g.forms.push((f = { mode, exact: mode === 'exact' ? exact : '', senses: [] }));
    const i = senseOf(sense);
    if (!f.senses.includes(i)) f.senses.push(i);
    if (sense.kind === 'framework' && !sense.weak) frameworkForms.push([key, canon, sense.id]);
  };

  const senseFor = (e: LexiconEntry, ambiguous = !!e.ambiguous): Sense => ({
    kind: e.kind,
    id: e.id,
    ambiguous,
    ...(e.weak ? { weak: e.weak } : {}),
  });
  const canonical = lexicon.entries.map((e) => canonicalTerm(e.term));
  lexicon.entries.forEach((e, i) => {
    if (!named.has(`${e.kind}:${e.id}`)) {
      named.add(`${e.kind}:${e.id}`);
      names[e.kind].push([e.id, e.name]);
    }
    add(canonical[i]!, senseFor(e), false);
  });
  // Variants the dataset need not spell out (generated after every explicit name, which they never
  // override): plurals of technology words; framework names shortened as running text shortens them;
  // possessives of names that begin with a jurisdiction ("the EU's AI Act", "Colorado's AI Act").
  const jurisdictionSet = new Set(
    lexicon.entries.flatMap((e, i) => (e.kind === 'jurisdiction' && !e.weak ? [canonical[i]!.toLowerCase()] : [])),
  );
  for (const [i, e] of lexicon.entries.entries()) {
    const canon = canonical[i]!;
    if (e.kind === 'technology') for (const p of plurals(canon)) add(canonicalTerm(p), senseFor(e), true);
    if (e.kind !== 'framework' || e.weak) continue;
    const variants: Array<[string, boolean]> = [
      [canon, !!e.ambiguous],
      ...shortenedNames(canon, jurisdictionSet).map(([v, amb]) => [v, amb || !!e.ambiguous] as [string, boolean]),
    ];
    for (const [v, amb] of variants) {
      if (v !== canon) add(canonicalTerm(v), senseFor(e, amb), true);
      const prefix = jurisdictionPrefix(v, jurisdictionSet);
      if (prefix) add(canonicalTerm(`${prefix}'s ${v.slice(prefix.length + 1)}`), senseFor(e, amb), true);
    }
  }
  const fuzzy = buildFuzzyIndex(frameworkForms);
  if (threshold > 0) {
    for (const h of fuzzy.heads) {
      const g = groups.get(h);
      if (g) g.head = true;
      else groups.set(h, { forms: [], head: true });
      trieTerms.add(h);
    }
  }
  const { ascii, accented, other } = splitByScript(trieTerms);
  return {
    version: lexicon.version,
    fuzzyThreshold: threshold,
    tries: { ascii: trieWire(ascii), accented: trieWire(accented), other: trieWire(other) },
    senses: senseRows,
    groups: [...groups].map(([key, g]): GroupRow => [
      key,
      g.forms.map((f): FormRow => (f.mode === 'exact' ? [f.mode, f.senses, f.exact] : [f.mode, f.senses])),
    ]),
    heads: [...groups].flatMap(([key, g]) => (g.head ? [key] : [])),
    names,
    fuzzy: [...fuzzy.byHead].map(([head, list]): [string, string[]] => [head, list.map((n) => n.key)]),
    frameworkJurisdictions: lexicon.frameworkJurisdictions ?? {},
    jurisdictionGroups: lexicon.jurisdictionGroups ?? {},
    frameworkTechnologies: lexicon.frameworkTechnologies ?? {},
    citations: citationIndex(lexicon),
    citationPatterns: PATTERNS,
  };
}

/** The longest jurisdiction name that `name` starts with, followed by a space ("Colorado" in "Colorado AI Act"). */
function jurisdictionPrefix(name: string, jurisdictions: Set<string>): string | undefined {
  let found: string | undefined;
  for (let i = name.indexOf(' '); i > 0; i = name.indexOf(' ', i + 1)) {
    if (jurisdictions.has(name.slice(0, i).toLowerCase())) found = name.slice(0, i);
  }
  return found;
}

/**
 * How names are shortened in running text, each with whether the short form is shared (needs context):
 * - without a trailing qualifier in parentheses: "Artificial Intelligence Risk Management Framework (AI
 *   RMF 1.0)"; shared when the qualifier is a jurisdiction ("Cybersecurity Labelling Scheme (Singapore)");
 * - without a trailing "of <jurisdiction>": "Personal Information Protection Law of the People's Republic
 *   of China" (shared: other countries have laws of that name);
 * - without an American-style year: "California Consumer Privacy Act of 2018", "Local Law 144 of 2021".
 *   British-style years stay ("Data Protection Act 2018"): the same short title recurs across years.
 */
function shortenedNames(name: string, jurisdictions: Set<string>): Array<[string, boolean]> {
  const out: Array<[string, boolean]> = [];
  const multiWord = (s: string) => /\s/.test(s);
  const paren = /^(.+?)\s*\(([^()]*)\)$/.exec(name);
  const bare = paren ? paren[1]! : name;
  if (paren && multiWord(bare)) out.push([bare, jurisdictions.has(paren[2]!.toLowerCase()) || paren[2] === 'Cth']);
  for (const n of [name, bare]) {
    for (const m of n.matchAll(/\s+of\s+(?:the\s+)?/g)) {
      const before = n.slice(0, m.index);
      if (multiWord(before) && jurisdictions.has(n.slice(m.index + m[0].length).toLowerCase())) out.push([before, true]);
    }
    const year = /^(.+\S)\s+of\s+(?:19|20)\d\d$/.exec(n);
    if (year && multiWord(year[1]!)) out.push([year[1]!, false]);
  }
  return out;
}

/** Technology words in the plural: "stablecoins", "LLMs", "cryptocurrencies", "smart contracts". */
function plurals(term: string): string[] {
  if (/^[A-Z][A-Za-z]*[A-Z]$/.test(term)) return [`${term}s`];
  const m = /^(.*?)([\p{Ll}]+)$/u.exec(term);
  if (!m || isCaseSensitiveTerm(term)) return [];
  const [, before, last] = m as unknown as [string, string, string];
  if (/(?:s|x|z|ch|sh)$/.test(last)) return [];
  if (/[^aeiou]y$/.test(last)) return [`${before}${last.slice(0, -1)}ies`];
  return [`${before}${last}s`];
}
