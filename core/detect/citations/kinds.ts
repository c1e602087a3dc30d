/**
 * What a citation's canonical identifier means, by its prefix (`celex:32016R0679`, `eo:13636`): how it is
 * written out, what its form tells for sure, who issues it, its year and its official page. Read where a
 * card is built (the background, the popup, the CLI), never by the content script, which only finds
 * citations (forms.ts).
 */
import { year4, type CitationText, type FamilyId } from './families';

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
}

const enc = encodeURIComponent;
const EU_WORD: Record<string, string> = { R: 'Regulation', L: 'Directive', D: 'Decision', F: 'Framework Decision' };
const EU_LABEL: Record<string, CitationText> = {
  R: 'citeEuRegulation',
  L: 'citeEuDirective',
  D: 'citeEuDecision',
  F: 'citeEuFrameworkDecision',
};
const EU_TELLS: Record<string, CitationText> = {
  R: 'citeTellsEuRegulation',
  L: 'citeTellsEuDirective',
  D: 'citeTellsEuDecision',
  F: 'citeTellsEuFrameworkDecision',
};

const CELEX = /^3(\d{4})([RLDF])(\d{4})$/;
const celexParts = (f: string[]) => {
  const m = CELEX.exec(f[0] ?? '');
  return m ? { year: m[1]!, type: m[2]!, num: String(Number(m[3])) } : undefined;
};

const standardDisplay = (f: string[]) => `${f[0] ? `${f[0]} ` : ''}${f[1]}${f[2] ? ` ${f[2]}` : ''} ${f[3]}${f[4] ? `:${f[4]}` : ''}`;

const NIST_DOI = (series: string) => (f: string[]) => ({
  url: `https://doi.org/10.6028/NIST.${series}.${f[0]}${f[1] ? `r${f[1]}` : ''}`,
  site: 'doi.org (NIST)',
});

const FEDERAL_CHAMBER: Record<string, { word: string; path: string }> = {
  hr: { word: 'H.R.', path: 'house-bill' },
  s: { word: 'S.', path: 'senate-bill' },
};
const ordinal = (n: string) => {
  const v = Number(n) % 100;
  return `${n}${v >= 11 && v <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][Number(n) % 10] ?? 'th')}`;
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
    link: (f) =>
      Number(f[0]) >= 12890 ? { url: `https://www.federalregister.gov/executive-order/${f[0]}`, site: 'Federal Register' } : undefined,
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
    link: (f) => ({
      url: `https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title${f[0]}-section${f[1]}&num=0&edition=prelim`,
      site: 'uscode.house.gov',
    }),
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
      return {
        url: `https://www.congress.gov/search?q=${enc(JSON.stringify({ source: 'legislation', search: `${c.word} ${f[1]}` }))}`,
        site: 'Congress.gov',
      };
    },
  },
  'state-bill': {
    family: 'us-bill',
    label: () => 'citeStateBill',
    tells: () => 'citeTellsBill',
    issuer: () => 'citeIssuerStateLegislature',
    display: (f) => `${f[1]!.toUpperCase()} ${f[2]}`,
    // Colorado's bill pages are addressed by the bill's own number ("sb24-205"); other states' are not.
    link: (f) =>
      f[0] === 'us-co' && f[2]!.includes('-')
        ? { url: `https://leg.colorado.gov/bills/${f[1]}${f[2]}`, site: 'Colorado General Assembly' }
        : undefined,
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
    link: (f) => ({
      url: `https://www.legislation.gov.uk/primary?title=${enc(`${f[0]!.replaceAll('_', ' ')} Act`)}&year=${f[1]}`,
      site: 'legislation.gov.uk',
    }),
  },
  std: {
    family: 'standard',
    label: (f) => (f[1]!.startsWith('ISO') ? 'citeIsoStandard' : f[1]!.startsWith('IEC') ? 'citeIecStandard' : 'citeEnStandard'),
    tells: () => 'citeTellsStandard',
    issuer: (f) =>
      f[1] === 'EN' ? 'citeIssuerCen' : f[1]!.includes('/') ? 'citeIssuerIsoIec' : f[1] === 'IEC' ? 'citeIssuerIec' : 'citeIssuerIso',
    display: standardDisplay,
    year: (f) => f[4] || undefined,
    link: (f) => {
      if (f[1] === 'EN') return undefined;
      const body = f[1]!.startsWith('ISO')
        ? { url: 'https://www.iso.org/search.html?q=', site: 'iso.org' }
        : { url: 'https://webstore.iec.ch/en/searchform?q=', site: 'IEC Webstore' };
      return { url: `${body.url}${enc(`${f[1]} ${f[3]}`)}`, site: body.site };
    },
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
  },
  ieee: {
    family: 'standard',
    label: () => 'citeIeeeStandard',
    tells: () => 'citeTellsStandard',
    issuer: () => 'citeIssuerIeee',
    display: (f) => `IEEE ${f[0]}${f[1] ? `-${f[1]}` : ''}`,
    year: (f) => f[1] || undefined,
    link: (f) => ({ url: `https://standards.ieee.org/search/?q=${enc(f[0]!)}`, site: 'IEEE SA' }),
  },
  'nist-sp': {
    family: 'standard',
    label: () => 'citeNistSp',
    tells: () => 'citeTellsNist',
    issuer: () => 'citeIssuerNist',
    display: (f) => `NIST SP ${f[0]}${f[1] ? ` Rev. ${f[1]}` : ''}`,
    link: NIST_DOI('SP'),
  },
  fips: {
    family: 'standard',
    label: () => 'citeFips',
    tells: () => 'citeTellsFips',
    issuer: () => 'citeIssuerNist',
    display: (f) => `FIPS ${f[0]}${f[1] ? `-${f[1]}` : ''}`,
    link: (f) => ({ url: `https://doi.org/10.6028/NIST.FIPS.${f[0]}${f[1] ? `-${f[1]}` : ''}`, site: 'doi.org (NIST)' }),
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
    link: () => ({
      url: 'https://health.ec.europa.eu/medical-devices-sector/new-regulations/guidance-mdcg-endorsed-documents-and-other-guidance_en',
      site: 'European Commission',
    }),
  },
  ich: {
    family: 'ich',
    label: () => 'citeIch',
    tells: () => 'citeTellsIch',
    issuer: () => 'citeIssuerIch',
    display: (f) => `ICH ${f[0]}${f[1] ? `(${f[1]})` : ''}`,
    link: (f) => ({ url: `https://www.ich.org/page/${ICH_PAGE[f[0]![0]!]}`, site: 'ICH' }),
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

const EDPB_WORD: Record<string, string> = {
  guidelines: 'Guidelines',
  recommendations: 'Recommendations',
  opinion: 'Opinion',
  statement: 'Statement',
  'binding-decision': 'Binding Decision',
};
const ICH_PAGE: Record<string, string> = {
  E: 'efficacy-guidelines',
  Q: 'quality-guidelines',
  S: 'safety-guidelines',
  M: 'multidisciplinary-guidelines',
};
