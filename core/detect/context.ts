/**
 * Context rules: what turns a shared or generic word into a mention. All of them read only the page's own
 * text and the relations in the lexicon; none knows any particular page.
 *
 * - A shared framework name ("AI Act": the EU's, Colorado's, Japan's, Korea's) goes to the candidate whose
 *   jurisdictions are mentioned on the page, weighted up near it (within NEAR characters) and more so in
 *   the same sentence, or that is itself named unambiguously on the page. A tie leaves the candidates for
 *   the card to show. A name with a single bearer ("Privacy Act": Australia's) needs that evidence too.
 *   A shared acronym ("DMA", "CRA", "PDPL") needs stronger proof, because it so often means something else
 *   ("Prime DMA" is Direct Market Access): the framework named unambiguously on the page, or one of its
 *   jurisdictions near the acronym; without it, it is dropped rather than shown with candidates.
 * - A jurisdiction adjective counts when a word of government follows within three words ("Chinese
 *   regulators", "the European Commission", "Swiss law") or a mention starts there ("Chinese AI firms");
 *   "Chinese food" and "in French" do not.
 * - A technology's generic word ("algorithm", "token", "sensors") counts near an unambiguous mention of the
 *   same technology, or on a page that names that technology often.
 *
 * "The page" is the text scanned, or, when that text is a part of a page (the content script scans a page
 * part by part), the whole page: see page-level.ts.
 */

import { Evidence, NEAR, NEAR_TECHNOLOGY, PAGE_TECHNOLOGY_MENTIONS, type EvidencePoint } from './evidence';
import type { PageLevel, PageTotals } from './page-level';

/** Weight of evidence by how the mentioned jurisdiction relates to a candidate framework. */
const DIRECT = 2;
const RELATED = 0.5;
const OWN_NAME = 4;
const OTHER_FRAMEWORK = 1;
/** An adjective ("European") is half the evidence of a name ("European Union"). */
export const ADJECTIVE_STRENGTH = 0.5;
/** Least page-level score that resolves a shared multi-word name: one direct mention, or two adjectives. */
const MIN_SCORE = 1;

const GOVERNANCE = new Set(
  `law laws legal legislation legislative legislator legislators lawmaker lawmakers lawmaking regulation regulations
  regulator regulators regulatory rule rules rulebook rulemaking act acts bill bills statute statutes statutory code
  codes directive directives decree decrees ordinance constitution constitutional court courts judge judges judiciary
  government governments governmental administration authority authorities agency agencies ministry ministries
  minister ministers parliament parliamentary congress senate council commission commissioner commissioners state
  states federal province provincial policy policies policymaker policymakers official officials supervisor
  supervisors supervisory watchdog watchdogs enforcement standard standards framework frameworks treaty treaties
  presidency president embassy jurisdiction jurisdictions residents citizens sanctions privacy protection
  guidelines guidance strategy cabinet`
    .split(/\s+/)
    .filter(Boolean),
);

export interface Relations {
  frameworkJurisdictions: Record<string, string[]>;
  jurisdictionGroups: Record<string, string[]>;
}

export interface PageEvidence {
  /** The normalised page text, for sentence boundaries. */
  text: string;
  jurisdictions: Evidence;
  frameworks: Evidence;
}

