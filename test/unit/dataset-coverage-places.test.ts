/**
 * What the dataset names: every ISO 3166-1 country and territory, the first-level subdivisions policy news
 * names, names in the languages of the web, and a vocabulary of at least 60 terms per emerging technology.
 */
import { describe, expect, it } from 'vitest';
import { iso31661 } from 'iso-3166/1.js';
import { loadDataset } from '../../data/index';
import hand from '../../data/jurisdictions.json';
import { buildLexicon } from '../../core/detect/lexicon';
import { compileMatcher } from '../../core/detect/matcher';

const d = loadDataset();
const byId = new Map(d.jurisdictions.map((j) => [j.id, j]));
const matcher = compileMatcher(buildLexicon(d));
const found = (text: string) => matcher.scan(text, { kinds: ['jurisdiction'] }).map((x) => x.id);

describe('jurisdictions', () => {
  it('hold every ISO 3166-1 country and territory, under its lower-case alpha-2 code', () => {
    expect(iso31661.length).toBeGreaterThanOrEqual(249);
    const missing = iso31661.filter((c) => byId.get(c.alpha2.toLowerCase())?.iso !== c.alpha2).map((c) => c.alpha2);
    expect(missing).toEqual([]);
    expect(d.jurisdictions.filter((j) => j.iso && /^[A-Z]{2}$/.test(j.iso)).length).toBeGreaterThanOrEqual(250 - 1);
  });

  it('hold every U.S. state, D.C., Canadian province and territory, Australian state and territory, UK nation, German Land, Indian state and union territory, Chinese province', () => {
    const count = (parent: string) =>
      d.jurisdictions.filter((j) => j.kind === 'subnational' && j.parent === parent && j.iso?.startsWith(`${parent.toUpperCase()}-`))
        .length;
    expect(count('us')).toBeGreaterThanOrEqual(51);
    expect(byId.get('us-dc')?.parent).toBe('us');
    expect(count('ca')).toBe(13);
    expect(count('au')).toBe(8);
    expect(['gb-eng', 'gb-sct', 'gb-wls', 'gb-nir'].every((id) => byId.get(id)?.parent === 'gb')).toBe(true);
    expect(count('de')).toBe(16);
    expect(count('in')).toBe(36);
    expect(count('cn')).toBeGreaterThanOrEqual(31);
    // Territories with an ISO 3166-1 code of their own are that record, inside their country.
    expect(byId.get('pr')?.parent).toBe('us');
    expect(byId.get('hk')?.parent).toBe('cn');
  });

  it('keep every hand-written record as written (its name, summary and sources win over the generated data)', () => {
    for (const j of hand) {
      const now = byId.get(j.id)!;
      expect(now.name, j.id).toBe(j.name);
      expect(now.summary, j.id).toBe(j.summary);
      expect(now.sources, j.id).toEqual(j.sources);
      for (const a of j.aliases) expect(now.aliases, j.id).toContain(a);
    }
  });

  it('give each generated record a card: what it is, what it belongs to, an official https source', () => {
    const handIds = new Set(hand.map((j) => j.id));
    for (const j of d.jurisdictions.filter((x) => !handIds.has(x.id))) {
      expect(j.summary.length, j.id).toBeGreaterThan(20);
      expect(
        j.sources.every((s) => s.url.startsWith('https://') && s.official),
        j.id,
      ).toBe(true);
    }
    expect(byId.get('ci')!.memberOf).toContain('un');
  });

  it('are found under the names news writes: alternatives, abbreviations, other languages', () => {
    expect(found('Türkiye, Turkey, Czechia, the Czech Republic, Ivory Coast and Côte d’Ivoire')).toEqual([
      'tr',
      'tr',
      'cz',
      'cz',
      'ci',
      'ci',
    ]);
    expect(found('South Korea, the Republic of Korea, the UAE and the PRC')).toEqual(['kr', 'kr', 'ae', 'cn']);
    expect(found('日本と中国、대한민국, Россия, السعودية, Deutschland, Brasil, España, भारत')).toEqual([
      'jp',
      'cn',
      'kr',
      'ru',
      'sa',
      'de',
      'br',
      'es',
      'in',
    ]);
    expect(found('Ontario, Bavaria, Queensland, Scotland, Maharashtra, Guangdong and Calif.')).toEqual([
      'ca-on',
      'de-by',
      'au-qld',
      'gb-sct',
      'in-mh',
      'cn-gd',
      'us-ca',
    ]);
  });

  it('tell a place from a person, a newspaper, a team or a brand', () => {
    expect(found('Chad Miller and Jimmy Wales met Jim Jordan at The New York Times.')).toEqual([]);
    expect(found("Victoria's Secret opened next to the Indiana Pacers' arena; the University of Maryland agreed.")).toEqual([]);
    expect(found('Chad and Niger signed the pact with Nigeria.')).toEqual(['td', 'ne', 'ng']);
    expect(found('The Jordan algebra has 27 dimensions.')).toEqual([]);
    expect(found('a turkey sandwich')).toEqual([]);
    expect(found('Savannah, Georgia, and Atlanta voted; Florida too.')).toEqual(['us-ga', 'us-fl']);
    expect(found('Tbilisi, Georgia, and Armenia signed.')).toEqual(['ge', 'am']);
    expect(found('Contact us in the US. IN, OR and ME are words.')).toEqual(['us']);
  });
});

describe('technologies', () => {
  it('have at least 60 terms each, in sub-areas, except the policy area that is not painted', () => {
    for (const t of d.technologies.filter((x) => !x.policyArea)) {
      const terms = new Set([...t.aliases, ...t.contextTerms, ...t.subAreas.flatMap((s) => [s.name, ...s.aliases])]);
      expect(terms.size, t.id).toBeGreaterThanOrEqual(60);
      expect(t.subAreas.length, t.id).toBeGreaterThanOrEqual(4);
    }
    expect(d.technologies.filter((x) => x.policyArea).map((x) => x.id)).toEqual(['data-protection']);
  });

  it('never take generic words for a technology', () => {
    const tech = (text: string) => matcher.scan(text, { kinds: ['technology'] }).map((x) => x.id);
    expect(
      tech('Privacy Policy. Do Not Sell My Personal Information. Personal data, data, cybersecurity, encryption and the cloud.'),
    ).toEqual([]);
    expect(tech('Standard ML, Poly/ML and Moscow ML are dialects.')).toEqual([]);
    expect(tech('Bitcoin fell as the crypto exchange paused; smart home hubs and quantum key distribution; CRISPR-Cas9.')).toEqual([
      'blockchain',
      'blockchain',
      'iot',
      'quantum',
      'biotech',
    ]);
  });
});
