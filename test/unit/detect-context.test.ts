import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../core/detect/matcher';
import { buildLexicon } from '../../core/detect/lexicon';
import { loadDataset } from '../../data/index';

const matcher = compileMatcher(buildLexicon(loadDataset()));
const frameworks = (text: string) =>
  matcher
    .scan(text, { kinds: ['framework'] })
    .map((d) => (d.candidates ? { text: d.text, candidates: d.candidates.map((c) => c.id).sort() } : { text: d.text, id: d.id }));
const of = (text: string, kind: 'jurisdiction' | 'technology') => matcher.scan(text, { kinds: [kind] }).map((d) => [d.text, d.id]);

describe('a name shared by several frameworks', () => {
  it('goes to the framework whose jurisdiction is mentioned near it', () => {
    expect(frameworks('In Brussels, the European Union finalised the AI Act.')).toEqual([{ text: 'AI Act', id: 'eu-ai-act' }]);
    expect(frameworks('Colorado lawmakers delayed the AI Act again.')).toEqual([{ text: 'AI Act', id: 'colorado-ai-act' }]);
    expect(frameworks('Tokyo says Japan will keep its AI Act voluntary.')).toEqual([{ text: 'AI Act', id: 'japan-ai-promotion-act' }]);
  });

  it('prefers the jurisdiction in the same sentence over one further away', () => {
    const text = 'Japan has its own rules. Singapore licenses token services under its Payment Services Act.';
    expect(frameworks(text)).toEqual([{ text: 'Payment Services Act', id: 'sg-psa-2019' }]);
  });

  it('keeps its candidates when the page cannot tell them apart, so the card can say so', () => {
    expect(frameworks('Critics say the AI Act goes too far.')).toEqual([
      { text: 'AI Act', candidates: ['colorado-ai-act', 'eu-ai-act', 'japan-ai-promotion-act', 'korea-ai-basic-act'] },
    ]);
    const d = matcher.scan('Critics say the AI Act goes too far.')[0]!;
    expect(d.confidence).toBeLessThan(0.75);
    expect(d.candidates?.map((c) => c.name)).toContain('EU AI Act');
  });

  it('is also resolved by the framework named in full elsewhere on the page', () => {
    expect(frameworks('The Digital Markets Act applies to gatekeepers. Under the DMA, Apple must allow other stores.')).toEqual([
      { text: 'Digital Markets Act', id: 'eu-digital-markets-act' },
      { text: 'DMA', id: 'eu-digital-markets-act' },
    ]);
  });

  it('is dropped when it is an acronym without proof: acronyms often mean something else', () => {
    expect(frameworks('The DMA controller failed and the LED blinked.')).toEqual([]);
    // An EU mention far away is not proof for an acronym; a nearby one is.
    expect(frameworks(`The EU is mentioned here.${' Nothing to see.'.repeat(30)} The CRA rated the bond.`)).toEqual([]);
    expect(frameworks('Under the EU rules known as the CRA, makers must patch.')).toEqual([{ text: 'CRA', id: 'eu-cyber-resilience-act' }]);
  });

  it('is dropped when it is a shared name with one bearer and no context: "Privacy Act" on an American page', () => {
    expect(frameworks('Federal agencies follow the Privacy Act when they keep records.')).toEqual([]);
    expect(frameworks('In Australia, the Privacy Act covers most businesses.')).toEqual([
      { text: 'Privacy Act', id: 'australia-privacy-act' },
    ]);
  });

  it('is dropped when a year of its own follows, or a capitalised word before it makes it part of a longer title', () => {
    expect(frameworks('In the UK, the Data Protection Act 1984 was replaced.')).toEqual([]);
    expect(frameworks('In the UK, the Data Protection Act 1998 was replaced.')).toEqual([
      { text: 'Data Protection Act 1998', id: 'uk-dpa-1998' },
    ]);
    expect(frameworks('In the UK, the Data Protection Act 2018 applies.')).toEqual([{ text: 'Data Protection Act 2018', id: 'uk-gdpr' }]);
    expect(frameworks('In Germany, the Federal Data Protection Act supplements the rules.')).toEqual([]);
    expect(frameworks('Clients of Prime DMA in the EU trade directly.')).toEqual([]);
  });

  it('leaves the shorter name it contains when dropped', () => {
    // "Data Protection Act" is dropped for its year; "Data Protection" is not a name of anything else.
    expect(frameworks('Under the Data Protection Act 1984 and the GDPR')).toEqual([{ text: 'GDPR', id: 'gdpr' }]);
  });

  it('never paints the words of a policy area as a technology ("Privacy Policy", "personal information")', () => {
    expect(of('Personal data and personal information: the Privacy Act of 1974 covers agencies. Privacy Policy', 'technology')).toEqual([]);
    expect(of('The GDPR sets the rules on privacy and data protection.', 'technology')).toEqual([]);
  });
});

describe('adjectives and generic words', () => {
  it('count as a jurisdiction only before a word of government or another mention', () => {
    expect(of('Chinese regulators fined the firm; the European Commission agreed.', 'jurisdiction')).toEqual([
      ['Chinese', 'cn'],
      ['European', 'eu'],
    ]);
    expect(of('Swiss-U.S. data flows', 'jurisdiction')).toEqual([
      ['Swiss', 'ch'],
      ['U.S.', 'us'],
    ]);
    expect(of('We had Chinese food and French wine; the menu is in Japanese.', 'jurisdiction')).toEqual([]);
    expect(of('A German Shepherd for a British couple who paid with American Express.', 'jurisdiction')).toEqual([]);
  });

  it('count as a technology only near an unambiguous mention of it, or on a page full of them', () => {
    expect(of('Stablecoins and other crypto products need a licence.', 'technology')).toEqual([
      ['Stablecoins', 'blockchain'],
      ['crypto', 'blockchain'],
    ]);
    expect(of('Save the access token and your digital assets (photos, videos).', 'technology')).toEqual([]);
  });
});
