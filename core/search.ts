/**
 * Typo-tolerant lookup over frameworks, jurisdictions and technologies. Pure: takes records, returns ranked
 * hits; the popup and the side panel build it from the database.
 *
 * Why not one Fuse.js index over whole records: Fuse's bitap costs grow with text length times the errors
 * a pattern allows, so multi-word queries over ~300 records with summaries took 20-120 ms a keystroke.
 * Instead every record is split into words once; each query word is looked up exactly and by prefix in a
 * sorted vocabulary (binary search) and, for misspellings, with Fuse.js over the distinct name words only
 * (short strings, a few thousand at most). Records score by how well each query word matched and where
 * (names beat summaries); whole-phrase matches on a name then lead.
 */
import Fuse from 'fuse.js';
import type { Framework, Jurisdiction, Technology } from '../data/schema';
import type { EntityKind } from './detect/lexicon';
import { editsWithin, maxEdits, names as queryNames } from './search-precision';
import { citationSearch } from './search-citations';
import type { SearchDoc, SearchHit } from './search-doc';
import { hasOtherScript } from './detect/other-scripts';

export interface SearchIndex {
  readonly docs: readonly SearchDoc[];
  /** Records the query names (see `names` in search-precision.ts): never a record it only resembles. */
  search(query: string, limit?: number): SearchHit[];
  /**
   * Suggestions for a query that names nothing: records it matches only loosely (a summary word, a
   * distant spelling, some of its words), then records whose names look most like it. Never the empty
   * query's whole list.
   */
  nearest(query: string, limit?: number): SearchDoc[];
}

const KIND_ORDER: Record<EntityKind, number> = { framework: 0, jurisdiction: 1, technology: 2, citation: 3 };
const REACH: Record<Framework['scope']['level'], number> = { global: 0, regional: 1, national: 2, subnational: 3 };
const PLACE_LABEL: Record<Jurisdiction['kind'], string> = {
  country: 'Country',
  subnational: 'Subnational',
  bloc: 'Bloc',
  organization: 'Organization',
};

/** Names in the Latin script only, and no more than the first few a record lists (English first). */
const isLookupName = (name: string, i: number) => i < 8 && !hasOtherScript(name);

export function toSearchDocs(frameworks: Framework[], jurisdictions: Jurisdiction[], technologies: Technology[]): SearchDoc[] {
  const place = new Map(jurisdictions.map((j) => [j.id, j.shortName ?? j.name]));
  const byId = new Map(jurisdictions.map((j) => [j.id, j]));
  const placeNames = (ids: string[]) =>
    ids.flatMap((id) => {
      const j = byId.get(id);
      return j ? [j.name, ...(j.shortName ? [j.shortName] : []), ...j.aliases, ...j.adjectives] : [];
    });
  const scopeOf = (f: Framework) => {
    const where = f.scope.jurisdictions.map((id) => place.get(id) ?? id);
    const shown = where.length > 3 ? `${where.slice(0, 3).join(', ')} +${where.length - 3}` : where.join(', ');
    return f.scope.extraterritorial ? `${shown} · extraterritorial` : shown;
  };
  return [
    ...frameworks.map((f): SearchDoc => ({
      kind: 'framework',
      id: f.id,
      name: f.name,
      shortName: f.shortName,
      aliases: f.aliases,
      sharedAliases: f.ambiguousAliases,
      summary: f.summary,
      binding: f.binding,
      status: f.status,
      scope: scopeOf(f),
      reach: REACH[f.scope.level],
      context: [...placeNames([...new Set([...f.scope.jurisdictions, f.issuer])]), ...Object.values(f.dates).map((d) => d.slice(0, 4))],
      jurisdictions: [...f.scope.jurisdictions, f.issuer],
    })),
    ...jurisdictions.map((j): SearchDoc => ({
      kind: 'jurisdiction',
      id: j.id,
      name: j.name,
      shortName: j.shortName,
      // A place is looked up by its names in the Latin script; the names in other scripts and languages
      // (there to find mentions on pages) would multiply the index's words for lookups nobody types here.
      aliases: j.aliases.filter(isLookupName),
      sharedAliases: [],
      summary: j.summary,
      scope: j.parent ? `${PLACE_LABEL[j.kind]}, ${place.get(j.parent) ?? j.parent}` : PLACE_LABEL[j.kind],
      reach: 0,
      context: j.parent ? placeNames([j.parent]) : [],
    })),
    ...technologies.map((t): SearchDoc => ({
      kind: 'technology',
      id: t.id,
      name: t.name,
      aliases: [...t.aliases, ...t.subAreas.flatMap((s) => [s.name, ...s.aliases])],
      sharedAliases: [],
      summary: t.summary,
      scope: `${t.subAreas.length} sub-areas`,
      reach: 0,
      context: [],
    })),
  ];
}

