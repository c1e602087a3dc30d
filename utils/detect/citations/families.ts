/**
 * Citation families as data. Two tables:
 * - KINDS: what a canonical identifier means, by its prefix (`celex:32016R0679`, `eo:13636`): how it is
 *   written out, what its form tells for sure, who issues it, its year and its official page. The card,
 *   the popup and the CLI read citations only through these entries.
 * - FORMS: how pages write citations: a pattern over the normalised page text (see ../normalize.ts:
 *   "U.S.C." arrives as "USC", "E.O." as "EO", one space between words) and how a match becomes the
 *   fields of an identifier, with the context the form needs before it counts.
 * The engine (engine.ts) is the same for every family.
 */

/** Families as the fixtures label them (../../../test/fixtures/README.md). */
export type FamilyId = 'eu-act' | 'us-eo' | 'us-public-law' | 'us-usc' | 'us-cfr' | 'us-bill' | 'us-omb' | 'uk-si' | 'uk-act' | 'standard' | 'edpb' | 'wp29' | 'mdcg' | 'ich' | 'imdrf';

/** Message keys (public/_locales/en/messages.json) the card shows for a citation; checked by a unit test. */
export type CitationText = `cite${string}`;

export interface CitationKind {
  family: FamilyId;
  /** The kind of instrument, in words. */
  label: (f: string[]) => CitationText;
  /** What the form alone tells for sure. */
  tells: (f: string[]) => CitationText;
  issuer: (f: string[]) => CitationText;
  /** The identifier as it is cited. */
  display: (f: string[]) => string;
  year?: (f: string[]) => string | undefined;
  /** The official page built from the identifier, and whose page it is. */
  link?: (f: string[]) => { url: string; site: string } | undefined;
  /** Key under which a curated record and a citation are the same work (editions of a standard). */
  work?: (f: string[]) => string;
}

type Groups = Record<string, string | undefined>;

/** What a form needs established on the page before a match counts. */
export type Need = 'eu' | 'us' | 'gb' | 'us-state' | 'nist' | 'etsi' | 'edpb' | 'wp29' | 'omb' | 'ich';

export interface CitationForm {
  kind: keyof typeof KINDS;
  /** Over the normalised text; named groups feed `fields`. Flags 'g' are added by the engine. */
  pattern: string;
  /** The identifier's fields, or undefined when the match is not a citation after all. */
  fields: (g: Groups, needs: (n: Need) => boolean, state: () => string | undefined) => string[] | undefined;
  /**
   * More numbers of the same kind after a match ("Regulations (EU) 2022/1925 and (EU) 2022/2065"): the
   * separator and number, matched where the previous one ended, read with the first match's groups.
   */
  list?: string;
}

const enc = encodeURIComponent;
const YEAR_NOW = 2030;
const year4 = (y: string): number => (y.length === 2 ? 1900 + Number(y) : Number(y));
const plausibleYear = (y: number, from = 1952) => y >= from && y <= YEAR_NOW;

// ---------------------------------------------------------------------------------------------------
// EU acts: one identifier, the CELEX number (sector 3, year, type letter, number on four digits).

const EU_TYPE: Record<string, string> = { Regulation: 'R', Directive: 'L', Decision: 'D', 'Framework Decision': 'F' };
const EU_WORD: Record<string, string> = { R: 'Regulation', L: 'Directive', D: 'Decision', F: 'Framework Decision' };
const EU_LABEL: Record<string, CitationText> = { R: 'citeEuRegulation', L: 'citeEuDirective', D: 'citeEuDecision', F: 'citeEuFrameworkDecision' };
const EU_TELLS: Record<string, CitationText> = { R: 'citeTellsEuRegulation', L: 'citeTellsEuDirective', D: 'citeTellsEuDecision', F: 'citeTellsEuFrameworkDecision' };

/** "(EU) 2016/679", "(EC) No 1049/2001", "2002/58/EC", "85/374/EEC", "2016/679" (short). */
const EU_NUMBER = String.raw`(?:\((?<ab>EU|EC|EEC|Euratom|EU, Euratom|CFSP|JHA)\) ?)?(?<no>No\.? ?)?(?<a>\d{1,4})\/(?<b>\d{1,4})(?:\/(?<sfx>EU|EC|EEC|JHA|CFSP|Euratom|ECSC))?(?![\d\/]|-\d)`;

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