/** A sentence or block ends between two positions: ". " (or "!", "?") or a block break. */
function sameSentence(text: string, a: number, b: number): boolean {
  const between = text.slice(Math.min(a, b), Math.max(a, b));
  return !/[.!?]["')\]]*\s|\u001f/.test(between);
}

export interface Resolution {
  /** The chosen framework, or undefined when the context could not tell. */
  id?: string;
  /** When unresolved: the candidates still in the running (all of them, or those tied at the top). */
  candidates: string[];
  confidence: number;
}

/** How strongly a mention of jurisdiction `j` points at framework `f`. */
function relation(rel: Relations, j: string, f: string): number {
  const fj = rel.frameworkJurisdictions[f] ?? [];
  if (fj.includes(j)) return DIRECT;
  // "Germany" → an EU framework (member of), "US" → a Colorado law (parent of).
  const groups = rel.jurisdictionGroups[j] ?? [];
  if (groups.some((g) => fj.includes(g))) return RELATED;
  if (fj.some((x) => (rel.jurisdictionGroups[x] ?? []).includes(j))) return RELATED;
  return 0;
}

/** Page-level scores of candidate frameworks, from page totals (cached per candidate). */
function pageScorer(
  rel: Relations,
  jurisdictionTotals: ReadonlyMap<string, number>,
  frameworkCounts: ReadonlyMap<string, number>,
): (f: string) => Score {
  const scores = new Map<string, Score>();
  return (f) => {
    let s = scores.get(f);
    if (s) return s;
    s = { direct: 0, related: 0 };
    for (const [j, total] of jurisdictionTotals) add(s, relation(rel, j, f), total);
    for (const [g, count] of frameworkCounts) {
      if (g === f) s.direct += OWN_NAME * count;
      else if ((rel.frameworkJurisdictions[g] ?? []).some((j) => relation(rel, j, f) === DIRECT)) s.direct += OTHER_FRAMEWORK * count;
    }
    scores.set(f, s);
    return s;
  };
}

/** One scorer per relations and totals object: the page side re-checks many resolutions against one snapshot. */
const SCORERS = new WeakMap<Relations, WeakMap<PageTotals, (f: string) => Score>>();
function scorerFor(rel: Relations, totals: PageTotals): (f: string) => Score {
  let byTotals = SCORERS.get(rel);
  if (!byTotals) SCORERS.set(rel, (byTotals = new WeakMap()));
  let s = byTotals.get(totals);
  if (!s) byTotals.set(totals, (s = pageScorer(rel, totals.jurisdictions, totals.frameworks)));
  return s;
}

interface NearScores {
  near: Score;
  sentence: Score;
  proof: number;
}

/** The decision for one shared name, from its near evidence (local) and the page-level scores. */
function decide(
  candidates: string[],
  acronym: boolean,
  near: NearScores[],
  pageScore: (f: string) => Score,
  named: (f: string) => boolean,
): Resolution | undefined {
  const scored = candidates.map((id, i) => {
    const p = pageScore(id);
    const { near: n, sentence: t, proof } = near[i]!;
    // Near evidence counts three times (once in the page score, twice more here), evidence in the same
    // sentence seven times. Related evidence ("Germany" for an EU law) only breaks ties between
    // candidates with the same direct evidence.
    return {
      id,
      direct: p.direct + 2 * n.direct + 4 * t.direct,
      related: p.related + 2 * n.related + 4 * t.related,
      nearDirect: n.direct,
      proof,
    };
  });
  scored.sort((a, b) => b.direct - a.direct || b.related - a.related);
  const top = scored[0]!;
  const second = scored[1];
  const clear = top.direct > 0 && (!second || top.direct > second.direct || (top.direct === second.direct && top.related > second.related));
  if (clear) {
    const proven = acronym ? named(top.id) || top.proof >= MIN_SCORE : top.direct >= MIN_SCORE;
    if (proven) return { id: top.id, candidates: [], confidence: top.nearDirect > 0 ? 0.9 : 0.75 };
  }
  // Unresolved. Acronyms are dropped (they too often mean something else); names keep their candidates.
  if (acronym || candidates.length < 2) return undefined;
  const tied = top.direct > 0 ? scored.filter((s) => s.direct === top.direct).map((s) => s.id) : candidates;
  if (tied.length < 2) return undefined;
  return { candidates: tied, confidence: 0.5 };
}

function sameResolution(a: Resolution | undefined, b: Resolution | undefined): boolean {
  if (!a || !b) return a === b;
  return a.id === b.id && a.confidence === b.confidence && a.candidates.join() === b.candidates.join();
}

/**
 * Resolves shared names in one scanned text. The page level is the text itself, or, when the text is a
 * part of a page (`level`), the whole page's totals; each decision is then handed to `level` as a check
 * to run again when those totals change.
 */
export function createResolver(rel: Relations, page: PageEvidence, level?: PageLevel) {
  // Totals per id: a page names the EU hundreds of times, but there are only so many distinct ids.
  const totals = level
    ? level.names(page)
    : { jurisdictions: totalsOf(page.jurisdictions.items), frameworks: totalsOf(page.frameworks.items, 1) };
  const pageScore = pageScorer(rel, totals.jurisdictions, totals.frameworks);

  /** Evidence near a mention; what is in the same sentence counts again in `sentence`. */
  function nearScore(f: string, start: number, end: number): NearScores {
    const near = { direct: 0, related: 0 };
    const sentence = { direct: 0, related: 0 };
    // What proves an acronym: one of its own jurisdictions or its own full name, nearby.
    let proof = 0;
    const both = (m: EvidencePoint, r: number, strength: number) => {
      add(near, r, strength);
      if (sameSentence(page.text, m.start < start ? m.end : m.start, m.start < start ? start : end)) add(sentence, r, strength);
    };
    for (const m of page.jurisdictions.near(start, end, NEAR)) {
      const r = relation(rel, m.id, f);
      both(m, r, m.strength);
      if (r === DIRECT) proof += r * m.strength;
    }
    for (const m of page.frameworks.near(start, end, NEAR)) {
      if (m.id === f) {
        both(m, OWN_NAME, 1);
        proof += OWN_NAME;
      } else if ((rel.frameworkJurisdictions[m.id] ?? []).some((j) => relation(rel, j, f) === DIRECT)) both(m, OTHER_FRAMEWORK, 1);
    }
    return { near, sentence, proof };
  }

  return function resolve(candidates: string[], start: number, end: number, acronym: boolean): Resolution | undefined {
    const near = candidates.map((id) => nearScore(id, start, end));
    const r = decide(candidates, acronym, near, pageScore, named(totals.frameworks));
    level?.depends(resolutionCheck(rel, candidates, acronym, near, r));
    return r;
  };
}

const named = (t: ReadonlyMap<string, number>) => (f: string) => (t.get(f) ?? 0) > 0;

/**
 * The check of one decision against later totals. Made out here so that it holds only what it names: a
 * closure made inside the resolver would keep the whole scanned text and its evidence alive with it.
 */
function resolutionCheck(rel: Relations, candidates: string[], acronym: boolean, near: NearScores[], r: Resolution | undefined) {
  return (t: PageTotals) => sameResolution(r, decide(candidates, acronym, near, scorerFor(rel, t), named(t.frameworks)));
}

/** Sum of strengths (or of `each`) per id. */
function totalsOf(items: readonly EvidencePoint[], each?: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of items) out.set(m.id, (out.get(m.id) ?? 0) + (each ?? m.strength));
  return out;
}