const ASCII = /^[\x00-\x7f]*$/;

/** Case, accents and width folded: "Règlement" and "REGLEMENT" are the same word. */
export function fold(s: string): string {
  // ASCII has nothing to decompose: the popup folds every name and summary when it opens.
  return ASCII.test(s)
    ? s.toLowerCase()
    : s
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
}

/** Words of letters or digits: "Regulation (EU) 2016/679" -> regulation, eu, 2016, 679. */
export function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// Words too common to narrow anything down, dropped from a query that has other words.
const STOP = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'on', 'the', 'to']);
const MAX_WORDS = 8;
// Fuse's bitap handles patterns up to 32 characters in one pass.
const MAX_WORD = 32;
// A short prefix ("a", "re") can start thousands of words: a one-letter prefix tries name words only, and
// no prefix tries more than this many.
const MAX_PREFIX_WORDS = 400;
// Longer words are not looked up fuzzily: the cost grows with length, and a long misspelt word still
// matches by its prefix while it is being typed.
const MAX_FUZZY = 20;
/** Words whose matches are kept between queries (the oldest goes first). */
const MAX_KEPT_WORDS = 256;

interface Posting {
  names: number[];
  summaries: number[];
  /** Records this word situates (a place or year of theirs). */
  context: number[];
}

interface Prepared {
  doc: SearchDoc;
  /** Each name as its words, and as those words joined by single spaces (for phrase matches). */
  names: Array<{ words: string[]; phrase: string; shared: boolean }>;
  context: Set<string>;
}

const lowerBound = (sorted: string[], x: string) => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * What building the index computes from the records, as plain data (JSON-safe): the popup keeps it between
 * openings (ui/search-index-cache.ts), since splitting ~1,100 records into words is most of its opening time.
 */
export interface SearchIndexData {
  docs: SearchDoc[];
  /** Per doc: its names as phrases of words joined by spaces, its own names before the shared ones. */
  names: string[][];
  /** Per doc: how many of its names are its own. */
  own: number[];
  /** Per doc: the words of its context. */
  context: string[][];
  /** Every word, sorted, with the records that have it in a name, a summary or their context. */
  vocabulary: string[];
  postings: Array<[names: number[], summaries: number[], context: number[]]>;
}

export function createSearchIndex(docs: SearchDoc[]): SearchIndex {
  return searchIndexFrom(searchIndexData(docs));
}

export function searchIndexData(docs: SearchDoc[]): SearchIndexData {
  // Records repeat the same places' names as context (the EU's for every EU law): split each string once.
  const split = new Map<string, string[]>();
  const wordsOnce = (s: string) => {
    let w = split.get(s);
    if (!w) split.set(s, (w = words(s)));
    return w;
  };
  const own = docs.map((doc) => [doc.name, ...(doc.shortName ? [doc.shortName] : []), ...doc.aliases]);
  const names = docs.map((doc, i) => [...own[i]!, ...doc.sharedAliases].map(wordsOnce));
  const context = docs.map((doc) => [...new Set(doc.context.flatMap(wordsOnce))]);

  const postings = new Map<string, Posting>();
  const post = (word: string, field: keyof Posting, i: number) => {
    let p = postings.get(word);
    if (!p) postings.set(word, (p = { names: [], summaries: [], context: [] }));
    const list = p[field];
    if (list[list.length - 1] !== i) list.push(i);
  };
  docs.forEach((doc, i) => {
    for (const n of names[i]!) for (const w of n) post(w, 'names', i);
    for (const w of words(doc.summary)) post(w, 'summaries', i);
    for (const w of context[i]!) post(w, 'context', i);
  });
  const vocabulary = [...postings.keys()].sort();
  return {
    docs,
    names: names.map((n) => n.map((w) => w.join(' '))),
    own: own.map((n) => n.length),
    context,
    vocabulary,
    postings: vocabulary.map((w) => {
      const p = postings.get(w)!;
      return [p.names, p.summaries, p.context];
    }),
  };
}

