/**
 * The pure core of detection: a lexicon compiled once into a trie of its names (trie.ts), and a scan that
 * turns text into non-overlapping detections. No DOM, no extension APIs: the content script, the CLI and the
 * tests share it.
 *
 * A scan: normalise the text (offsets kept), lower-case it, read its names with the trie, check each hit's case
 * (acronyms exactly, single proper nouns capitalised, other names in any case), then let context decide
 * shared names, adjectives and generic words, add fuzzy matches of long framework names, and keep the
 * longest of overlapping detections.
 */
import type { EntityKind, Lexicon } from './lexicon';
import { normalize, originalEnd, originalStart } from './normalize';
import { lookupForm, searchView } from './pattern';
import { matchAtHead, type PairScorer, type Scoring } from './fuzzy';
import { fusePairScore } from './fuzzy-score';
import { buildMatcherTables, type MatcherOptions, type MatcherTables, type Sense } from './tables';
import { ADJECTIVE_STRENGTH, adjectiveHasContext, createResolver, technologyHasContext } from './context';
import { Evidence } from './evidence';
import { PageLevel, type PageScope } from './page-level';
import { insideLongerTitle, isUpper, lowerSameLength, partOfAnotherName, prefixEnd, shoutingCheck } from './heuristics';
import { compileTables, type Group } from './compiled';
import { fuzzyConfidence, removeOverlaps, round, split, unique, type Ambiguous, type Hit, type Raw } from './hits';
import { notThePlace, settlePlaces } from './place-sense';
import { hasAccentedLatin, hasOtherScript } from './other-scripts';
import type { Trie } from './trie';

export interface Candidate {
  id: string;
  name: string;
}

export interface Detection {
  kind: EntityKind;
  id: string;
  name: string;
  /** The text as written on the page. */
  text: string;
  start: number;
  end: number;
  /**
   * 1 for an exact, unambiguous name; 0.9 or 0.75 for a shared name resolved from near or page context;
   * 0.7 for an adjective or generic word with context; scaled down for a fuzzy match; 0.5 when unresolved.
   */
  confidence: number;
  /** For a shared name that could not be resolved: every entity it may mean (`id` is the first of them). */
  candidates?: Candidate[];
  /** A framework cited by its official number: the citation's canonical identifier (see citations/). */
  citation?: string;
}

export type { MatcherOptions, MatcherTables } from './tables';

export interface ScanOptions {
  /**
   * Only these kinds. The others still serve as context; a longer name of another kind still covers a
   * shorter one inside it ("EU" in "EU AI Act" is part of the framework's name).
   */
  kinds?: readonly EntityKind[];
  /**
   * The text is a part of a page (with margins around its own range): page-level context comes from the
   * whole page, and only detections starting in the own range are returned (see page-level.ts).
   */
  page?: PageScope;
  /** Told when this scan met a window worth scoring and had no scorer to score it (see fuzzy.ts). */
  onUnscored?: () => void;
}

export interface Matcher {
  scan(text: string, options?: ScanOptions): Detection[];
  /** Distinct surface forms compiled. */
  readonly size: number;
  /** The trie of the names in ASCII (over the normalised text as `searchView` shows it), for benchmarks. */
  readonly trie: Trie;
  /** Gives the fuzzy stage its scorer, when it was made without one (see fuzzy.ts). */
  setScorer(score: PairScorer): void;
  hasScorer(): boolean;
}

/** A year right after a name: ", 2019", " of 1974", " 1998". */
const YEAR_AFTER = /^,?\s+(?:of\s+)?(?:19|20)\d\d(?!\d)/;

/** Compiles a lexicon where it is used (CLI, tests, benchmarks); the content script gets tables. */
export function compileMatcher(lexicon: Lexicon, options: MatcherOptions = {}): Matcher {
  return matcherFromTables(buildMatcherTables(lexicon, options), { score: fusePairScore });
}

