import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../core/detect/matcher';
import { buildLexicon } from '../../core/detect/lexicon';
import { loadDataset } from '../../data/index';

const lexicon = buildLexicon(loadDataset());
const matcher = compileMatcher(lexicon);
const frameworks = (text: string, m = matcher) =>
  m.scan(text, { kinds: ['framework'] }).map((d) => ({ text: d.text, id: d.id, confidence: d.confidence }));

describe('fuzzy matching of long framework names', () => {
  it('finds a misspelled name, with a confidence below an exact match', () => {
    const [d] = frameworks('Fines under the Genral Data Protection Regulation keep rising.');
    expect(d).toMatchObject({ text: 'Genral Data Protection Regulation', id: 'gdpr' });
    expect(d!.confidence).toBeGreaterThan(0.5);
    expect(d!.confidence).toBeLessThan(1);
  });

  it('finds plural, dropped-letter and missing-apostrophe variants, and a name ending in a year', () => {
    expect(frameworks('the General Data Protection Regulations').map((d) => d.id)).toEqual(['gdpr']);
    expect(frameworks('the Markets in Crypto-Asset Regulation').map((d) => d.id)).toEqual(['mica']);
    expect(frameworks('the Childrens Online Privacy Protection Act').map((d) => d.id)).toEqual(['coppa']);
    expect(frameworks('the Product Security and Telecomunications Infrastructure Act 2022').map((d) => d.id)).toEqual(['uk-psti-act-2022']);
  });

  it('takes the misspelled name over the exact shorter one inside it', () => {
    // "Privacy Act" alone is a shared name; the whole misspelled phrase is the CCPA.
    expect(frameworks('Firms covered by the Califonia Consumer Privacy Act must honour opt-outs.')).toMatchObject([
      { text: 'Califonia Consumer Privacy Act', id: 'ccpa' },
    ]);
  });

  it('never matches short names or acronyms fuzzily', () => {
    expect(frameworks('the AI Akt, the GDRP and the Data Akt')).toEqual([]);
  });

  it('requires every word to be the name word or a near miss of it, and every number to agree', () => {
    expect(frameworks("The UN's AI Principles are not the OECD's.").map((d) => d.id)).toEqual([]);
    expect(frameworks('Britain is preparing a Digital Services Tax.')).toEqual([]);
    expect(frameworks('Congress debated the American Privacy Rights Act.')).toEqual([]);
    expect(frameworks('licensed under the Payment Service Act 2018 in Singapore')).toEqual([]);
    expect(frameworks('licensed under the Payment Service Act 2019 in Singapore').map((d) => d.id)).toEqual(['sg-psa-2019']);
  });

  it('can be turned off', () => {
    const exactOnly = compileMatcher(lexicon, { fuzzyThreshold: 0 });
    expect(frameworks('the Genral Data Protection Regulation', exactOnly)).toEqual([]);
    expect(frameworks('the General Data Protection Regulation', exactOnly).map((d) => d.id)).toEqual(['gdpr']);
  });
});
