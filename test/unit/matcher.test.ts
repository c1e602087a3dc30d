import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../core/detect/matcher';
import type { Lexicon } from '../../core/detect/lexicon';
import { buildLexicon } from '../../core/detect/lexicon';
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

/** The whole bundled dataset, as the content script compiles it. */
const full = compileMatcher(buildLexicon(loadDataset()));
const found = (text: string) => full.scan(text).map((d) => [d.text, d.id]);

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
    expect(full.scan('The GDPR and the OECD AI Principles apply in Kenya.').map((d) => d.id)).toEqual(['gdpr', 'oecd-ai-principles', 'ke']);
  });

  it('reports only the kinds asked for, still reading names of other kinds inside longer ones', () => {
    expect(full.scan('The EU AI Act and the GDPR.', { kinds: ['framework'] }).map((d) => d.id)).toEqual(['eu-ai-act', 'gdpr']);
    expect(full.scan('Kenya and the GDPR.', { kinds: ['jurisdiction'] }).map((d) => d.id)).toEqual(['ke']);
  });
});

describe('normalisation: names as real pages write them', () => {
  it('reads curly apostrophes, possessives and a leading "the"', () => {
    expect(found('the EU’s AI Act')).toEqual([['EU’s AI Act', 'eu-ai-act']]);
    expect(found('Colorado’s AI Act was delayed')).toEqual([['Colorado’s AI Act', 'colorado-ai-act']]);
    expect(found('signed the Bletchley Declaration')).toEqual([['Bletchley Declaration', 'bletchley-declaration']]);
  });

  it('reads every dash and hyphen, non-breaking and zero-width spaces, soft hyphens and line breaks', () => {
    expect(found('Colorado SB 24\u2011205')).toEqual([
      ['Colorado', 'us-co'],
      ['SB 24\u2011205', 'colorado-ai-act'],
    ]);
    expect(found('the General\u00a0Data Protec\u00adtion\nRegulation')).toEqual([
      ['General\u00a0Data Protec\u00adtion\nRegulation', 'gdpr'],
    ]);
    expect(found('the \u200bGDPR\u200b applies')).toEqual([['GDPR', 'gdpr']]);
    expect(found('Datenschutz-\nGrundverordnung')).toEqual([['Datenschutz-\nGrundverordnung', 'gdpr']]);
  });

  it('reads full-width letters and dotted acronyms', () => {
    expect(found('ＧＤＰＲ')).toEqual([['ＧＤＰＲ', 'gdpr']]);
    expect(found('the U.S. and the E.U. agree')).toEqual([
      ['U.S.', 'us'],
      ['E.U.', 'eu'],
    ]);
    // "A.I. Act" is the shared name "AI Act": the EU next to it decides.
    expect(found('In the E.U., the A.I. Act applies.')).toEqual([
      ['E.U.', 'eu'],
      ['A.I. Act', 'eu-ai-act'],
    ]);
  });

  it('gives offsets into the text as given, whatever normalisation removed or added', () => {
    const text = 'x\u00ad\u200b the U.S. and ﬁne print: GDPR';
    for (const d of full.scan(text)) expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(full.scan(text).map((d) => d.text)).toEqual(['U.S.', 'GDPR']);
  });

  it('reads technology words in the plural', () => {
    expect(found('stablecoins, LLMs, cryptocurrencies and smart contracts')).toEqual([
      ['stablecoins', 'blockchain'],
      ['LLMs', 'ai'],
      ['cryptocurrencies', 'blockchain'],
      ['smart contracts', 'blockchain'],
    ]);
  });

  it('reads names shortened as running text shortens them', () => {
    // The dataset has "California Consumer Privacy Act of 2018" and "... Framework (AI RMF 1.0)".
    expect(found('the California Consumer Privacy Act')).toEqual([['California Consumer Privacy Act', 'ccpa']]);
    expect(found('the Artificial Intelligence Risk Management Framework')).toEqual([
      ['Artificial Intelligence Risk Management Framework', 'nist-ai-rmf'],
    ]);
  });
});

describe('word boundaries and case in every script', () => {
  it('finds nothing inside words, and acronyms only in their case', () => {
    expect(found('said the AIDS paste EUR china turkey us')).toEqual([]);
    expect(found('China, Turkey and the US')).toEqual([
      ['China', 'cn'],
      ['Turkey', 'tr'],
      ['US', 'us'],
    ]);
  });

  it('reads an all-capitals acronym in shouting text as the word it spells when the page uses that word', () => {
    expect(found('CONTACT US · Write to us')).toEqual([]);
    expect(found('GDPR COMPLIANCE GUIDE')).toEqual([['GDPR', 'gdpr']]);
  });

  it('does not take a word in an e-mail address, a domain or a path for the page using that word', () => {
    expect(found('THE UK AND THE EU · casework@ico.org.uk')).toEqual([
      ['UK', 'gb'],
      ['EU', 'eu'],
    ]);
    expect(found('THE US AND THE EU · https://example.com/us/ and us.example.org')).toEqual([
      ['US', 'us'],
      ['EU', 'eu'],
    ]);
    expect(found('THE US AND THE EU · tell us.')).toEqual([['EU', 'eu']]);
  });

  it('treats hyphens as boundaries and German compounds as one word', () => {
    expect(found('DSGVO-konform und EU-weit')).toEqual([
      ['DSGVO', 'gdpr'],
      ['EU', 'eu'],
    ]);
    expect(found('Datenschutzgrundverordnungsreform')).toEqual([]);
  });

  it('finds names in scripts written without spaces', () => {
    expect(found('《中华人民共和国个人信息保护法》')).toEqual([['中华人民共和国个人信息保护法', 'pipl']]);
    expect(found('根据个人信息保护法规定')).toEqual([['个人信息保护法', 'pipl']]);
    expect(found('GDPR에 따라')).toEqual([['GDPR', 'gdpr']]);
  });

  it('does not cut a number short', () => {
    // Argentina's Law 25,326 is not Quebec's "Law 25".
    expect(found('Law 25,326 of Argentina')).toEqual([
      ['Law 25,326', 'argentina-law-25326'],
      ['Argentina', 'ar'],
    ]);
  });

  it('does not take part of another proper name for a jurisdiction', () => {
    // "Korea", "Virginia" and "Mexico" inside other names are never South Korea, Virginia or Mexico;
    // North Korea, West Virginia and New Mexico are jurisdictions of their own.
    expect(found('North Korea, West Virginia and New Mexico')).toEqual([
      ['North Korea', 'kp'],
      ['West Virginia', 'us-wv'],
      ['New Mexico', 'us-nm'],
    ]);
    expect(found("the Democratic People's Republic of Korea")).toEqual([["Democratic People's Republic of Korea", 'kp']]);
    expect(found('Microsoft Ireland Operations Limited, Dublin, Ireland')).toEqual([['Ireland', 'ie']]);
  });
});
