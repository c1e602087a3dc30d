// The dataset's coverage promises (150+ frameworks across 60+ jurisdictions), kept as tests so a
// change that drops below them fails loudly.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { TECHNOLOGY_IDS } from '../../data/schema';

const d = loadDataset();
const byTech = Object.fromEntries(TECHNOLOGY_IDS.map((t) => [t, d.frameworks.filter((f) => f.technologies.includes(t)).length]));
const jurisdictions = new Map(d.jurisdictions.map((j) => [j.id, j]));

describe('dataset coverage', () => {
  it('has at least 150 frameworks, with 20+ for AI, data protection, blockchain and biotech and 12+ for quantum and IoT', () => {
    expect(d.frameworks.length).toBeGreaterThanOrEqual(150);
    for (const t of ['ai', 'data-protection', 'blockchain', 'biotech'] as const) expect(byTech[t], t).toBeGreaterThanOrEqual(20);
    for (const t of ['quantum', 'iot'] as const) expect(byTech[t], t).toBeGreaterThanOrEqual(12);
  });

  it('has at least 60 jurisdictions, 15 of them international organizations and fora', () => {
    expect(d.jurisdictions.length).toBeGreaterThanOrEqual(60);
    expect(d.jurisdictions.filter((j) => j.kind === 'organization').length).toBeGreaterThanOrEqual(15);
  });

  it('has every G20 member, each linked to the G20, and the other jurisdictions the product promises', () => {
    const g20 = [
      'ar',
      'au',
      'br',
      'ca',
      'cn',
      'fr',
      'de',
      'in',
      'id',
      'it',
      'jp',
      'kr',
      'mx',
      'ru',
      'sa',
      'za',
      'tr',
      'gb',
      'us',
      'eu',
      'african-union',
    ];
    for (const id of g20) expect(jurisdictions.get(id)?.memberOf, id).toContain('g20');
    for (const id of ['ke', 'ng', 'sg', 'il', 'ch', 'ae', 'us-ca', 'us-co', 'us-ny', 'us-tx', 'us-il', 'us-ut'])
      expect(jurisdictions.has(id), id).toBe(true);
  });

  it('links every EU member state to the EU, so EU law reaches them', () => {
    const members = d.jurisdictions.filter((j) => j.memberOf.includes('eu'));
    expect(members.map((j) => j.id).sort()).toEqual(
      [
        'at',
        'be',
        'bg',
        'hr',
        'cy',
        'cz',
        'dk',
        'ee',
        'fi',
        'fr',
        'de',
        'gr',
        'hu',
        'ie',
        'it',
        'lv',
        'lt',
        'lu',
        'mt',
        'nl',
        'pl',
        'pt',
        'ro',
        'sk',
        'si',
        'es',
        'se',
      ].sort(),
    );
  });

  it('includes every instrument the seed article names, with the international ones it relies on', () => {
    const ids = new Set(d.frameworks.map((f) => f.id));
    for (const id of [
      'oecd-ai-principles',
      'eu-ai-act',
      'ich-e6-r3',
      'imdrf-samd-key-definitions',
      'gdpr',
      'unesco-ai-ethics-recommendation',
      'g20-ai-principles',
      'coe-ai-convention',
      'bletchley-declaration',
      'g7-hiroshima-code-of-conduct',
      'iso-iec-42001',
      'fatf-r15',
      'cartagena-protocol',
      'nagoya-protocol',
      'biological-weapons-convention',
      'wassenaar-control-lists',
      'who-genome-editing-framework',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('has the four challenges, the seven stages and coalitions founded across 2017-2025', () => {
    expect(d.challenges).toHaveLength(4);
    expect(d.stages).toHaveLength(7);
    const years = new Set(d.coalitions.map((c) => c.founded));
    for (let y = 2017; y <= 2025; y++) expect(years.has(y), String(y)).toBe(true);
  });

  it('gives every framework an official https source and a review date', () => {
    for (const f of d.frameworks) {
      expect(
        f.sources.some((s) => s.official && s.url.startsWith('https://')),
        f.id,
      ).toBe(true);
      expect(f.lastReviewed, f.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