/**
 * The matcher from tables the background built once per dataset version (`tables.ts`): in the content
 * script only maps and tries are filled, on every page load. Without `scoring.score`, misspelled
 * long names are not found, and `scoring.onUnscored` hears of each pair that would have been scored.
 */
export function matcherFromTables(tables: MatcherTables, scoring: Scoring = {}): Matcher {
  const {
    threshold,
    group,
    size,
    names,
    nameOf,
    prefixesOf,
    fuzzy,
    trie,
    accentedTrie,
    otherScriptTrie,
    relations,
    frameworkTechnologies,
    citations,
    shoutable,
  } = compileTables(tables);

  function scan(text: string, scanOptions: ScanOptions = {}): Detection[] {
    const norm = normalize(text);
    const page = norm.text;
    const lower = page.toLowerCase();
    // Lower-casing keeps lengths, but for a few letters ("İ" becomes two units); offsets are then unsafe.
    const view = searchView(lower.length === page.length ? lower : lowerSameLength(page));
    const level = scanOptions.page ? new PageLevel(scanOptions.page, norm, shoutable()) : undefined;
    const shouting = shoutingCheck(page, level);

    /** The senses of group `g` that the text at start..end satisfies, by case. */
    const sensesAt = (g: Group, key: string, start: number, end: number): Raw | undefined => {
      // The common case, a name matched in any case: no copy, no slice.
      const only = g.forms.length === 1 ? g.forms[0]! : undefined;
      if (only?.mode === 'any') return { start, end, senses: only.senses, acronym: false, key };
      const written = lookupForm(page.slice(start, end));
      let senses: Sense[] = [];
      let acronym = false;
      for (const f of g.forms) {
        const ok = f.mode === 'exact' ? written === f.exact : f.mode === 'capital' ? isUpper(written) : true;
        if (!ok) continue;
        senses = senses.length ? [...senses, ...f.senses] : f.senses;
        if (f.mode === 'exact') acronym = true;
      }
      if (acronym && shouting(start, end, written)) return undefined;
      return senses.length ? { start, end, senses, acronym, key } : undefined;
    };
    /** When a name is dropped, the longest shorter name at the same place ("Privacy Act" → "Privacy"). */
    const fallback = (key: string, start: number): Raw | undefined => {
      for (const p of prefixesOf(key)) {
        const end = prefixEnd(page, start, p);
        const g = group(p);
        if (end === undefined || !g) continue;
        const r = sensesAt(g, p, start, end);
        if (r) return r;
      }
      return undefined;
    };

    // Evidence for context: unambiguous names and every adjective, wherever they are on the page.
    const jurisdictions = new Evidence();
    const frameworks = new Evidence();
    const technologies = new Map<string, Evidence>();
    const technologyEvidence = (id: string) => {
      let t = technologies.get(id);
      if (!t) technologies.set(id, (t = new Evidence()));
      return t;
    };
    const hits: Hit[] = [];
    const ambiguous: Ambiguous[] = [];
    const weak: Array<{ start: number; end: number; sense: Sense }> = [];
    const mentionStarts = new Set<number>();

    const rawEnds = new Set<number>();
    const classify = (r: Raw) => {
      const { strong, shared, weakOnes } = split(r.senses);
      if (strong.length === 1 || (strong.length > 1 && !strong.every((s) => s.kind === 'framework'))) {
        const s = strong[0]!;
        if (s.kind === 'jurisdiction' && (partOfAnotherName(page, r.start, r.end) || notThePlace(page, r.start, r.end))) return;
        const ev: Hit = { start: r.start, end: r.end, kind: s.kind, id: s.id, confidence: 1, fuzzy: false, strength: 1 };
        hits.push(ev);
        mentionStarts.add(r.start);
        if (s.kind === 'jurisdiction') jurisdictions.add(ev);
        else if (s.kind === 'framework') {
          frameworks.add(ev);
          // A framework is a mention of its technologies too, for the generic words around it.
          // (near it only: strength 0 keeps it out of the page-level count).
          for (const t of frameworkTechnologies[s.id] ?? []) technologyEvidence(t).add({ start: r.start, end: r.end, id: t, strength: 0 });
        } else technologyEvidence(s.id).add(ev);
      } else if (shared.length && !strong.length && YEAR_AFTER.test(page.slice(r.end, r.end + 12))) {
        // "Privacy Act 1974", "Data Protection Act 1998": a shared name with a year of its own is another
        // instrument (ours with their years are longer names and would have matched).
        const f = fallback(r.key, r.start);
        if (f) classify(f);
      } else if (shared.length && !strong.length && insideLongerTitle(page, r.start, rawEnds)) {
        // "Federal Data Protection Act", "Prime DMA": a shared name inside a longer title we do not know.
        const f = fallback(r.key, r.start);
        if (f) classify(f);
      } else if (strong.length > 1 || shared.length) {
        ambiguous.push({
          start: r.start,
          end: r.end,
          ids: (strong.length > 1 ? strong : shared).map((s) => s.id),
          acronym: r.acronym,
          fuzzyScore: 0,
          key: r.key,
        });
        mentionStarts.add(r.start);
      } else {
        for (const s of weakOnes) {
          if (s.weak === 'adjective') {
            if (partOfAnotherName(page, r.start, r.end)) continue;
            jurisdictions.add({ start: r.start, end: r.end, id: s.id, strength: ADJECTIVE_STRENGTH });
          } else mentionStarts.add(r.start);
          weak.push({ start: r.start, end: r.end, sense: s });
        }
      }
    };
    // One pass: each name is classified as it is found. Evidence is complete only after the pass; the
    // decisions that need it (shared names, generic words, fuzzy matches) wait for the end.
    const heads: Array<{ start: number; end: number }> = [];
    const found = (r: Raw) => {
      rawEnds.add(r.end);
      classify(r);
      // A shared or generic name may be the tail of a misspelled long one ("Califonia Consumer Privacy Act").
      if (threshold > 0 && !split(r.senses).strong.length) {
        const last = r.key.slice(r.key.lastIndexOf(' ') + 1);
        if (fuzzy.heads.has(last)) heads.push({ start: r.end - last.length, end: r.end });
      }
    };
    const read = (names: Trie) => {
      let from = 0;
      for (let start = names.next(view, from); start >= 0; start = names.next(view, from)) {
        const end = names.end;
        from = end;
        const key = lookupForm(view.slice(start, end));
        const g = group(key);
        if (!g) continue;
        const r = sensesAt(g, key, start, end);
        if (r) found(r);
        else if (g.head && isUpper(page.slice(start, end))) heads.push({ start, end });
        else {
          // A name whose case did not fit ("china"): a shorter one may; otherwise look again from the next
          // character, where another name may start.
          const f = fallback(key, start);
          if (f) found(f);
          from = f ? f.end : start + 1;
        }
      }
    };
    read(trie);
    if (accentedTrie.size && hasAccentedLatin(view)) read(accentedTrie);
    if (otherScriptTrie.size && hasOtherScript(view)) read(otherScriptTrie);

    const tell = scanOptions.onUnscored;
    const scoringNow: Scoring =
      tell && !scoring.score
        ? {
            onUnscored: () => {
              scoring.onUnscored?.();
              tell();
            },
          }
        : scoring;
    if (threshold > 0 && heads.length) {
      const cache = new Map<string, { key: string; score: number } | null>();
      const exactCount = hits.length;
      const clashes = (f: { start: number; end: number }) => {
        for (let i = 0; i < exactCount; i++) {
          const x = hits[i]!;
          if (x.start < f.end && f.start < x.end && (x.kind === 'framework' || x.start < f.start || x.end > f.end)) return true;
        }
        return false;
      };
      for (const h of heads) {
        const f = matchAtHead(fuzzy, page, h.start, h.end, threshold, cache, scoringNow);
        // A fuzzy name never overlaps an exact one of a framework, nor cuts through any other exact name
        // ("South Korea's AI Basic Act" is not "Korea's AI Basic Act" preceded by "South").
        if (!f || clashes(f)) continue;
        const senses = (group(f.key)?.forms ?? []).flatMap((x) => x.senses).filter((x) => x.kind === 'framework');
        const strong = unique(senses.filter((x) => !x.ambiguous));
        const conf = fuzzyConfidence(f.score);
        if (strong.length === 1)
          hits.push({ start: f.start, end: f.end, kind: 'framework', id: strong[0]!.id, confidence: conf, fuzzy: true, strength: 1 });
        else if (senses.length)
          ambiguous.push({
            start: f.start,
            end: f.end,
            ids: unique(senses).map((x) => x.id),
            acronym: false,
            fuzzyScore: f.score,
            key: '',
          });
      }
    }

    const resolve = createResolver(relations, { text: page, jurisdictions, frameworks }, level);
    // The list grows while we walk it: a dropped name's shorter name may be shared too.
    for (let i = 0; i < ambiguous.length; i++) {
      const a = ambiguous[i]!;
      const r = resolve(a.ids, a.start, a.end, a.acronym);
      if (!r) {
        const f = a.key ? fallback(a.key, a.start) : undefined;
        if (f) classify(f);
        continue;
      }
      const scale = a.fuzzyScore ? fuzzyConfidence(a.fuzzyScore) : 1;
      const confidence = round(r.confidence * scale);
      if (r.id) hits.push({ start: a.start, end: a.end, kind: 'framework', id: r.id, confidence, fuzzy: a.fuzzyScore > 0, strength: 1 });
      else
        hits.push({
          start: a.start,
          end: a.end,
          kind: 'framework',
          id: r.candidates[0]!,
          confidence,
          candidates: r.candidates,
          fuzzy: a.fuzzyScore > 0,
          strength: 1,
        });
    }
    for (const w of weak) {
      const ok =
        w.sense.weak === 'adjective'
          ? adjectiveHasContext(page, w.end, (pos) => mentionStarts.has(pos))
          : technologyHasContext(technologies.get(w.sense.id), w.start, w.end, level, w.sense.id);
      if (ok) hits.push({ start: w.start, end: w.end, kind: w.sense.kind, id: w.sense.id, confidence: 0.7, fuzzy: false, strength: 1 });
    }

    for (const c of citations(page, { jurisdictions, frameworks }, level)) {
      if (c.display && !names.citation.has(c.id)) names.citation.set(c.id, c.display);
      hits.push({
        start: c.start,
        end: c.end,
        kind: c.kind,
        id: c.id,
        confidence: 1,
        fuzzy: false,
        strength: 1,
        ...(c.citation ? { citation: c.citation } : {}),
      });
    }
    level?.finish({ jurisdictions, frameworks }, technologies);
    const kinds = scanOptions.kinds;
    const placed = settlePlaces(hits, page);
    let kept = removeOverlaps(kinds ? placed.filter((h) => kinds.includes(h.kind)) : placed);
    if (level) kept = kept.filter((h) => level.owns(h.start));
    return kept.map((h) => {
      const start = originalStart(norm, h.start);
      const end = originalEnd(norm, h.end);
      const d: Detection = {
        kind: h.kind,
        id: h.id,
        name: nameOf(h.kind, h.id),
        text: text.slice(start, end),
        start,
        end,
        confidence: h.confidence,
      };
      if (h.candidates) d.candidates = h.candidates.map((id) => ({ id, name: nameOf(h.kind, id) }));
      if (h.citation) d.citation = h.citation;
      return d;
    });
  }

  const setScorer = (score: PairScorer) => {
    scoring = { ...scoring, score };
  };
  return { scan, size, trie, setScorer, hasScorer: () => !!scoring.score };
}