const CELEX = /^3(\d{4})([RLDF])(\d{4})$/;
const celexParts = (f: string[]) => {
  const m = CELEX.exec(f[0] ?? '');
  return m ? { year: m[1]!, type: m[2]!, num: String(Number(m[3])) } : undefined;
};

// ---------------------------------------------------------------------------------------------------
// Standards: [prefix of a national or European adoption, body, document type, number with parts, year].

const CAMERA_ISO = new Set([25, 50, 64, 80, 100, 125, 160, 200, 250, 320, 400, 500, 640, 800, 1000, 1250, 1600, 2000, 2500, 3200, 4000, 5000, 6400, 8000, 10000, 12800, 16000, 20000, 25600, 32000, 40000, 51200, 64000, 102400, 204800, 409600]);

const standardDisplay = (f: string[]) => `${f[0] ? `${f[0]} ` : ''}${f[1]}${f[2] ? ` ${f[2]}` : ''} ${f[3]}${f[4] ? `:${f[4]}` : ''}`;

const NIST_DOI = (series: string) => (f: string[]) => ({ url: `https://doi.org/10.6028/NIST.${series}.${f[0]}${f[1] ? `r${f[1]}` : ''}`, site: 'doi.org (NIST)' });

const ETSI_TYPES = new Set(['EN', 'TS', 'TR', 'ES', 'EG', 'GS', 'GR']);

// ---------------------------------------------------------------------------------------------------

const FEDERAL_CHAMBER: Record<string, { word: string; path: string }> = { hr: { word: 'H.R.', path: 'house-bill' }, s: { word: 'S.', path: 'senate-bill' } };
const ordinal = (n: string) => {
  const v = Number(n) % 100;
  return `${n}${v >= 11 && v <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][Number(n) % 10] ?? 'th'}`;
};

