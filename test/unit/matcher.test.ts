import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../utils/detect/matcher';
import type { Lexicon } from '../../utils/detect/lexicon';
import { buildLexicon } from '../../utils/detect/lexicon';
import { loadDataset } from '../../data/index';

const lexicon: Lexicon = {
  version: 't',
  entries: [
    { term: 'GDPR', kind: 'framework', id: 'gdpr', name: 'GDPR' },
    { term: 'General Data Protection Regulation', kind: 'framework', id: 'gdpr', name: 'GDPR' },
    { term: 'EU AI Act', kind: 'framework', id: 'eu-ai-act', name: 'EU AI Act' },
    { term: 'AI', kind: 'technology', id: 'ai', name: 'Artificial intelligence' },
    { term: 'EU', kind: 'jurisdiction', id: 'eu', name: 'EU' },
    { term: 'US', kind: 'jurisdiction', id: 'us', name: 'US' },
    { term: 'PA', kind: 'jurisdiction', id: 'pa', name: 'PA' },
  ],
};
const matcher = compileMatcher(lexicon);
const ids = (text: string) => matcher.scan(text).map((d) => d.id);

describe('the matcher', () => {
  it('finds a name with its position and the text as written', () => {
    expect(matcher.scan('Under the GDPR, data...')).toEqual([
      { kind: 'framework', id: 'gdpr', name: 'GDPR', text: 'GDPR', start: 10, end: 14, confidence: 1 },
    ]);
  });

  it('does not find a name inside a longer word', () => {
    expect(ids('GDPRs and preGDPR and GDPR2')).toEqual([]);
    expect(ids('AIDS, said, EUR, paste, us')).toEqual([]);
  });

  it('matches acronyms in their case only and full names in any case', () => {
    expect(ids('let us see what ai means')).toEqual([]);
    expect(ids('the general data protection regulation')).toEqual(['gdpr']);
    expect(ids('GENERAL DATA PROTECTION REGULATION')).toEqual(['gdpr']);
  });

  it('prefers the longest name and reads across line breaks and typographic spaces', () => {
    expect(ids('the EU AI Act')).toEqual(['eu-ai-act']);
    expect(ids('General Data\nProtection\u00a0Regulation')).toEqual(['gdpr']);
  });

  it('handles accented letters as word characters', () => {
    expect(ids('AIé EUß')).toEqual([]);
    expect(ids('(GDPR) «EU»')).toEqual(['gdpr', 'eu']);
  });

  it('compiles the whole bundled dataset', () => {
    const m = compileMatcher(buildLexicon(loadDataset()));
    expect(m.scan('The GDPR and the OECD AI Principles apply in Kenya.').map((d) => d.id)).toEqual(['gdpr', 'oecd-ai-principles', 'ke']);
  });
});
