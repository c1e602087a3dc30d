#!/usr/bin/env node
/**
 * Writes data/jurisdictions.generated.json: a record for every ISO 3166-1 country or territory and for the
 * first-level subdivisions policy news names, with their names as the web writes them. Hand-written
 * records in data/jurisdictions.json are not repeated here; data/index.ts merges the two and, for a record
 * both would hold, the hand-written one wins whole (its summary, aliases and memberships).
 *
 * Sources (pinned devDependencies; run `node scripts/generate-jurisdictions.mjs` after bumping one):
 * - iso-3166 (MIT, wooorm): the ISO 3166-1 list (alpha-2, numeric) and ISO 3166-2 subdivision codes and names;
 * - i18n-iso-countries (MIT): country names and their common alternatives in English, the EU's languages,
 *   Chinese, Japanese, Korean, Arabic, Russian and Hindi;
 * - world-countries (mledoze/countries, ODbL-1.0): English demonyms, UN membership and independence.
 * The generated file is a derivative of world-countries and so is under ODbL-1.0 (data/REVIEW.md).
 *
 * A name is kept only if it names one jurisdiction: a name two records share is left out of both ("Congo"),
 * and a subdivision whose name a country holds is shown qualified ("Georgia (United States)"; the detector
 * tells the two apart from context, utils/detect/place-sense.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { iso31661 } from 'iso-3166/1.js';
import { iso31662 } from 'iso-3166/2.js';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url);
const worldCountries = require('world-countries/countries.json');
const hand = JSON.parse(readFileSync(new URL('data/jurisdictions.json', root), 'utf8'));

/** English, the EU's other official languages, and the other major languages of the web. */
const LANGS = [
  'en',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
  'zh',
  'ja',
  'ko',
  'ar',
  'ru',
  'hi',
];
const names = Object.fromEntries(LANGS.map((l) => [l, require(`i18n-iso-countries/langs/${l}.json`).countries]));
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/**
 * Foreign-language names that are also everyday words or other things in English text (checked on the
 * fixtures and by reading the generated list): left out.
 */
const NOT_A_NAME = new Set(['Man', 'Island', 'Kina', 'Holland', 'Chine', 'Bali', 'Gambia']);
/** Words no name may be made of alone. */
const GENERIC =
  /^(?:Republic|Kingdom|State|States|Islands?|Federation|Union|Central|North|South|East|West|Northern|Southern|Eastern|Western|Capital|Coast|Gulf|Region|Province|Territory)$/i;

/** English names news uses that the sources do not give (exonyms of German Länder, Chinese provinces...). */
const EXTRA = {
  'DE-BY': ['Bavaria'],
  'DE-HE': ['Hesse'],
  'DE-NI': ['Lower Saxony'],
  'DE-NW': ['North Rhine-Westphalia', 'North Rhine Westphalia'],
  'DE-RP': ['Rhineland-Palatinate'],
  'DE-SN': ['Saxony'],
  'DE-ST': ['Saxony-Anhalt'],
  'DE-TH': ['Thuringia'],
  'DE-MV': ['Mecklenburg-Western Pomerania', 'Mecklenburg-Vorpommern'],
  'CN-NM': ['Inner Mongolia'],
  'CN-XZ': ['Tibet', 'Tibet Autonomous Region'],
  'CN-XJ': ['Xinjiang'],
  'CN-GX': ['Guangxi'],
  'CN-NX': ['Ningxia'],
  'IN-DL': ['National Capital Territory of Delhi', 'NCT of Delhi'],
  'IN-OD': ['Orissa'],
  'IN-PY': ['Puducherry', 'Pondicherry'],
  'ES-CT': ['Catalonia'],
  'ES-PV': ['Basque Country'],
  'ES-AN': ['Andalusia'],
  'ES-IB': ['Balearic Islands'],
  'ES-CN': ['Canary Islands'],
  'ES-VC': ['Valencian Community'],
  'ES-NC': ['Navarre'],
  'IT-25': ['Lombardy'],
  'IT-82': ['Sicily'],
  'IT-88': ['Sardinia'],
  'IT-21': ['Piedmont'],
  'IT-52': ['Tuscany'],
  'IT-62': ['Lazio'],
  'IT-72': ['Campania'],
  'IT-34': ['Veneto'],
  'IT-32': ['Trentino-South Tyrol'],
  'IT-45': ['Emilia-Romagna'],
  'IT-75': ['Apulia'],
  'FR-IDF': ['Île-de-France', 'Ile-de-France'],
  'FR-BRE': ['Brittany'],
  'FR-NOR': ['Normandy'],
  'FR-20R': ['Corsica'],
  'GB-NIR': ['N. Ireland'],
};
/**
 * U.S. states as AP style and news abbreviate them, those that are not also words without their dot ("Ill.",
 * "Miss.", "Mass.", "Wash.", "La." are left out). Postal codes are not names here ("IN", "OR", "ME" are
 * words, "SD" a memory card), nor are two-letter dotted forms ("N.J."), which read as the codes.
 */