export const KINDS = {
  celex: {
    family: 'eu-act',
    label: (f) => EU_LABEL[celexParts(f)?.type ?? 'R']!,
    tells: (f) => EU_TELLS[celexParts(f)?.type ?? 'R']!,
    issuer: () => 'citeIssuerEu',
    display: (f) => {
      const p = celexParts(f);
      if (!p) return f[0]!;
      const word = EU_WORD[p.type]!;
      // From 2015 every act is numbered (EU) year/number; before, a regulation was "No number/year" and
      // the rest year/number, with a suffix (EC, EEC, JHA...) the identifier does not keep.
      if (Number(p.year) >= 2015) return `${word} (EU) ${p.year}/${p.num}`;
      // Until 1998 years were cited with two digits ("Directive 95/46/EC").
      const y = Number(p.year) < 1999 ? p.year.slice(2) : p.year;
      return p.type === 'R' ? `${word} No ${p.num}/${y}` : `${word} ${y}/${p.num}`;
    },
    year: (f) => celexParts(f)?.year,
    link: (f) => ({ url: `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${f[0]}`, site: 'EUR-Lex' }),
  },
  eo: {
    family: 'us-eo',
    label: () => 'citeExecutiveOrder',
    tells: () => 'citeTellsExecutiveOrder',
    issuer: () => 'citeIssuerUsPresident',
    display: (f) => `Executive Order ${f[0]}`,
    // The Federal Register's own address for an order by number; it holds orders from 1994 on.
    link: (f) => (Number(f[0]) >= 12890 ? { url: `https://www.federalregister.gov/executive-order/${f[0]}`, site: 'Federal Register' } : undefined),
  },
  pl: {
    family: 'us-public-law',
    label: () => 'citePublicLaw',
    tells: () => 'citeTellsPublicLaw',
    issuer: () => 'citeIssuerUsCongress',
    display: (f) => `Pub. L. ${f[0]}-${f[1]}`,
    // govinfo's link service; its public laws start with the 104th Congress.
    link: (f) => (Number(f[0]) >= 104 ? { url: `https://www.govinfo.gov/link/plaw/${f[0]}/public/${f[1]}`, site: 'govinfo' } : undefined),
  },
  usc: {
    family: 'us-usc',
    label: () => 'citeUsCode',
    tells: () => 'citeTellsUsCode',
    issuer: () => 'citeIssuerUsCongress',
    display: (f) => `${f[0]} U.S.C. § ${f[1]}`,
    link: (f) => ({ url: `https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title${f[0]}-section${f[1]}&num=0&edition=prelim`, site: 'uscode.house.gov' }),
  },
  cfr: {
    family: 'us-cfr',
    label: () => 'citeCfr',
    tells: () => 'citeTellsCfr',
    issuer: () => 'citeIssuerUsAgencies',
    display: (f) => (f[1]!.includes('.') ? `${f[0]} CFR § ${f[1]}` : `${f[0]} CFR Part ${f[1]}`),
    link: (f) => ({ url: `https://www.ecfr.gov/current/title-${f[0]}/${f[1]!.includes('.') ? 'section' : 'part'}-${f[1]}`, site: 'eCFR' }),
  },
  bill: {
    family: 'us-bill',
    label: () => 'citeFederalBill',
    tells: () => 'citeTellsBill',
    issuer: () => 'citeIssuerUsCongress',
    display: (f) => `${FEDERAL_CHAMBER[f[0]!]?.word ?? f[0]} ${f[1]}${f[2] ? ` (${ordinal(f[2])} Congress)` : ''}`,
    link: (f) => {
      const c = FEDERAL_CHAMBER[f[0]!];
      if (!c) return undefined;
      if (f[2]) return { url: `https://www.congress.gov/bill/${ordinal(f[2])}-congress/${c.path}/${f[1]}`, site: 'Congress.gov' };
      return { url: `https://www.congress.gov/search?q=${enc(JSON.stringify({ source: 'legislation', search: `${c.word} ${f[1]}` }))}`, site: 'Congress.gov' };
    },
  },
  'state-bill': {
    family: 'us-bill',
    label: () => 'citeStateBill',
    tells: () => 'citeTellsBill',
    issuer: () => 'citeIssuerStateLegislature',
    display: (f) => `${f[1]!.toUpperCase()} ${f[2]}`,
    // Colorado's bill pages are addressed by the bill's own number ("sb24-205"); other states' are not.
    link: (f) => (f[0] === 'us-co' && f[2]!.includes('-') ? { url: `https://leg.colorado.gov/bills/${f[1]}${f[2]}`, site: 'Colorado General Assembly' } : undefined),
  },
  omb: {
    family: 'us-omb',
    label: () => 'citeOmbMemo',
    tells: () => 'citeTellsOmbMemo',
    issuer: () => 'citeIssuerOmb',
    display: (f) => `OMB M-${f[0]}-${f[1]}`,
    year: (f) => String(year4(f[0]!) < 1950 ? 2000 + Number(f[0]) : year4(f[0]!)),
  },
  uksi: {
    family: 'uk-si',
    label: () => 'citeUkSi',
    tells: () => 'citeTellsUkSi',
    issuer: () => 'citeIssuerUkGovernment',
    display: (f) => `S.I. ${f[0]}/${f[1]}`,
    year: (f) => f[0],
    link: (f) => ({ url: `https://www.legislation.gov.uk/uksi/${f[0]}/${f[1]}`, site: 'legislation.gov.uk' }),
  },
  ukact: {
    family: 'uk-act',
    label: () => 'citeUkAct',
    tells: () => 'citeTellsUkAct',
    issuer: () => 'citeIssuerUkParliament',
    display: (f) => `${f[0]!.replaceAll('_', ' ')} Act ${f[1]}`,
    year: (f) => f[1],
    link: (f) => ({ url: `https://www.legislation.gov.uk/primary?title=${enc(`${f[0]!.replaceAll('_', ' ')} Act`)}&year=${f[1]}`, site: 'legislation.gov.uk' }),
  },
  std: {
    family: 'standard',
    label: (f) => (f[1]!.startsWith('ISO') ? 'citeIsoStandard' : f[1]!.startsWith('IEC') ? 'citeIecStandard' : 'citeEnStandard'),
    tells: () => 'citeTellsStandard',
    issuer: (f) => (f[1] === 'EN' ? 'citeIssuerCen' : f[1]!.includes('/') ? 'citeIssuerIsoIec' : f[1] === 'IEC' ? 'citeIssuerIec' : 'citeIssuerIso'),
    display: standardDisplay,
    year: (f) => f[4] || undefined,
    link: (f) => {
      if (f[1] === 'EN') return undefined;
      const body = f[1]!.startsWith('ISO') ? { url: 'https://www.iso.org/search.html?q=', site: 'iso.org' } : { url: 'https://webstore.iec.ch/en/searchform?q=', site: 'IEC Webstore' };
      return { url: `${body.url}${enc(`${f[1]} ${f[3]}`)}`, site: body.site };
    },
    // ISO/IEC 27001:2022, ISO 27001 and EN ISO/IEC 27001 are one work in one numbering: ISO's or IEC's.
    work: (f) => `${f[1]!.startsWith('ISO') ? 'ISO' : f[1]}:${f[3]}`,
  },
  etsi: {
    family: 'standard',
    label: () => 'citeEtsiStandard',
    tells: () => 'citeTellsStandard',
    issuer: () => 'citeIssuerEtsi',
    display: (f) => `ETSI ${f[0]} ${f[1]!.slice(0, 3)} ${f[1]!.slice(3)}${f[2] ? `-${f[2]}` : ''}${f[3] ? ` V${f[3]}` : ''}`,
    // ETSI's delivery tree: etsi_<type>/<hundred>_<hundred + 99>/<number><part on two digits>/.
    link: (f) => {
      const n = Number(f[1]);
      const lo = Math.floor(n / 100) * 100;
      const dir = `${f[1]}${f[2] ? f[2].padStart(2, '0') : ''}`;
      return { url: `https://www.etsi.org/deliver/etsi_${f[0]!.toLowerCase()}/${lo}_${lo + 99}/${dir}/`, site: 'ETSI' };
    },
    work: (f) => `ETSI:${f[0]}:${f[1]}:${f[2] ?? ''}`,
  },
  ieee: {
    family: 'standard',
    label: () => 'citeIeeeStandard',
    tells: () => 'citeTellsStandard',
    issuer: () => 'citeIssuerIeee',
    display: (f) => `IEEE ${f[0]}${f[1] ? `-${f[1]}` : ''}`,
    year: (f) => f[1] || undefined,
    link: (f) => ({ url: `https://standards.ieee.org/search/?q=${enc(f[0]!)}`, site: 'IEEE SA' }),
    work: (f) => `IEEE:${f[0]}`,
  },
  'nist-sp': {
    family: 'standard',
    label: () => 'citeNistSp',
    tells: () => 'citeTellsNist',
    issuer: () => 'citeIssuerNist',
    display: (f) => `NIST SP ${f[0]}${f[1] ? ` Rev. ${f[1]}` : ''}`,
    link: NIST_DOI('SP'),
    work: (f) => `NIST SP:${f[0]}`,
  },
  fips: {
    family: 'standard',
    label: () => 'citeFips',
    tells: () => 'citeTellsFips',
    issuer: () => 'citeIssuerNist',
    display: (f) => `FIPS ${f[0]}${f[1] ? `-${f[1]}` : ''}`,
    link: (f) => ({ url: `https://doi.org/10.6028/NIST.FIPS.${f[0]}${f[1] ? `-${f[1]}` : ''}`, site: 'doi.org (NIST)' }),
    work: (f) => `FIPS:${f[0]}`,
  },
  nistir: {
    family: 'standard',
    label: () => 'citeNistir',
    tells: () => 'citeTellsNist',
    issuer: () => 'citeIssuerNist',
    display: (f) => `NISTIR ${f[0]}${f[1] ? ` Rev. ${f[1]}` : ''}`,
    link: NIST_DOI('IR'),
  },
  'nist-ai': {
    family: 'standard',
    label: () => 'citeNistAi',
    tells: () => 'citeTellsNist',
    issuer: () => 'citeIssuerNist',
    display: (f) => `NIST AI ${f[0]}`,
    link: (f) => ({ url: `https://doi.org/10.6028/NIST.AI.${f[0]}`, site: 'doi.org (NIST)' }),
  },
  edpb: {
    family: 'edpb',
    label: (f) => (f[0] === 'binding-decision' ? 'citeEdpbBindingDecision' : 'citeEdpbGuidance'),
    tells: (f) => (f[0] === 'binding-decision' ? 'citeTellsEdpbBindingDecision' : 'citeTellsEdpbGuidance'),
    issuer: () => 'citeIssuerEdpb',
    display: (f) => `EDPB ${EDPB_WORD[f[0]!] ?? f[0]} ${f[1]}/${f[2]}`,
    year: (f) => f[2],
    link: () => ({ url: 'https://www.edpb.europa.eu/our-work-tools/our-documents_en', site: 'EDPB' }),
  },
  wp29: {
    family: 'wp29',
    label: () => 'citeWp29',
    tells: () => 'citeTellsWp29',
    issuer: () => 'citeIssuerWp29',
    display: (f) => (f[0] === 'opinion' ? `Article 29 Working Party Opinion ${f[1]}/${f[2]}` : `WP${f[1]}${f[2] ? ` rev.${f[2]}` : ''}`),
    year: (f) => (f[0] === 'opinion' ? f[2] : undefined),
  },
  mdcg: {
    family: 'mdcg',
    label: () => 'citeMdcg',
    tells: () => 'citeTellsMdcg',
    issuer: () => 'citeIssuerMdcg',
    display: (f) => `MDCG ${f[0]}-${f[1]}${f[2] ? ` rev.${f[2]}` : ''}`,
    year: (f) => f[0],
    link: () => ({ url: 'https://health.ec.europa.eu/medical-devices-sector/new-regulations/guidance-mdcg-endorsed-documents-and-other-guidance_en', site: 'European Commission' }),
  },
  ich: {
    family: 'ich',
    label: () => 'citeIch',
    tells: () => 'citeTellsIch',
    issuer: () => 'citeIssuerIch',
    display: (f) => `ICH ${f[0]}${f[1] ? `(${f[1]})` : ''}`,
    link: (f) => ({ url: `https://www.ich.org/page/${ICH_PAGE[f[0]![0]!]}`, site: 'ICH' }),
    work: (f) => `ICH:${f[0]}:${f[1] ?? ''}`,
  },
  imdrf: {
    family: 'imdrf',
    label: () => 'citeImdrf',
    tells: () => 'citeTellsImdrf',
    issuer: () => 'citeIssuerImdrf',
    display: (f) => `IMDRF N${f[0]}`,
    link: () => ({ url: 'https://www.imdrf.org/documents', site: 'IMDRF' }),
  },
} satisfies Record<string, CitationKind>;

