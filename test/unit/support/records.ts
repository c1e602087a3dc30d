// Minimal valid records for tests that build a small world of their own; overrides set what matters.
import type { Framework, Jurisdiction } from '../../../data/schema';

const source = [{ title: 'src', url: 'https://example.org', official: true }];

export const jur = (over: Partial<Jurisdiction> & { id: string }): Jurisdiction => ({
  name: over.id,
  aliases: [],
  adjectives: [],
  kind: 'country',
  memberOf: [],
  summary: 's',
  sources: source,
  ...over,
});

export const fw = (over: Partial<Framework> & { id: string }): Framework => ({
  name: over.id,
  aliases: [],
  ambiguousAliases: [],
  instrument: 'statute',
  binding: 'binding',
  scope: { level: 'national', jurisdictions: ['x'], extraterritorial: false },
  technologies: ['ai'],
  issuer: 'x',
  status: 'in-force',
  dates: { adopted: '2020' },
  summary: 's',
  challenges: [{ id: 'enforcement', why: 'w' }],
  stage: 'implementation',
  related: [],
  sources: source,
  lastReviewed: '2026-11-26',
  ...over,
});