const AP = {
  AZ: ['Ariz.'],
  CA: ['Calif.'],
  CO: ['Colo.'],
  CT: ['Conn.'],
  FL: ['Fla.'],
  KS: ['Kans.'],
  MI: ['Mich.'],
  MN: ['Minn.'],
  NE: ['Nebr.'],
  NV: ['Nev.'],
  OK: ['Okla.'],
  OR: ['Oreg.'],
  TN: ['Tenn.'],
  WI: ['Wisc.'],
  WY: ['Wyo.'],
  DC: ['Washington, D.C.', 'Washington DC', 'Washington, DC'],
};

/** Which first-level subdivisions, and what each country calls them. */
const SUBDIVISIONS = {
  US: (c) =>
    c === 'US-DC'
      ? 'the federal district and capital'
      : ['US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-VI', 'US-UM'].includes(c)
        ? 'a territory'
        : 'a state',
  CA: (c) => (['CA-NT', 'CA-NU', 'CA-YT'].includes(c) ? 'a territory' : 'a province'),
  AU: (c) => (['AU-ACT', 'AU-NT'].includes(c) ? 'a territory' : 'a state'),
  GB: () => 'a nation',
  DE: () => 'a Land (federal state)',
  IN: (c) => (['IN-AN', 'IN-CH', 'IN-DH', 'IN-DL', 'IN-JK', 'IN-LA', 'IN-LD', 'IN-PY'].includes(c) ? 'a union territory' : 'a state'),
  CN: (c) =>
    ['CN-BJ', 'CN-CQ', 'CN-SH', 'CN-TJ'].includes(c)
      ? 'a municipality'
      : /Zizhiqu/.test(iso31662.find((s) => s.code === c)?.name ?? '')
        ? 'an autonomous region'
        : 'a province',
  BR: (c) => (c === 'BR-DF' ? 'the federal district' : 'a state'),
  MX: (c) => (c === 'MX-CMX' ? 'the capital (Mexico City)' : 'a state'),
  ES: () => 'an autonomous community or city',
  IT: () => 'a region',
  FR: () => 'a region or overseas collectivity',
  NG: (c) => (c === 'NG-FC' ? 'the Federal Capital Territory' : 'a state'),
  ZA: () => 'a province',
  PK: () => 'a province or territory',
  KR: () => 'a province or metropolitan city',
};
/**
 * Subdivisions named like a city in them or like an everyday word ("Berlin", "Beijing", "Delta", "Tabasco"):
 * the bare name is not a mention of the subdivision; the card and the lexicon use the qualified names.
 */
