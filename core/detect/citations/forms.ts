/**
 * Citation families as data, in two tables: FORMS here, how pages write citations (a pattern over the
 * normalised page text, see ../normalize.ts: "U.S.C." arrives as "USC", "E.O." as "EO", one space between
 * words; how a match becomes the fields of an identifier; the context the form needs before it counts),
 * and KINDS in kinds.ts, what an identifier means (display, what the form tells, issuer, link). The content
 * script carries only this table; the engine (engine.ts) is the same for every family.
 */
import type { KINDS } from './kinds';
import { year4 } from './families';

/** Families as the fixtures label them (../../../test/fixtures/README.md). */

export type KindId = keyof typeof KINDS;

type Groups = Record<string, string | undefined>;

/** What a form needs established on the page before a match counts. */
export type Need = 'eu' | 'us' | 'gb' | 'us-state' | 'nist' | 'etsi' | 'edpb' | 'wp29' | 'omb' | 'ich';

export interface CitationForm {
  kind: KindId;
  /** The identifier's fields, or undefined when the match is not a citation after all. */
  fields: (g: Groups, needs: (n: Need) => boolean, state: () => string | undefined) => string[] | undefined;
}

export interface FormPattern {
  /** Over the normalised text; named groups feed `fields`. Flags are added by the engine. */
  pattern: string;
  /**
   * More numbers of the same kind after a match ("Regulations (EU) 2022/1925 and (EU) 2022/2065"): the
   * separator and number, matched where the previous one ended, read with the first match's groups.
   */
  list?: string;
}

const YEAR_NOW = 2030;
const plausibleYear = (y: number, from = 1952) => y >= from && y <= YEAR_NOW;

// ---------------------------------------------------------------------------------------------------
// EU acts: one identifier, the CELEX number (sector 3, year, type letter, number on four digits).

const EU_TYPE: Record<string, string> = { Regulation: 'R', Directive: 'L', Decision: 'D', 'Framework Decision': 'F' };

/** "(EU) 2016/679", "(EC) No 1049/2001", "2002/58/EC", "85/374/EEC", "2016/679" (short). */
const EU_NUMBER = `(?:\\((?<ab>EU|EC|EEC|Euratom|EU, Euratom|CFSP|JHA)\\) ?)?(?<no>No\\.? ?)?(?<a>\\d{1,4})\\/(?<b>\\d{1,4})(?:\\/(?<sfx>EU|EC|EEC|JHA|CFSP|Euratom|ECSC))?(?![\\d\\/]|-\\d)`;

function euFields(g: Groups, needs: (n: Need) => boolean): string[] | undefined {
  const t = EU_TYPE[g.type!];
  if (!t || !g.a || !g.b) return undefined;
  let year: number;
  let num: number;
  if (g.no) [num, year] = [Number(g.a), year4(g.b)];
  else if (g.sfx) [year, num] = [year4(g.a), Number(g.b)];
  else if (g.ab && g.a.length === 4) [year, num] = [Number(g.a), Number(g.b)];
  else if (g.ab && g.b.length >= 2 && plausibleYear(year4(g.b))) [num, year] = [Number(g.a), year4(g.b)];
  else {
    // A short form ("Regulation 2016/679") only where the page is about the EU.
    if (!needs('eu')) return undefined;
    if (g.a.length === 4 && plausibleYear(Number(g.a))) [year, num] = [Number(g.a), Number(g.b)];
    else if (g.b.length === 4 && plausibleYear(Number(g.b))) [num, year] = [Number(g.a), Number(g.b)];
    else return undefined;
  }
  if (!plausibleYear(year) || num < 1 || num > 9999) return undefined;
  return [`3${year}${t}${String(num).padStart(4, '0')}`];
}

// ---------------------------------------------------------------------------------------------------
// Standards: [prefix of a national or European adoption, body, document type, number with parts, year].

const CAMERA_ISO = new Set([
  25, 50, 64, 80, 100, 125, 160, 200, 250, 320, 400, 500, 640, 800, 1000, 1250, 1600, 2000, 2500, 3200, 4000, 5000, 6400, 8000, 10000,
  12800, 16000, 20000, 25600, 32000, 40000, 51200, 64000, 102400, 204800, 409600,
]);

// ---------------------------------------------------------------------------------------------------

/** A number that ends here: not followed by more digits, a decimal part or a slash-number. */
const END = `(?![\\d\\/]|[.,]\\d)`;

