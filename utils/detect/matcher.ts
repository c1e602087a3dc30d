/**
 * The pure core of detection: a lexicon compiled once into two alternation regexes (case-sensitive
 * acronyms, case-insensitive names) and a scan that turns text into non-overlapping detections.
 * No DOM, no extension APIs: the content script, the CLI and the tests share it.
 */
import type { EntityKind, Lexicon, LexiconEntry } from './lexicon';
import { isCaseSensitiveTerm, normalizeText, termKey } from './terms';

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
  /** 1 for an exact, unambiguous name; lower when the name is shared and had to be resolved. */
  confidence: number;
  /** For a shared name that could not be resolved: every entity it may mean. */
  candidates?: Candidate[];
}

export interface Matcher {
  scan(text: string): Detection[];
  readonly size: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Letters, digits and marks of any script: a name must not continue into one of these. */
const WORD = '[\\p{L}\\p{N}\\p{M}_]';

function alternation(terms: string[]): string {
  // Longest first, so "EU AI Act" wins over "EU" at the same position.
  return [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((t) => escape(t).replace(/ /g, '\\s+')).join('|');
}

export function compileMatcher(lexicon: Lexicon): Matcher {
  const byKey = new Map<string, LexiconEntry[]>();
  const sensitive: string[] = [];
  const insensitive: string[] = [];
  for (const e of lexicon.entries) {
    const cs = isCaseSensitiveTerm(e.term);
    const term = normalizeText(e.term).trim();
    const key = termKey(term, cs);
    const list = byKey.get(key);
    if (list) {
      if (!list.some((x) => x.kind === e.kind && x.id === e.id)) list.push(e);
      continue;
    }
    byKey.set(key, [e]);
    (cs ? sensitive : insensitive).push(term);
  }
  const build = (terms: string[], flags: string) =>
    terms.length ? new RegExp(`(?<!${WORD})(?:${alternation(terms)})(?!${WORD})`, flags) : undefined;
  const reSensitive = build(sensitive, 'gu');
  const reInsensitive = build(insensitive, 'giu');

  function scan(text: string): Detection[] {
    const normalized = normalizeText(text);
    const found: Detection[] = [];
    for (const [re, cs] of [
      [reSensitive, true],
      [reInsensitive, false],
    ] as const) {
      if (!re) continue;
      re.lastIndex = 0;
      for (let m = re.exec(normalized); m; m = re.exec(normalized)) {
        const key = termKey(m[0].replace(/\s+/g, ' '), cs);
        const entries = byKey.get(key);
        if (entries) found.push(toDetection(entries, text.slice(m.index, m.index + m[0].length), m.index));
      }
    }
    return removeOverlaps(found);
  }

  return { scan, size: byKey.size };
}

function toDetection(entries: LexiconEntry[], text: string, start: number): Detection {
  const first = entries[0]!;
  const base = { kind: first.kind, id: first.id, name: first.name, text, start, end: start + text.length };
  if (entries.length === 1 && !first.ambiguous) return { ...base, confidence: 1 };
  const candidates = entries.map((e) => ({ id: e.id, name: e.name }));
  // A shared name with a single known bearer is a likely, not certain, reference.
  return candidates.length === 1 ? { ...base, confidence: 0.8 } : { ...base, confidence: 0.5, candidates };
}

/** Keep the longest of overlapping detections, then the earliest. */
function removeOverlaps(found: Detection[]): Detection[] {
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Detection[] = [];
  for (const d of found) {
    const last = out[out.length - 1];
    if (!last || d.start >= last.end) out.push(d);
    else if (d.end - d.start > last.end - last.start) out[out.length - 1] = d;
  }
  return out;
}
