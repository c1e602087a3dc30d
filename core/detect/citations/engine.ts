/**
 * The citation recogniser: one engine over the families in forms.ts (and kinds.ts). It finds citations in normalised
 * text, gives each its canonical identifier (`<kind>:<field>:<field>...`), and turns an identifier back
 * into its fields (what they mean for a card: info.ts). Pure: no DOM, no extension APIs, no dataset (a citation that names a curated
 * record is resolved by the matcher, through the identifiers computed from the records' aliases).
 */
import { FORMS, WORKS, type CitationForm, type FormId, type FormPattern, type KindId, type Need } from './forms';

export type CitationKindId = KindId;

/** A canonical identifier: ASCII, no spaces, at most 120 characters. */
export const CITATION_ID = /^[a-z-]{2,12}:[A-Za-z0-9_./:()-]{0,107}$/;

export interface CitationHit {
  start: number;
  end: number;
  id: string;
  kind: CitationKindId;
  fields: string[];
}

/** What the page around the text establishes; every answer may be asked more than once. */
export interface CitationContext {
  /** Whether jurisdiction `id` (or one inside it, for 'us') is named on the page. */
  jurisdiction(id: 'eu' | 'us' | 'gb'): boolean;
  /** The U.S. state named nearest to start..end, if one is near. */
  state(start: number, end: number): string | undefined;
}

/** Words on the page that establish a series, so its short forms count. */
const SERIES: Partial<Record<Need, RegExp>> = {
  nist: /\bNIST\b|National Institute of Standards and Technology/,
  etsi: /\bETSI\b/,
  edpb: /\bEDPB\b|European Data Protection Board/,
  wp29: /Article 29 (?:Data Protection )?Working Party|\bWP ?29\b|\bA29WP\b/,
  omb: /\bOMB\b|Office of Management and Budget/,
  ich: /\bICH\b/,
};

/** A match longer than this is not a citation (and a hostile text cannot make the engine slice megabytes). */
export const MAX_CITATION = 160;

interface Compiled {
  form: CitationForm;
  regex: RegExp;
  list?: RegExp;
}

/** The forms' patterns compiled, in the forms' order (the content script gets the patterns with its tables). */
export type CompiledForms = Compiled[];

export function compileForms(patterns: Readonly<Record<string, FormPattern>>): CompiledForms {
  return (Object.keys(FORMS) as FormId[]).flatMap((id) => {
    const p = patterns[id];
    if (!p) return [];
    return [{ form: FORMS[id], regex: new RegExp(p.pattern, 'g'), ...(p.list ? { list: new RegExp(p.list, 'y') } : {}) }];
  });
}

/**
 * Citations in `text` (already normalised, see ../normalize.ts), sorted by start, not overlapping (the
 * longest at a place wins). `context` says what the page around establishes.
 */
export function scanCitations(text: string, context: CitationContext, all: CompiledForms): CitationHit[] {
  const needCache = new Map<Need, boolean>();
  let euCited = false;
  const needs = (n: Need): boolean => {
    let v = needCache.get(n);
    if (v === undefined) {
      if (n === 'eu') v = euCited || context.jurisdiction('eu');
      else if (n === 'us' || n === 'gb') v = context.jurisdiction(n);
      else v = SERIES[n]?.test(text) ?? false;
      needCache.set(n, v);
    }
    return v;
  };
  const hits: CitationHit[] = [];
  // Full EU citations first: they establish the EU for the short forms of the same text.
  for (const pass of [0, 1] as const) {
    for (const c of all) {
      if ((c.form.kind === 'celex') !== (pass === 0)) continue;
      c.regex.lastIndex = 0;
      for (let m = c.regex.exec(text); m; m = c.regex.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (end - start > MAX_CITATION || insideAddress(text, start)) continue;
        const g = m.groups ?? {};
        const state = () => context.state(start, end);
        const fields = c.form.fields(g, needs, state);
        if (!fields) continue;
        if (c.form.kind === 'celex' && pass === 0 && (g.ab || g.sfx || g.no || g.t)) euCited = true;
        hits.push(hitOf(c.form.kind, fields, start, end));
        if (c.list) {
          // More numbers of the same kind in a list: read with the first number's words.
          let at = end;
          for (let guard = 0; guard < 50; guard++) {
            c.list.lastIndex = at;
            const l = c.list.exec(text);
            if (!l) break;
            // The item's own groups, undefined ones included ("(EU)" in the first number is not in the next).
            const lg = { ...g, ...l.groups };
            const more = c.form.fields(lg, needs, state);
            if (!more) break;
            const numStart = at + l[0].length - numberLength(l);
            hits.push(hitOf(c.form.kind, more, numStart, at + l[0].length));
            at += l[0].length;
          }
          c.regex.lastIndex = Math.max(c.regex.lastIndex, at);
        }
      }
    }
  }
  return longestFirst(hits);
}

/** Whether `at` is inside a URL or an e-mail address: a number there is part of an address, not cited. */
function insideAddress(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && at - i < 300 && !/\s/.test(text[i - 1]!)) i--;
  const token = text.slice(i, at);
  return token.includes('://') || token.startsWith('www.') || token.includes('@');
}

/** Length of a list item's number: the match without its leading separator. */
function numberLength(l: RegExpExecArray): number {
  const sep = /^(?:, ?(?:and |or )?| (?:and|or) )/.exec(l[0]);
  return l[0].length - (sep ? sep[0].length : 0);
}

function hitOf(kind: CitationKindId, fields: string[], start: number, end: number): CitationHit {
  return { start, end, kind, fields, id: citationId(kind, fields) };
}

/** The canonical identifier of a kind's fields; trailing empty fields are dropped. */
export function citationId(kind: CitationKindId, fields: string[]): string {
  const f = [...fields];
  while (f.length && !f[f.length - 1]) f.pop();
  return `${kind}:${f.join(':')}`;
}

function longestFirst(hits: CitationHit[]): CitationHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CitationHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (!last || h.start >= last.end) out.push(h);
    else if (h.end - h.start > last.end - last.start) out[out.length - 1] = h;
  }
  return out;
}

const KIND_IDS = new Set<string>(Object.values(FORMS).map((f) => f.kind));

/** The fields of an identifier, or undefined when it is not one this engine makes. */
export function parseCitationId(id: string): { kind: CitationKindId; fields: string[] } | undefined {
  if (!CITATION_ID.test(id)) return undefined;
  const i = id.indexOf(':');
  const kind = id.slice(0, i);
  if (!KIND_IDS.has(kind)) return undefined;
  return { kind: kind as CitationKindId, fields: id.slice(i + 1).split(':') };
}

/** The key under which a citation and a curated record's alias name the same work (see forms.ts). */
export function workKey(id: string): string | undefined {
  const p = parseCitationId(id);
  const w = p && WORKS[p.kind];
  return p && w ? `${p.kind}|${w(p.fields)}` : undefined;
}