const EDPB_WORD: Record<string, string> = { guidelines: 'Guidelines', recommendations: 'Recommendations', opinion: 'Opinion', statement: 'Statement', 'binding-decision': 'Binding Decision' };
const ICH_PAGE: Record<string, string> = { E: 'efficacy-guidelines', Q: 'quality-guidelines', S: 'safety-guidelines', M: 'multidisciplinary-guidelines' };

/** A number that ends here: not followed by more digits, a decimal part or a slash-number. */
const END = String.raw`(?![\d\/]|[.,]\d)`;

export const FORMS: CitationForm[] = [
  {
    kind: 'celex',
    pattern: String.raw`(?<![\w\/.-])(?:(?<inst>Commission|Council|European Parliament and (?:of the )?Council|Parliament and Council) )?(?:(?<sub>Implementing|Delegated) )?(?<type>Framework Decision|Regulation|Directive|Decision)s? ${EU_NUMBER}`,
    fields: euFields,
    list: String.raw`(?:, ?(?:and |or )?| (?:and|or) )${EU_NUMBER}`,
  },
  {
    kind: 'celex',
    pattern: String.raw`(?<![\w\/.-])(?:CELEX(?::| No\.? | )?)?3(?<y>19[5-9]\d|20[0-4]\d)(?<t>[RLDF])(?<n>\d{4})(?![\w\/-])`,
    fields: (g) => (plausibleYear(Number(g.y)) && Number(g.n) > 0 ? [`3${g.y}${g.t}${g.n}`] : undefined),
  },
  {
    kind: 'eo',
    pattern: String.raw`(?<![\w.])(?<w>Executive Order|Exec\. Order|EO)s?(?: \(EO\))?(?: No\.?)? ?(?<n>\d{4,5})${END}`,
    fields: (g) => {
      const n = Number(g.n);
      // The abbreviation alone is cited only with the five-digit numbers of recent orders.
      if (n < 1 || n > 15000 || (g.w === 'EO' && n < 10000)) return undefined;
      return [String(n)];
    },
    list: String.raw`(?:, ?(?:and |or )?| (?:and|or) )(?<n>\d{4,5})${END}`,
  },
  {
    kind: 'pl',
    pattern: String.raw`(?<![\w.])(?<w>Pub(?:lic)?\. ?L(?:aw)?\.?|Public Law|PL)(?: No\.?)? ?(?<c>\d{1,3})-(?<n>\d{1,3})(?![\d\/-])`,
    fields: (g, needs) => {
      const c = Number(g.c);
      if (c < 1 || c > 125 || Number(g.n) < 1) return undefined;
      if (g.w === 'PL' && !needs('us')) return undefined;
      return [String(c), String(Number(g.n))];
    },
  },
  {
    kind: 'usc',
    pattern: String.raw`(?<![\w.\/-])(?<t>\d{1,2}) USC[AS]?\.? ?(?:(?:§§?|Sec(?:tion)?s?\.?) ?)?(?<s>\d{1,5}[a-z]{0,3}(?:-\d{1,4}[a-z]?)?)(?![\w.]\w)(?:\([a-zA-Z0-9]{1,4}\)){0,4}`,
    fields: (g) => (Number(g.t) >= 1 && Number(g.t) <= 54 ? [String(Number(g.t)), g.s!] : undefined),
  },
  {
    kind: 'usc',
    pattern: String.raw`(?<![\w.\/-])Title (?<t>\d{1,2}),? (?:of the )?(?:US Code|U\.S\. Code|United States Code),? (?:(?:§§?|Sec(?:tion)?\.?) ?)(?<s>\d{1,5}[a-z]{0,3}(?:-\d{1,4}[a-z]?)?)(?![\w.]\w)`,
    fields: (g) => (Number(g.t) >= 1 && Number(g.t) <= 54 ? [String(Number(g.t)), g.s!] : undefined),
  },
  {
    kind: 'cfr',
    pattern: String.raw`(?<![\w.\/-])Title (?<t>\d{1,2}),? (?:of the )?Code of Federal Regulations,? (?:(?:Parts?|§§?|Sec(?:tion)?\.?) ?)(?<q>\d{1,4})(?:\.(?<s>\d{1,5}[a-z]?))?(?![\w.]\w)`,
    fields: (g) => (Number(g.t) >= 1 && Number(g.t) <= 50 ? [String(Number(g.t)), g.s ? `${Number(g.q)}.${g.s}` : String(Number(g.q))] : undefined),
  },
  {
    kind: 'cfr',
    pattern: String.raw`(?<![\w.\/-])(?<t>\d{1,2}) CFR\.? ?(?:(?:Parts?|pt\.) ?(?<p>\d{1,4})|(?:(?:§§?|Sec(?:tion)?s?\.?) ?)?(?<q>\d{1,4})(?:\.(?<s>\d{1,5}[a-z]?))?)(?![\w.]\w)(?:\([a-zA-Z0-9]{1,4}\)){0,4}`,
    fields: (g) => {
      const t = Number(g.t);
      if (t < 1 || t > 50) return undefined;
      const part = String(Number(g.p ?? g.q));
      return [String(t), g.s ? `${part}.${g.s}` : part];
    },
  },
  {
    kind: 'bill',
    pattern: String.raw`(?<![\w.])(?<ch>HR|H\. ?R\.|S\.) ?(?<n>\d{1,5})${END}(?:,? \(?(?<c>\d{2,3})(?:th|st|nd|rd) Congress\)?)?`,
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
  {
    kind: 'state-bill',
    pattern: String.raw`(?<![\w.])(?<ch>SB|HB|AB|SF|HF|LB|LD)(?: No\.?)? ?(?<n>\d{2}-\d{1,4}|\d{1,5})(?![\d\/]|[.,]\d|-\d)`,
    fields: (g, _needs, state) => {
      const s = state();
      if (!s) return undefined;
      return [s, g.ch!.toLowerCase(), g.n!.includes('-') ? g.n! : String(Number(g.n))];
    },
  },
  {
    kind: 'omb',
    pattern: String.raw`(?<![\w.-])(?:OMB )?(?:Memorandum |Memo )?M-(?<y>\d{2})-(?<n>\d{2})(?![\w-])`,
    fields: (g, needs) => (needs('omb') ? [g.y!, g.n!] : undefined),
  },
  {
    kind: 'uksi',
    pattern: String.raw`(?<![\w.])(?:SI|UKSI)(?: No\.?)? ?(?<y>(?:19|20)\d\d)(?:\/| No\.? ?)(?<n>\d{1,4})${END}`,
    fields: (g) => (plausibleYear(Number(g.y), 1948) && Number(g.n) > 0 ? [g.y!, String(Number(g.n))] : undefined),
  },
  {
    kind: 'ukact',
    pattern: String.raw`(?<![\w-])(?<name>[A-Z][a-z]+(?: (?:(?:and|of|the|for|in|on|to) )?(?:[A-Z][a-z]+|\([A-Z][a-z]+\))){0,8}) Act (?<y>1[89]\d\d|20\d\d)(?![\d\/-])`,
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
  {
    kind: 'std',
    pattern: String.raw`(?<![\w\/-])(?:(?<pre>EN|BS|DIN|NF|UNE|CSA|AS|NS|SS|SN|ÖNORM|UNI|NEN|PN|CSN|IS)[ -])?(?:(?<body>ISO(?: ?\/ ?(?:IEC|IEEE|ASTM|SAE))*|IEC(?: ?\/ ?(?:IEEE|ISO))?|EN(?= \d{3}))|(?<spelled>International Organization for Standardization(?:\/International Electrotechnical Commission)?(?:\/Institute of Electrical and Electronics Engineers)?)(?: \((?<abbr>ISO(?:\/IEC)?(?:\/IEEE)?)\))?)(?:[ \/](?<doc>TS|TR|PAS|Guide))? ?(?<n>\d{1,5})(?<parts>(?:-\d{1,3}){0,3})(?:[:\/](?<y>(?:19|20)\d\d))?(?![\d\/]|[.,]\d)`,
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
  {
    kind: 'etsi',
    pattern: String.raw`(?<![\w\/-])(?<etsi>ETSI )?(?<t>EN|TS|TR|ES|EG|GS|GR) (?<a>\d{3}) ?(?<b>\d{3})(?:-(?<p>\d{1,2}))?(?: V(?<v>\d{1,2}\.\d{1,2}\.\d{1,2}))?(?![\d\/]|[.,]\d)`,
    fields: (g, needs) => {
      if (!ETSI_TYPES.has(g.t!)) return undefined;
      // ETSI's three-and-three numbering; without "ETSI", an EN is still one of ETSI's European Standards.
      if (!g.etsi && g.t !== 'EN' && !needs('etsi')) return undefined;
      return [g.t!, `${g.a}${g.b}`, g.p ?? '', g.v ?? ''];
    },
  },
  {
    kind: 'ieee',
    pattern: String.raw`(?<![\w\/-])IEEE(?: Std\.?)? (?<n>\d{3,5}(?:\.\d{1,3}){0,2}[a-z]?)(?:-(?<y>(?:19|20)\d\d))?(?![\d\/]|[.,]\d)`,
    fields: (g) => [g.n!, g.y ?? ''],
  },
  {
    kind: 'nist-sp',
    pattern: String.raw`(?<![\w\/-])(?<nist>NIST )?(?:Special Publication|SP)(?: \(SP\))? (?<s>\d{3})-(?<n>\d{1,3}[A-Z]?)(?: ?(?:[Rr]ev(?:ision)?\.? ?|r)(?<r>\d)|-(?<r2>\d)(?!\d))?(?![\w\/]|[.,]\d)`,
    fields: (g, needs) => (g.nist || needs('nist') ? [`${g.s}-${g.n}`, g.r ?? g.r2 ?? ''] : undefined),
  },
  {
    kind: 'fips',
    pattern: String.raw`(?<![\w\/-])(?:NIST )?FIPS(?: PUB| Publication)? (?<n>\d{2,3})(?:-(?<r>\d))?(?![\w\/]|[.,]\d)`,
    fields: (g) => [g.n!, g.r ?? ''],
  },
  {
    kind: 'nistir',
    pattern: String.raw`(?<![\w\/-])(?:NISTIR|NIST IR|NIST Interagency(?: or Internal)? Report) (?<n>\d{4})(?: ?(?:Rev(?:ision)?\.? ?|r)(?<r>\d))?(?![\w\/]|[.,]\d)`,
    fields: (g) => [g.n!, g.r ?? ''],
  },
  {
    kind: 'nist-ai',
    pattern: String.raw`(?<![\w\/-])NIST AI (?<n>\d{3}-\d{1,2})(?![\w\/]|[.,]\d)`,
    fields: (g) => [g.n!],
  },
  {
    kind: 'edpb',
    pattern: String.raw`(?<![\w\/-])(?<edpb>EDPB )?(?<t>Guidelines|Recommendations|Opinion|Statement|Binding Decision) (?<n>\d{1,2})\/(?<y>20\d\d)(?![\d\/]|[.,]\d)`,
    fields: (g, needs) => {
      const y = Number(g.y);
      // The Board exists since May 2018; an earlier opinion n/year is the Article 29 Working Party's.
      if (y < 2018 || y > YEAR_NOW || (!g.edpb && !needs('edpb'))) return undefined;
      return [g.t!.toLowerCase().replace(' ', '-'), g.n!.padStart(2, '0'), g.y!];
    },
  },
  {
    kind: 'wp29',
    pattern: String.raw`(?<![\w\/-])(?:WP ?(?<n>\d{2,3})(?: ?rev\.? ?(?<r>\d{1,2}(?:\.\d{1,2})?))?|Opinion (?<on>\d{1,2})\/(?<oy>(?:19|20)\d\d))(?![\d\/]|[.,]\d)`,
    fields: (g, needs) => {
      if (!needs('wp29')) return undefined;
      if (g.on) return Number(g.oy) < 2018 ? ['opinion', g.on.padStart(2, '0'), g.oy!] : undefined;
      // "WP29" is the Working Party itself.
      return g.n !== '29' ? ['wp', g.n!, g.r ?? ''] : undefined;
    },
  },
  {
    kind: 'mdcg',
    pattern: String.raw`(?<![\w\/-])MDCG (?<y>20\d\d)-(?<n>\d{1,2}[a-z]?)(?: ?[Rr]ev\.? ?(?<r>\d{1,2}))?(?![\w\/]|[.,]\d)`,
    fields: (g) => [g.y!, g.n!, g.r ?? ''],
  },
  {
    kind: 'ich',
    pattern: String.raw`(?<![\w\/-])(?<ich>ICH(?:[ -](?:GCP|guideline|Guideline))? )?(?<c>[EQSM]\d{1,2}[A-D]?)(?: ?\((?<r>R\d)\))?(?![\w\/]|[.,]\d)`,
    fields: (g, needs) => (g.ich || (g.r && needs('ich')) ? [g.c!, g.r ?? ''] : undefined),
  },
  {
    kind: 'imdrf',
    pattern: String.raw`(?<![\w\/-])IMDRF(?:\/[A-Za-z]+(?: [A-Za-z]+)?(?: WG)?\/| )N(?<n>\d{1,3})(?:FINAL(?::(?:19|20)\d\d)?)?(?![\w\/]|[.,]\d)`,
    fields: (g) => [String(Number(g.n))],
  },
];

/** "International Organization for Standardization/International Electrotechnical Commission" is ISO/IEC. */
function spelledBody(s: string): string {
  return ['ISO', ...(s.includes('Electrotechnical') ? ['IEC'] : []), ...(s.includes('Electronics Engineers') ? ['IEEE'] : [])].join('/');
}

/** Words that begin a sentence or a clause before an Act's short title, not part of it. */
const LEADING = new Set('The Under In By As Since From With And Of See Section Part Schedule This That Its Their Our Both Under Amending Amended Repealing When While Where After Before Per Following Unlike Like'.split(' '));