/**
 * How a match becomes an identifier's fields, per form (the patterns are in PATTERNS below, under the same
 * key: the content script receives them with the matcher's tables and carries only this code).
 */
export const FORMS = {
  celex: {
    kind: 'celex',
    fields: euFields,
  },
  'celex-2': {
    kind: 'celex',
    fields: (g) => (plausibleYear(Number(g.y)) && Number(g.n) > 0 ? [`3${g.y}${g.t}${g.n}`] : undefined),
  },
  eo: {
    kind: 'eo',
    fields: (g) => {
      const n = Number(g.n);
      // The abbreviation alone is cited only with the five-digit numbers of recent orders.
      if (n < 1 || n > 15000 || (g.w === 'EO' && n < 10000)) return undefined;
      return [String(n)];
    },
  },
  pl: {
    kind: 'pl',
    fields: (g, needs) => {
      const c = Number(g.c);
      if (c < 1 || c > 125 || Number(g.n) < 1) return undefined;
      if (g.w === 'PL' && !needs('us')) return undefined;
      return [String(c), String(Number(g.n))];
    },
  },
  usc: {
    kind: 'usc',
    fields: (g) => (Number(g.t) >= 1 && Number(g.t) <= 54 ? [String(Number(g.t)), g.s!] : undefined),
  },
  'usc-2': {
    kind: 'usc',
    fields: (g) => (Number(g.t) >= 1 && Number(g.t) <= 54 ? [String(Number(g.t)), g.s!] : undefined),
  },
  cfr: {
    kind: 'cfr',
    fields: (g) =>
      Number(g.t) >= 1 && Number(g.t) <= 50 ? [String(Number(g.t)), g.s ? `${Number(g.q)}.${g.s}` : String(Number(g.q))] : undefined,
  },
  'cfr-2': {
    kind: 'cfr',
    fields: (g) => {
      const t = Number(g.t);
      if (t < 1 || t > 50) return undefined;
      const part = String(Number(g.p ?? g.q));
      return [String(t), g.s ? `${part}.${g.s}` : part];
    },
  },
  bill: {
    kind: 'bill',
    fields: (g, needs) => {
      if (!needs('us')) return undefined;
      const ch = g.ch!.startsWith('S') ? 's' : 'hr';
      // "S." and "HR" before a short number are also other things (a figure, a model): only with the
      // Congress or a number of three digits or more.
      if (!g.c && g.n!.length < 3) return undefined;
      const c = g.c && Number(g.c) >= 1 && Number(g.c) <= 125 ? g.c : '';
      return c ? [ch, String(Number(g.n)), c] : [ch, String(Number(g.n))];
    },
  },
  'state-bill': {
    kind: 'state-bill',
    fields: (g, _needs, state) => {
      const s = state();
      if (!s) return undefined;
      return [s, g.ch!.toLowerCase(), g.n!.includes('-') ? g.n! : String(Number(g.n))];
    },
  },
  omb: {
    kind: 'omb',
    fields: (g, needs) => (needs('omb') ? [g.y!, g.n!] : undefined),
  },
  uksi: {
    kind: 'uksi',
    fields: (g) => (plausibleYear(Number(g.y), 1948) && Number(g.n) > 0 ? [g.y!, String(Number(g.n))] : undefined),
  },
  ukact: {
    kind: 'ukact',
    fields: (g, needs) => {
      if (!needs('gb')) return undefined;
      const words = g.name!.split(' ');
      // A short title starts after the last word that begins a clause ("... under the Data Protection").
      const cut = words.findLastIndex((w) => LEADING.has(w));
      words.splice(0, cut + 1);
      while (words.length && /^[a-z(]/.test(words[0]!)) words.shift();
      if (!words.length || !/^[A-Z]/.test(words[0]!) || Number(g.y) > YEAR_NOW) return undefined;
      return [words.join('_'), g.y!];
    },
  },
  std: {
    kind: 'std',
    fields: (g) => {
      const n = Number(g.n);
      const body = g.body ? g.body.replace(/ /g, '') : (g.abbr ?? spelledBody(g.spelled!));
      if (n < 1) return undefined;
      // "ISO 400" is a film speed: a bare ISO number of that set is a camera setting, not a standard.
      if (body === 'ISO' && !g.pre && !g.doc && !g.parts && !g.y && CAMERA_ISO.has(n)) return undefined;
      // A bare "EN <year>" is a language switch next to a date.
      if (body === 'EN' && (g.n!.length < 3 || (!g.parts && !g.y && n >= 1900 && n <= YEAR_NOW))) return undefined;
      return [g.pre ?? '', body, g.doc ?? '', `${n}${g.parts ?? ''}`, g.y ?? ''];
    },
  },
  etsi: {
    kind: 'etsi',
    fields: (g, needs) => {
      // ETSI's three-and-three numbering; without "ETSI", an EN is still one of ETSI's European Standards.
      if (!g.etsi && g.t !== 'EN' && !needs('etsi')) return undefined;
      return [g.t!, `${g.a}${g.b}`, g.p ?? '', g.v ?? ''];
    },
  },
  ieee: {
    kind: 'ieee',
    fields: (g) => [g.n!, g.y ?? ''],
  },
  'nist-sp': {
    kind: 'nist-sp',
    fields: (g, needs) => (g.nist || needs('nist') ? [`${g.s}-${g.n}`, g.r ?? g.r2 ?? ''] : undefined),
  },
  fips: {
    kind: 'fips',
    fields: (g) => [g.n!, g.r ?? ''],
  },
  nistir: {
    kind: 'nistir',
    fields: (g) => [g.n!, g.r ?? ''],
  },
  'nist-ai': {
    kind: 'nist-ai',
    fields: (g) => [g.n!],
  },
  edpb: {
    kind: 'edpb',
    fields: (g, needs) => {
      const y = Number(g.y);
      // The Board exists since May 2018; an earlier opinion n/year is the Article 29 Working Party's.
      if (y < 2018 || y > YEAR_NOW || (!g.edpb && !needs('edpb'))) return undefined;
      return [g.t!.toLowerCase().replace(' ', '-'), g.n!.padStart(2, '0'), g.y!];
    },
  },
  wp29: {
    kind: 'wp29',
    fields: (g, needs) => {
      if (!needs('wp29')) return undefined;
      if (g.on) return Number(g.oy) < 2018 ? ['opinion', g.on.padStart(2, '0'), g.oy!] : undefined;
      // "WP29" is the Working Party itself.
      return g.n !== '29' ? ['wp', g.n!, g.r ?? ''] : undefined;
    },
  },
  mdcg: {
    kind: 'mdcg',
    fields: (g) => [g.y!, g.n!, g.r ?? ''],
  },
  ich: {
    kind: 'ich',
    fields: (g, needs) => (g.ich || (g.r && needs('ich')) ? [g.c!, g.r ?? ''] : undefined),
  },
  imdrf: {
    kind: 'imdrf',
    fields: (g) => [String(Number(g.n))],
  },
} satisfies Record<string, CitationForm>;

export type FormId = keyof typeof FORMS;

/**
 * The text each form matches, over the normalised text; `list` reads more numbers after a match. Plain
 * template literals, not String.raw: a tagged template is a call, which bundlers keep even where unused.
 */
export const PATTERNS: Record<FormId, FormPattern> = {
  celex: {
    pattern: `(?<![\\w\\/.-])(?:(?<inst>Commission|Council|European Parliament and (?:of the )?Council|Parliament and Council) )?(?:(?<sub>Implementing|Delegated) )?(?<type>Framework Decision|Regulation|Directive|Decision)s? ${EU_NUMBER}`,
    list: `(?:, ?(?:and |or )?| (?:and|or) )${EU_NUMBER}`,
  },
  'celex-2': { pattern: `(?<![\\w\\/.-])(?:CELEX(?::| No\\.? | )?)?3(?<y>19[5-9]\\d|20[0-4]\\d)(?<t>[RLDF])(?<n>\\d{4})(?![\\w\\/-])` },
  eo: {
    pattern: `(?<![\\w.])(?<w>Executive Order|Exec\\. Order|EO)s?(?: \\(EO\\))?(?: No\\.?)? ?(?<n>\\d{4,5})${END}`,
    list: `(?:, ?(?:and |or )?| (?:and|or) )(?<n>\\d{4,5})${END}`,
  },
  pl: { pattern: `(?<![\\w.])(?<w>Pub(?:lic)?\\. ?L(?:aw)?\\.?|Public Law|PL)(?: No\\.?)? ?(?<c>\\d{1,3})-(?<n>\\d{1,3})(?![\\d\\/-])` },
  usc: {
    pattern: `(?<![\\w.\\/-])(?<t>\\d{1,2}) USC[AS]?\\.? ?(?:(?:§§?|Sec(?:tion)?s?\\.?) ?)?(?<s>\\d{1,5}[a-z]{0,3}(?:-\\d{1,4}[a-z]?)?)(?![\\w.]\\w)(?:\\([a-zA-Z0-9]{1,4}\\)){0,4}`,
  },
  'usc-2': {
    pattern: `(?<![\\w.\\/-])Title (?<t>\\d{1,2}),? (?:of the )?(?:US Code|U\\.S\\. Code|United States Code),? (?:(?:§§?|Sec(?:tion)?\\.?) ?)(?<s>\\d{1,5}[a-z]{0,3}(?:-\\d{1,4}[a-z]?)?)(?![\\w.]\\w)`,
  },
  cfr: {
    pattern: `(?<![\\w.\\/-])Title (?<t>\\d{1,2}),? (?:of the )?Code of Federal Regulations,? (?:(?:Parts?|§§?|Sec(?:tion)?\\.?) ?)(?<q>\\d{1,4})(?:\\.(?<s>\\d{1,5}[a-z]?))?(?![\\w.]\\w)`,
  },
  'cfr-2': {
    pattern: `(?<![\\w.\\/-])(?<t>\\d{1,2}) CFR\\.? ?(?:(?:Parts?|pt\\.) ?(?<p>\\d{1,4})|(?:(?:§§?|Sec(?:tion)?s?\\.?) ?)?(?<q>\\d{1,4})(?:\\.(?<s>\\d{1,5}[a-z]?))?)(?![\\w.]\\w)(?:\\([a-zA-Z0-9]{1,4}\\)){0,4}`,
  },
  bill: { pattern: `(?<![\\w.])(?<ch>HR|H\\. ?R\\.|S\\.) ?(?<n>\\d{1,5})${END}(?:,? \\(?(?<c>\\d{2,3})(?:th|st|nd|rd) Congress\\)?)?` },
  'state-bill': { pattern: `(?<![\\w.])(?<ch>SB|HB|AB|SF|HF|LB|LD)(?: No\\.?)? ?(?<n>\\d{2}-\\d{1,4}|\\d{1,5})(?![\\d\\/]|[.,]\\d|-\\d)` },
  omb: { pattern: `(?<![\\w.-])(?:OMB )?(?:Memorandum |Memo )?M-(?<y>\\d{2})-(?<n>\\d{2})(?![\\w-])` },
  uksi: { pattern: `(?<![\\w.])(?:SI|UKSI)(?: No\\.?)? ?(?<y>(?:19|20)\\d\\d)(?:\\/| No\\.? ?)(?<n>\\d{1,4})${END}` },
  ukact: {
    pattern: `(?<![\\w-])(?<name>[A-Z][a-z]+(?: (?:(?:and|of|the|for|in|on|to) )?(?:[A-Z][a-z]+|\\([A-Z][a-z]+\\))){0,8}) Act (?<y>1[89]\\d\\d|20\\d\\d)(?![\\d\\/-])`,
  },
  std: {
    pattern: `(?<![\\w\\/-])(?:(?<pre>EN|BS|DIN|NF|UNE|CSA|AS|NS|SS|SN|ÖNORM|UNI|NEN|PN|CSN|IS)[ -])?(?:(?<body>ISO(?: ?\\/ ?(?:IEC|IEEE|ASTM|SAE))*|IEC(?: ?\\/ ?(?:IEEE|ISO))?|EN(?= \\d{3}))|(?<spelled>International Organization for Standardization(?:\\/International Electrotechnical Commission)?(?:\\/Institute of Electrical and Electronics Engineers)?)(?: \\((?<abbr>ISO(?:\\/IEC)?(?:\\/IEEE)?)\\))?)(?:[ \\/](?<doc>TS|TR|PAS|Guide))? ?(?<n>\\d{1,5})(?<parts>(?:-\\d{1,3}){0,3})(?:[:\\/](?<y>(?:19|20)\\d\\d))?(?![\\d\\/]|[.,]\\d)`,
  },
  etsi: {
    pattern: `(?<![\\w\\/-])(?<etsi>ETSI )?(?<t>EN|TS|TR|ES|EG|GS|GR) (?<a>\\d{3}) ?(?<b>\\d{3})(?:-(?<p>\\d{1,2}))?(?: V(?<v>\\d{1,2}\\.\\d{1,2}\\.\\d{1,2}))?(?![\\d\\/]|[.,]\\d)`,
  },
  ieee: {
    pattern: `(?<![\\w\\/-])IEEE(?: Std\\.?)? (?<n>\\d{3,5}(?:\\.\\d{1,3}){0,2}[a-z]?)(?:-(?<y>(?:19|20)\\d\\d))?(?![\\d\\/]|[.,]\\d)`,
  },
  'nist-sp': {
    pattern: `(?<![\\w\\/-])(?<nist>NIST )?(?:Special Publication|SP)(?: \\(SP\\))? (?<s>\\d{3})-(?<n>\\d{1,3}[A-Z]?)(?: ?(?:[Rr]ev(?:ision)?\\.? ?|r)(?<r>\\d)|-(?<r2>\\d)(?!\\d))?(?![\\w\\/]|[.,]\\d)`,
  },
  fips: { pattern: `(?<![\\w\\/-])(?:NIST )?FIPS(?: PUB| Publication)? (?<n>\\d{2,3})(?:-(?<r>\\d))?(?![\\w\\/]|[.,]\\d)` },
  nistir: {
    pattern: `(?<![\\w\\/-])(?:NISTIR|NIST IR|NIST Interagency(?: or Internal)? Report) (?<n>\\d{4})(?: ?(?:Rev(?:ision)?\\.? ?|r)(?<r>\\d))?(?![\\w\\/]|[.,]\\d)`,
  },
  'nist-ai': { pattern: `(?<![\\w\\/-])NIST AI (?<n>\\d{3}-\\d{1,2})(?![\\w\\/]|[.,]\\d)` },
  edpb: {
    pattern: `(?<![\\w\\/-])(?<edpb>EDPB )?(?<t>Guidelines|Recommendations|Opinion|Statement|Binding Decision) (?<n>\\d{1,2})\\/(?<y>20\\d\\d)(?![\\d\\/]|[.,]\\d)`,
  },
  wp29: {
    pattern: `(?<![\\w\\/-])(?:WP ?(?<n>\\d{2,3})(?: ?rev\\.? ?(?<r>\\d{1,2}(?:\\.\\d{1,2})?))?|Opinion (?<on>\\d{1,2})\\/(?<oy>(?:19|20)\\d\\d))(?![\\d\\/]|[.,]\\d)`,
  },
  mdcg: { pattern: `(?<![\\w\\/-])MDCG (?<y>20\\d\\d)-(?<n>\\d{1,2}[a-z]?)(?: ?[Rr]ev\\.? ?(?<r>\\d{1,2}))?(?![\\w\\/]|[.,]\\d)` },
  ich: {
    pattern: `(?<![\\w\\/-])(?<ich>ICH(?:[ -](?:GCP|guideline|Guideline))? )?(?<c>[EQSM]\\d{1,2}[A-D]?)(?: ?\\((?<r>R\\d)\\))?(?![\\w\\/]|[.,]\\d)`,
  },
  imdrf: {
    pattern: `(?<![\\w\\/-])IMDRF(?:\\/[A-Za-z]+(?: [A-Za-z]+)?(?: WG)?\\/| )N(?<n>\\d{1,3})(?:FINAL(?::(?:19|20)\\d\\d)?)?(?![\\w\\/]|[.,]\\d)`,
  },
};

/** "International Organization for Standardization/International Electrotechnical Commission" is ISO/IEC. */
function spelledBody(s: string): string {
  return ['ISO', ...(s.includes('Electrotechnical') ? ['IEC'] : []), ...(s.includes('Electronics Engineers') ? ['IEEE'] : [])].join('/');
}

/** Words that begin a sentence or a clause before an Act's short title, not part of it. */
const LEADING = new Set(
  'The Under In By As Since From With And Of See Section Part Schedule This That Its Amending When Where After Before Unlike'.split(' '),
);

/**
 * Key under which a curated record and a citation are the same work: ISO/IEC 27001:2022, ISO 27001 and
 * EN ISO/IEC 27001 are one standard, in one numbering (ISO's or IEC's).
 */
export const WORKS: Partial<Record<KindId, (f: string[]) => string>> = {
  std: (f) => `${f[1]!.startsWith('ISO') ? 'ISO' : f[1]}:${f[3]}`,
  etsi: (f) => `ETSI:${f[0]}:${f[1]}:${f[2] ?? ''}`,
  ieee: (f) => `IEEE:${f[0]}`,
  'nist-sp': (f) => `NIST SP:${f[0]}`,
  fips: (f) => `FIPS:${f[0]}`,
  ich: (f) => `ICH:${f[0]}:${f[1] ?? ''}`,
};
