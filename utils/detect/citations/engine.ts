/**
 * The citation recogniser: one engine over the families in families.ts. It finds citations in normalised
 * text, gives each its canonical identifier (`<kind>:<field>:<field>...`), and turns an identifier back
 * into what the card shows. Pure: no DOM, no extension APIs, no dataset (a citation that names a curated
 * record is resolved by the matcher, through the identifiers computed from the records' aliases).
 */
import { normalizeText } from '../normalize';
import { FORMS, KINDS, type CitationForm, type CitationKind, type CitationText, type FamilyId, type Need } from './families';

export type { FamilyId, CitationText } from './families';

export type CitationKindId = keyof typeof KINDS;

/** A canonical identifier: ASCII, no spaces, at most 120 characters. */
export const CITATION_ID = /^[a-z-]{2,12}:[A-Za-z0-9_.\/:()-]{0,107}$/;

export interface CitationHit {
  start: number;
  end: number;
  id: string;
  kind: CitationKindId;
  fields: string[];
}

/** What a citation's card shows: everything follows from the identifier. */
export interface CitationInfo {
  id: string;
  family: FamilyId;
  /** The identifier as it is cited ("Regulation (EU) 2016/679"). */
  display: string;
  label: CitationText;
  tells: CitationText;
  issuer: CitationText;
  year?: string;
  link?: { url: string; site: string };
  /** For a state bill: the state's jurisdiction id. */
  jurisdiction?: string;
}

/** What the page around the text establishes; every answer may be asked more than once. */
export interface CitationContext {
  /** Whether jurisdiction `id` (or one inside it, for 'us') is named on the page. */
  jurisdiction(id: 'eu' | 'us' | 'gb'): boolean;
  /** The U.S. state named nearest to start..end, if one is near. */
  state(start: number, end: number): string | undefined;
}

const NO_CONTEXT: CitationContext = { jurisdiction: () => false, state: () => undefined };

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
const MAX_CITATION = 160;

interface Compiled {
  form: CitationForm;
  regex: RegExp;
  list?: RegExp;
  /** A cheap test: the literal every match contains, to skip a form on text without it. */
  cue?: RegExp;
}

let compiled: Compiled[] | undefined;
const forms = () =>
  (compiled ??= FORMS.map((form) => ({
    form,
    regex: new RegExp(form.pattern, 'g'),
    ...(form.list ? { list: new RegExp(form.list, 'y') } : {}),
  })));

/**
 * Citations in `text` (already normalised, see ../normalize.ts), sorted by start, not overlapping (the
 * longest at a place wins). `context` says what the page around establishes.
 */
export function findCitations(text: string, context: CitationContext = NO_CONTEXT): CitationHit[] {
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
  const all = forms();
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
            const lg = { ...g, ...stripUndefined(l.groups ?? {}) };
            if (!l.groups?.ab) delete lg.ab;
            if (!l.groups?.sfx) delete lg.sfx;
            if (!l.groups?.no) delete lg.no;
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

function stripUndefined(g: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(g)) if (v !== undefined) out[k] = v;
  return out;
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

/** The fields of an identifier, or undefined when it is not one this engine makes. */
function parseId(id: string): { kind: CitationKindId; fields: string[] } | undefined {
  if (!CITATION_ID.test(id)) return undefined;
  const i = id.indexOf(':');
  const kind = id.slice(0, i);
  if (!Object.hasOwn(KINDS, kind)) return undefined;
  const fields = id.slice(i + 1).split(':');
  return { kind: kind as CitationKindId, fields };
}

/** What a citation's identifier says, for its card; undefined for an identifier this engine never makes. */
export function citationInfo(id: string): CitationInfo | undefined {
  const p = parseId(id);
  if (!p) return undefined;
  const k: CitationKind = KINDS[p.kind];
  const f = p.fields;
  // An identifier must be one the engine would make: its display form reads back to it.
  const info: CitationInfo = { id, family: k.family, display: k.display(f), label: k.label(f), tells: k.tells(f), issuer: k.issuer(f) };
  const year = k.year?.(f);
  if (year) info.year = year;
  const link = k.link?.(f);
  if (link) info.link = link;
  if (p.kind === 'state-bill') info.jurisdiction = f[0];
  return info;
}

/** The key under which a citation and a curated record's alias name the same work (see families.ts). */
export function workKey(id: string): string | undefined {
  const p = parseId(id);
  const w = p && (KINDS[p.kind] as CitationKind).work;
  return p && w ? `${p.kind}|${w(p.fields)}` : undefined;
}

/** Everything established: an alias of a record or a typed query names its own context. */
const ALL_ESTABLISHED: CitationContext = { jurisdiction: () => true, state: () => undefined };

/**
 * The citation a short text is, as a whole ("Regulation (EU) 2016/679", "EO 14110", "2022/868" with
 * `bareEu`), for aliases and the popup's lookup; undefined when it is not exactly one citation.
 */
export function citationOf(text: string, opts: { state?: string } = {}): CitationHit | undefined {
  const norm = normalizeText(text).trim();
  if (!norm || norm.length > MAX_CITATION) return undefined;
  const context = opts.state ? { ...ALL_ESTABLISHED, state: () => opts.state } : ALL_ESTABLISHED;
  const hits = findCitations(norm, context);
  return hits.length === 1 && hits[0]!.start === 0 && hits[0]!.end === norm.length ? hits[0] : undefined;
}

/** A bare EU number ("2022/868"): the year/number of the three kinds of act it may be. */
const BARE_EU = /^((?:19|20)\d\d)\/(\d{1,4})$/;

/**
 * What a typed query cites: the one citation it is, or for a bare EU number every act it may be (a
 * regulation, a directive, a decision). Empty when it cites nothing.
 */
export function citationsOfQuery(query: string): CitationHit[] {
  const q = normalizeText(query).trim();
  const bare = BARE_EU.exec(q);
  if (bare) return ['Regulation', 'Directive', 'Decision'].flatMap((w) => citationOf(`${w} (EU) ${q}`) ?? []).map((h) => ({ ...h, start: 0, end: q.length }));
  const one = citationOf(q);
  return one ? [one] : [];
}