interface Score {
  direct: number;
  related: number;
}

function add(s: Score, relation: number, strength: number) {
  if (relation >= OTHER_FRAMEWORK) s.direct += relation * strength;
  else s.related += relation * strength;
}

/**
 * Whether the words after an adjective make it a jurisdiction mention: a word of government within the
 * next three words, or another mention (`mentionStarts`) starting there.
 */
export function adjectiveHasContext(text: string, end: number, mentionAt: (pos: number) => boolean): boolean {
  let pos = end;
  for (let w = 0; w < 3; w++) {
    // Skip separators; a hyphen is one ("Swiss-U.S.").
    while (pos < text.length && /[\s\-'"]/.test(text[pos]!)) pos++;
    if (pos >= text.length) return false;
    if (mentionAt(pos)) return true;
    const m = /^[\p{L}\p{M}]+/u.exec(text.slice(pos, pos + 40));
    if (!m) return false;
    if (GOVERNANCE.has(m[0].toLowerCase())) return true;
    pos += m[0].length;
    // A word ending a sentence or clause ends the search.
    if (/[,.;:!?)]/.test(text[pos] ?? '')) return false;
  }
  return false;
}

/**
 * Whether a technology's generic word is backed by unambiguous mentions of the same technology: near it,
 * or often enough on the page (counted by `level` when the text is a part of a page).
 */
export function technologyHasContext(
  strong: Evidence | undefined,
  start: number,
  end: number,
  level?: { technologyNamed(id: string, strong: Evidence | undefined): boolean },
  id = '',
): boolean {
  if (level) return (!!strong && strong.near(start, end, NEAR_TECHNOLOGY).length > 0) || level.technologyNamed(id, strong);
  if (!strong) return false;
  let named = 0;
  for (const m of strong.items) if (m.strength > 0 && ++named >= PAGE_TECHNOLOGY_MENTIONS) return true;
  return strong.near(start, end, NEAR_TECHNOLOGY).length > 0;
}