const QUALIFIED = {
  'DE-BE': ['Berlin (Land)', 'State of Berlin', 'Land Berlin'],
  'DE-HH': ['Hamburg (Land)', 'Free and Hanseatic City of Hamburg'],
  'DE-HB': ['Bremen (Land)', 'Free Hanseatic City of Bremen'],
  'CN-BJ': ['Beijing Municipality'],
  'CN-SH': ['Shanghai Municipality'],
  'CN-TJ': ['Tianjin Municipality'],
  'CN-CQ': ['Chongqing Municipality'],
  'BR-RJ': ['Rio de Janeiro (state)', 'State of Rio de Janeiro', 'Rio de Janeiro state'],
  'BR-SP': ['São Paulo (state)', 'State of São Paulo', 'São Paulo state', 'Sao Paulo state'],
  'BR-AC': ['Acre (Brazil)', 'State of Acre'],
  'BR-PA': ['Pará (Brazil)', 'State of Pará'],
  'ES-MD': ['Community of Madrid', 'Comunidad de Madrid'],
  'IT-62': ['Lazio (region)', 'Lazio region'],
  'MX-GRO': ['Guerrero (Mexico)', 'State of Guerrero'],
  'MX-MOR': ['Morelos (Mexico)', 'State of Morelos'],
  'MX-HID': ['Hidalgo (Mexico)', 'State of Hidalgo'],
  'MX-TAB': ['Tabasco (Mexico)', 'State of Tabasco'],
  'MX-CHH': ['Chihuahua (Mexico)', 'State of Chihuahua'],
  'MX-DUR': ['Durango (Mexico)', 'State of Durango'],
  'MX-COL': ['Colima (Mexico)', 'State of Colima'],
  'NG-LA': ['Lagos State'],
  'NG-KN': ['Kano State'],
  'NG-DE': ['Delta State'],
  'NG-PL': ['Plateau State'],
  'NG-RI': ['Rivers State'],
  'NG-NI': ['Niger State'],
  'NG-IM': ['Imo State'],
  'NG-OY': ['Oyo State'],
  'NG-ED': ['Edo State'],
  'ZA-FS': ['Free State (province)', 'Free State province'],
  'ZA-NW': ['North West (South Africa)', 'North West province'],
  'PK-IS': ['Islamabad Capital Territory'],
};
/** Countries whose ISO 3166-2 names are in the local language while English news uses exonyms. */
const ENGLISH_FIRST = new Set(['DE', 'ES', 'IT', 'FR']);
/** UK nations only (the other GB codes are council areas); for the others every first-level code. */
const GB_NATIONS = new Set(['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR']);
/**
 * Names shared on purpose by a country and a subdivision, told apart on the page by utils/detect/place-sense.ts:
 * the subdivision record keeps the bare name out of the lexicon (validate.ts forbids shared names) and the
 * detector re-points the country's mention when the context is the other place's.
 */
const SHARED_ON_PURPOSE = new Set([]);
/** Subdivision codes that are ISO 3166-1 entries of their own (Hong Kong, Puerto Rico...): made once, as those. */
const ALSO_COUNTRY = new Set([
  'CN-HK',
  'CN-MO',
  'CN-TW',
  'US-AS',
  'US-GU',
  'US-MP',
  'US-PR',
  'US-VI',
  'US-UM',
  'FR-BL',
  'FR-MF',
  'FR-NC',
  'FR-PF',
  'FR-PM',
  'FR-TF',
  'FR-WF',
  'FR-971',
  'FR-972',
  'FR-973',
  'FR-974',
  'FR-976',
  'FR-CP',
]);
/** ISO 3166-1 territories that are part of a country in the dataset's sense (their card names it). */
const TERRITORY_OF = { PR: 'us', GU: 'us', VI: 'us', AS: 'us', MP: 'us', UM: 'us', MO: 'cn' };

const clean = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const deaccent = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
/** ISO 3166-2 names carry their type or a comma'd article: "Anhui Sheng", "Murcia, Región de", "Puducherry (Pondicherry)". */
function subdivisionNames(raw) {
  const out = [];
  let n = clean(raw).replace(/\s*\(.*\)$/, '');
  const comma = /^(.+), (.+)$/.exec(n);
  if (comma) n = `${comma[2]} ${comma[1]}`;
  n = n
    .replace(/^(?:Comunidad de|Región de|Principado de) (.+)$/, (m) => m)
    .replace(/ (?:Sheng|Shi|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|SAR)$/, '')
    .replace(/ (?:Zhuangzu|Huizu|Uygur)$/, '');
  out.push(n);
  if (deaccent(n) !== n && n.length > 6) out.push(deaccent(n));
  return out;
}