export function searchIndexFrom(data: SearchIndexData): SearchIndex {
  const { docs, vocabulary } = data;
  const prepared: Prepared[] = docs.map((doc, i) => ({
    doc,
    names: data.names[i]!.map((phrase, k) => ({ words: phrase ? phrase.split(' ') : [], phrase, shared: k >= data.own[i]! })),
    context: new Set(data.context[i]),
  }));
  const postings = new Map<string, Posting>(
    vocabulary.map((w, k) => {
      const [names, summaries, context] = data.postings[k]!;
      return [w, { names, summaries, context }];
    }),
  );
  const nameWords = vocabulary.filter((w) => postings.get(w)!.names.length);
  // Typos are looked for among the words of frameworks' and technologies' names and places' display
  // names: a Bitap pass per word over every alias of 600 places made a long query 3 times slower, and a
  // place's other names are still found exactly or by their start.
  const typoWords = [
    ...new Set(prepared.flatMap((p) => (p.doc.kind === 'jurisdiction' ? p.names.slice(0, 2) : p.names).flatMap((n) => n.words))),
  ].sort();
  // Bitap makes one pass per error allowed: short words need two ("gdrp"), longer ones get a third of
  // their length, which also bounds the cost of a long garbage word.
  // The two share one index of the words: only the threshold differs.
  const typoIndex = Fuse.createIndex([], typoWords);
  const fuzzyShort = new Fuse(typoWords, { includeScore: true, ignoreLocation: true, threshold: 0.5, isCaseSensitive: true }, typoIndex);
  const fuzzyLong = new Fuse(typoWords, { includeScore: true, ignoreLocation: true, threshold: 0.34, isCaseSensitive: true }, typoIndex);

  /** How well each record matches one query word (1 is the word itself in a name), and the words it matched. */
  const matchWord = (q: string, last: boolean, acronym = false) => {
    const docs = new Map<number, number>();
    const matched = new Set<string>();
    // The words this query word may stand for in a name (see search-precision.ts).
    const close = new Set<string>();
    // The records whose places or years this word names.
    const situated = new Set<number>();
    // A misspelt word may stand for a name's word, but not for a record's place ("Costas" is not Costa Rica).
    const credit = (word: string, quality: number, near = true, situates = near) => {
      matched.add(word);
      const p = postings.get(word)!;
      if (near) close.add(word);
      if (situates) for (const i of p.context) situated.add(i);
      for (const i of p.names) if ((docs.get(i) ?? 0) < quality) docs.set(i, quality);
      // A summary word counts for less: it says the record is about the word, not that it is named so.
      const inSummary = quality * 0.4;
      for (const i of p.summaries) if ((docs.get(i) ?? 0) < inSummary) docs.set(i, inSummary);
      const inContext = quality * 0.5;
      for (const i of p.context) if ((docs.get(i) ?? 0) < inContext) docs.set(i, inContext);
    };
    const known = postings.has(q);
    if (known) credit(q, 1);
    // Partial words: the word being typed always, earlier ones when they are long enough to mean something.
    if (last || q.length >= 3) {
      const pool = q.length < 2 ? nameWords : vocabulary;
      const start = lowerBound(pool, q);
      let end = start;
      while (end < pool.length && pool[end]!.startsWith(q) && end - start < MAX_PREFIX_WORDS) end++;
      for (let k = start; k < end; k++) {
        const w = pool[k]!;
        if (w !== q) credit(w, 0.7 + 0.2 * (q.length / w.length));
      }
    }
    // Misspellings, only of words we do not know: exact and prefix matches always outrank them.
    // An acronym written in capitals ("CITES") is spelt as meant: no misspelling of a word ("cities").
    if (!known && !acronym && q.length >= 4 && q.length <= MAX_FUZZY) {
      const bound = maxEdits(q.length);
      for (const r of (q.length <= 5 ? fuzzyShort : fuzzyLong).search(q, { limit: 24 })) {
        credit(r.item, 0.65 * (1 - (r.score ?? 1)), editsWithin(q, r.item, bound), false);
      }
    }
    return { docs, matched, close, situated };
  };

  // What a word matches, kept for the next queries: typing adds to the last word, and the words before it
  // (a misspelt one costs a Bitap pass over every name's words) are looked up once. Read-only once made.
  const matchedWords = new Map<string, ReturnType<typeof matchWord>>();
  const wordMatch = (w: string, last: boolean, acronym: boolean) => {
    const key = `${w}\u0000${last}\u0000${acronym}`;
    let m = matchedWords.get(key);
    if (!m) {
      if (matchedWords.size >= MAX_KEPT_WORDS) matchedWords.delete(matchedWords.keys().next().value!);
      matchedWords.set(key, (m = matchWord(w, last, acronym)));
    }
    return m;
  };

  /** Every record the query touches, ranked; `named` are those it names, `loose` the others. */
  const rank = (query: string): { named: SearchHit[]; loose: SearchHit[] } => {
    const all = words(query.slice(0, MAX_WORDS * (MAX_WORD + 1))).map((w) => w.slice(0, MAX_WORD));
    if (!all.length) return { named: [], loose: [] };
    const meaningful = all.filter((w) => !STOP.has(w));
    const qWords = (meaningful.length ? meaningful : all).slice(0, MAX_WORDS);
    const phrase = all.join(' ');

    // Every query word must match somewhere in a record.
    const acronyms = new Set((query.match(/\b\p{Lu}{2,8}\b/gu) ?? []).map(fold));
    const perWord = qWords.map((w, k) => wordMatch(w, k === qWords.length - 1, acronyms.has(w)));
    const matched = new Set(perWord.flatMap((m) => [...m.matched]));
    const totals = new Map(perWord[0]!.docs);
    for (const m of perWord.slice(1)) {
      for (const [i, sum] of totals) {
        const q = m.docs.get(i);
        if (q === undefined) totals.delete(i);
        else totals.set(i, sum + q);
      }
    }

    const check = { query: qWords, close: perWord.map((m) => m.close) };
    const hits: Array<SearchHit & { tier: number; bucket: number; named: boolean }> = [];
    for (const [i, sum] of totals) {
      const { doc, names } = prepared[i]!;
      let tier = 2;
      let bonus = 0;
      let fit = 0;
      for (const n of names) {
        // How much of a name the query covers: "gdpr" fits "GDPR" better than "UK GDPR"; a name the query
        // starts, word for word, fits it best ("Personal Information Protection Law" of China's PIPL).
        const covered = n.words.filter((w) => matched.has(w)).length;
        fit = Math.max(fit, covered / n.words.length);
        if (n.phrase === phrase) tier = Math.min(tier, n.shared ? 1 : 0);
        else if (n.phrase.startsWith(phrase)) {
          bonus = Math.max(bonus, 0.3);
          if (!n.shared && all.length > 1) fit = 1;
        } else if (` ${n.phrase} `.includes(` ${phrase}`)) bonus = Math.max(bonus, 0.2);
      }
      const quality = Math.min(1, sum / qWords.length + bonus) * (0.8 + 0.2 * fit);
      const named =
        tier < 2 ||
        queryNames(
          check,
          names.map((n) => n.words),
          (k) => perWord[k]!.situated.has(i),
        );
      hits.push({ doc, score: tier < 2 ? 0 : Math.max(1 - quality, 1e-6), tier, bucket: Math.round((1 - quality) * 5), named });
    }
    // An exact name leads; then frameworks first among comparably good hits, so a clearly better hit of
    // another kind still comes before a weak framework match; then the wider reach, the shorter name.
    hits.sort(
      (a, b) =>
        a.tier - b.tier ||
        a.bucket - b.bucket ||
        KIND_ORDER[a.doc.kind] - KIND_ORDER[b.doc.kind] ||
        a.score - b.score ||
        a.doc.reach - b.doc.reach ||
        (a.doc.shortName ?? a.doc.name).length - (b.doc.shortName ?? b.doc.name).length,
    );
    const named: SearchHit[] = [];
    const loose: SearchHit[] = [];
    for (const { doc, score, named: isNamed } of hits) (isNamed ? named : loose).push({ doc, score });
    return { named, loose };
  };

  // The popup asks for suggestions right after the results of the same query: rank it once.
  let last: { query: string; ranked: ReturnType<typeof rank> } | undefined;
  const ranked = (query: string) => {
    if (last?.query !== query) last = { query, ranked: rank(query) };
    return last.ranked;
  };
  const cite = citationSearch(docs);
  const search = (query: string, limit = 10): SearchHit[] => {
    const named = ranked(query).named;
    const cited = cite(query.slice(0, 200));
    if (!cited.length) return named.slice(0, limit);
    // A citation names one thing: it leads, and the words of the query find the rest.
    const ids = new Set(cited.map((d) => `${d.kind}:${d.id}`));
    return [...cited.map((doc) => ({ doc, score: 0 })), ...named.filter((h) => !ids.has(`${h.doc.kind}:${h.doc.id}`))].slice(0, limit);
  };

  // Built on the first "no match" only: most sessions never need it.
  let nameBigrams: Array<Array<Set<string>>> | undefined;
  const nearest = (query: string, limit = 3): SearchDoc[] => {
    // Loose matches first: they share the query's words, which a reader recognises more than spellings.
    const loose = ranked(query)
      .loose.slice(0, limit)
      .map((h) => h.doc);
    if (loose.length >= limit) return loose;
    const q = bigrams(words(query.slice(0, 200)).join(' '));
    if (!q.size) return loose;
    nameBigrams ??= prepared.map((p) => p.names.map((n) => bigrams(n.phrase)));
    const taken = new Set(loose);
    const scored: Array<{ doc: SearchDoc; sim: number }> = [];
    for (const [i, { doc }] of prepared.entries()) {
      if (taken.has(doc)) continue;
      let sim = 0;
      for (const b of nameBigrams[i]!) sim = Math.max(sim, dice(q, b));
      if (sim >= 0.3) scored.push({ doc, sim });
    }
    scored.sort((a, b) => b.sim - a.sim || KIND_ORDER[a.doc.kind] - KIND_ORDER[b.doc.kind]);
    return [...loose, ...scored.slice(0, limit - loose.length).map((s) => s.doc)];
  };

  return { docs, search, nearest };
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Sorensen-Dice similarity of two bigram sets: 1 is identical, 0 shares nothing. */
function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}
