import type { Lexicon, LexiconEntry } from '../../../core/detect/lexicon';

/** Lexicon entries the page-side tests build their small lexicons from. */
export const ENTRIES = {
  gdpr: { term: 'GDPR', kind: 'framework', id: 'gdpr', name: 'GDPR' },
  gdprLong: { term: 'General Data Protection Regulation', kind: 'framework', id: 'gdpr', name: 'GDPR' },
  mica: { term: 'MiCA', kind: 'framework', id: 'mica', name: 'MiCA' },
  kenya: { term: 'Kenya', kind: 'jurisdiction', id: 'ke', name: 'Kenya' },
  eu: { term: 'EU', kind: 'jurisdiction', id: 'eu', name: 'EU' },
  blockchain: { term: 'blockchain', kind: 'technology', id: 'blockchain', name: 'Blockchain' },
} satisfies Record<string, LexiconEntry>;

/** A test lexicon of the named entries, in that order. */
export const lexiconOf = (...names: Array<keyof typeof ENTRIES>): Lexicon => ({ version: 't', entries: names.map((n) => ENTRIES[n]) });