const wc = new Map(worldCountries.map((c) => [c.cca2, c]));
const handIds = new Set(hand.map((j) => j.id));
const records = [];
/** Lower-cased name → the ids it names, and whether it came from English. */
const claims = new Map();
const claim = (term, id, english) => {
  const k = deaccent(term).toLowerCase();
  const c = claims.get(k) ?? { ids: new Set(), english: true };
  c.ids.add(id);
  c.english &&= english;
  claims.set(k, c);
};
for (const j of hand) for (const t of [j.name, j.shortName, ...j.aliases].filter(Boolean)) claim(t, j.id, true);

for (const c of iso31661) {
  const a2 = c.alpha2;
  const id = a2.toLowerCase();
  const w = wc.get(a2);
  const english = [...(names.en[a2] ? [names.en[a2]].flat() : []), w?.name.common, w?.name.official].filter(Boolean).map(clean);
  const name = clean(w?.name.common ?? english[0] ?? c.name);
  const foreign = LANGS.slice(1).flatMap((l) => [names[l][a2] ?? []].flat().map((n) => ({ n: clean(n), l })));
  const aliases = [];
  for (const n of english)
    if (n !== name && !n.includes(',') && !/^[A-Z.]{2,4}$/.test(n.replace(/\./g, '')) && !GENERIC.test(n)) aliases.push(n);
  for (const n of english)
    if (/^[A-Z](?:\.[A-Z])+\.?$|^[A-Z]{2,4}$/.test(n) && !['US', 'UK', 'USA', 'U.S.', 'U.K.', 'U.S.A.'].includes(n)) aliases.push(n);
  for (const { n } of foreign) {
    if (n.includes(',') || NOT_A_NAME.has(n) || GENERIC.test(n)) continue;
    if (!CJK.test(n) && n.length < 4) continue;
    // Acronyms in other languages ("EUA", "S.A.") are company forms or other things in English text.
    if (/^[\p{Lu}.\s]+$/u.test(n)) continue;
    aliases.push(n);
  }
  const demonyms = [...new Set([w?.demonyms?.eng?.m, w?.demonyms?.eng?.f].filter(Boolean).map(clean))];
  const all = [...new Set(aliases)].filter((n) => n !== name);
  for (const n of [name, ...english]) claim(n, id, true);
  for (const n of all) if (!english.includes(n)) claim(n, id, false);
  for (const d of demonyms) claim(d, `${id}#adj`, true);
  records.push({ a2, id, name, aliases: all, english, demonyms, numeric: c.numeric, w });
}

const subs = [];
for (const s of iso31662) {
  const country = s.parent;
  if (!SUBDIVISIONS[country] || ALSO_COUNTRY.has(s.code)) continue;
  if (country === 'GB' ? !GB_NATIONS.has(s.code) : s.parent !== country) continue;
  const id = s.code.toLowerCase();
  const local = subdivisionNames(s.name);
  const extra = [...(EXTRA[s.code] ?? []), ...(country === 'US' ? (AP[s.code.slice(3)] ?? []) : [])];
  // The card speaks English: an English exonym ("Bavaria", "Catalonia") is the display name, the local one an alias.
  const exonym = ENGLISH_FIRST.has(country) ? EXTRA[s.code]?.[0] : undefined;
  const qualified = QUALIFIED[s.code];
  const name = qualified?.[0] ?? exonym ?? local[0];
  const aliases = [...new Set([...(qualified ? qualified.slice(1) : local), ...extra])].filter((n) => n !== name);
  const countryName = wc.get(country)?.name.common ?? country;
  // A name another record holds already ("Punjab" in India and Pakistan, "México" the state): the later
  // one is qualified, and its bare name left to the first (countries, then SUBDIVISIONS in order).
  const taken = claims.get(deaccent(name).toLowerCase());
  const shown = taken && !taken.ids.has(id) && !SHARED_ON_PURPOSE.has(s.code) ? `${name} (${countryName})` : name;
  for (const n of [shown, ...aliases]) claim(n, id, true);
  subs.push({
    code: s.code,
    id,
    country,
    name: shown,
    aliases: shown === name ? aliases : aliases.filter((a) => deaccent(a).toLowerCase() !== deaccent(name).toLowerCase()),
  });
}

/** A name kept for a record: it names that record alone ("Congo" names two and is left out of both). */
const keep = (term, id) => claims.get(deaccent(term).toLowerCase())?.ids.size === 1 && claims.get(deaccent(term).toLowerCase()).ids.has(id);

const byA2 = new Map(records.map((r) => [r.a2, r]));
const iso = (a2) => ({
  title: `ISO Online Browsing Platform: ${a2}`,
  url: `https://www.iso.org/obp/ui/#iso:code:3166:${a2}`,
  official: true,
});
const UN = { title: 'United Nations: Member States', url: 'https://www.un.org/en/about-us/member-states', official: true };
const out = [];
/** For hand-written records: the names the sources add to theirs (never their display name, which the hand chose). */
const names_ = {};
const handById = new Map(hand.map((j) => [j.id, j]));
const addNames = (id, aliases, adjectives) => {
  const j = handById.get(id);
  const have = new Set([j.name, j.shortName, ...j.aliases, ...(j.adjectives ?? [])].filter(Boolean).map((t) => deaccent(t).toLowerCase()));
  const a = [...new Set(aliases)].filter((t) => !have.has(deaccent(t).toLowerCase()));
  const d = [...new Set(adjectives)].filter((t) => !have.has(deaccent(t).toLowerCase()));
  if (a.length || d.length) names_[id] = { aliases: a, adjectives: d };
};
for (const r of records) {
  if (handIds.has(r.id)) {
    addNames(
      r.id,
      r.aliases.filter((a) => keep(a, r.id)),
      r.demonyms.filter((d) => keep(d, `${r.id}#adj`)),
    );
    continue;
  }
  const un = !!r.w?.unMember;
  const parent = TERRITORY_OF[r.a2];
  const kind = parent ? 'subnational' : 'country';
  const what = parent
    ? `a territory of ${parent === 'us' ? 'the United States' : 'China'}`
    : un
      ? 'a United Nations member state'
      : r.w?.independent
        ? 'a country that is not a United Nations member'
        : 'a territory';
  out.push({
    id: r.id,
    name: r.name,
    aliases: r.aliases.filter((a) => keep(a, r.id)),
    adjectives: r.demonyms.filter((d) => keep(d, `${r.id}#adj`) && !r.aliases.includes(d) && d !== r.name),
    kind,
    iso: r.a2,
    isoNumeric: r.numeric,
    ...(parent ? { parent } : {}),
    memberOf: un ? ['un'] : [],
    summary: `${r.name}: ${what}, listed in ISO 3166-1 as ${r.a2}. The dataset holds no instrument of its own yet${un ? '; it is shown with those of the organisations it belongs to' : parent ? `; it is shown with those of ${parent === 'us' ? 'the United States' : 'China'}` : ''}.`,
    sources: [iso(r.a2), ...(un ? [UN] : [])],
  });
}
for (const s of subs) {
  if (handIds.has(s.id)) {
    addNames(
      s.id,
      s.aliases.filter((a) => keep(a, s.id)),
      [],
    );
    continue;
  }
  const parentName = byA2.get(s.country)?.name ?? s.country;
  const of = s.country === 'US' ? 'the United States' : s.country === 'GB' ? 'the United Kingdom' : parentName;
  out.push({
    id: s.id,
    name: s.name,
    aliases: s.aliases.filter((a) => keep(a, s.id)),
    adjectives: [],
    kind: 'subnational',
    iso: s.code,
    parent: s.country.toLowerCase(),
    memberOf: [],
    summary: `${s.name}: ${SUBDIVISIONS[s.country](s.code)} of ${of}, listed in ISO 3166-2 as ${s.code}. The dataset holds no instrument of its own yet; it is shown with those of ${of}.`,
    sources: [iso(s.country)],
  });
}
const header = {
  about:
    'Generated by scripts/generate-jurisdictions.mjs from iso-3166 (MIT), i18n-iso-countries (MIT) and world-countries (ODbL-1.0); do not edit by hand: hand-written records in jurisdictions.json win over these. This file is under ODbL-1.0 as a derivative of world-countries (mledoze/countries).',
  records: out,
  names: names_,
};
writeFileSync(new URL('data/jurisdictions.generated.json', root), `${JSON.stringify(header, null, 1)}\n`);
console.log(
  `${out.length} generated records (${out.filter((r) => r.kind === 'country').length} countries), ${hand.length} hand-written kept`,
);
