/**
 * The trie that reads names in the page's search view (lower case, every separator a space): where a name
 * may start and end, how its separators read the page, and which of several names wins.
 */
import { describe, expect, it } from 'vitest';
import { Trie, trieWire } from '../../core/detect/trie';
import { searchView } from '../../core/detect/pattern';

/** Every name the trie finds in `text`, read left to right as the matcher reads them. */
function names(terms: string[], text: string): string[] {
  const trie = new Trie(trieWire(terms));
  const view = searchView(text.toLowerCase());
  const out: string[] = [];
  for (let at = trie.next(view, 0); at >= 0; at = trie.next(view, trie.end)) out.push(text.slice(at, trie.end));
  return out;
}

describe('the names trie', () => {
  it('finds names only as whole words', () => {
    expect(names(['ai', 'gdpr'], 'AI rules, GDPR; said Kai and GDPRs')).toEqual(['AI', 'GDPR']);
    expect(names(['eu'], 'the EU_x, EU2, (EU)')).toEqual(['EU']);
  });

  it('takes the longest name at a place, and a shorter one when the longer does not fit', () => {
    const terms = ['ai', 'ai act', 'ai act 2024'];
    expect(names(terms, 'the AI Act 2024 and the AI Act 20245 and AI Acts')).toEqual(['AI Act 2024', 'AI Act', 'AI']);
  });

  it('does not end a name before a decimal or thousands separator followed by a digit', () => {
    expect(names(['law 25'], 'Law 25, Law 25,326 and Law 25.5 and Law 25.')).toEqual(['Law 25', 'Law 25']);
  });

  it('reads a space in a name as a space or a hyphen, and a hyphen as one to three separators', () => {
    expect(names(['crypto assets'], 'crypto assets, crypto-assets, crypto - assets')).toEqual(['crypto assets', 'crypto-assets']);
    expect(names(['e-privacy'], 'e-privacy, e privacy, e - privacy, e -  privacy')).toEqual(['e-privacy', 'e privacy', 'e - privacy']);
  });

  it('does not join words across a spaced dash where the name has a space', () => {
    expect(names(['illinois', 'illinois hb 3773', 'hb 3773'], 'Illinois — HB 3773')).toEqual(['Illinois', 'HB 3773']);
  });

  it('tries a name with a space before one with a hyphen at the same place', () => {
    // "a b" and "a-b c" share "a", then differ by their separator: the page's one space reads both.
    expect(names(['a b', 'a-b c'], 'a b c')).toEqual(['a b']);
    expect(names(['a b', 'a-b c'], 'a-b c')).toEqual(['a-b']);
    expect(names(['a b x', 'a-b c'], 'a b c')).toEqual(['a b c']);
  });

  it('finds names of scripts without word spaces inside running text', () => {
    expect(names(['日本', '中华人民共和国', '个人信息保护法'], '《中华人民共和国个人信息保护法》在日本')).toEqual([
      '中华人民共和国',
      '个人信息保护法',
      '日本',
    ]);
  });

  it('keeps names whose letters sort around the separators and punctuation', () => {
    const terms = ['u.s.', 'u.s. code', 'iso/iec 27001', 'iso', "côte d'ivoire"];
    expect(names(terms, "The U.S. Code, ISO/IEC 27001 and ISO; Côte d'Ivoire")).toEqual([
      'U.S. Code',
      'ISO/IEC 27001',
      'ISO',
      "Côte d'Ivoire",
    ]);
  });

  it('is sent as each character the names do not share, once, with two characters per name', () => {
    const terms = ['data act', 'data governance act', 'data protection act', 'data protection act 2018'];
    const wire = trieWire(terms);
    expect(new Trie(wire).size).toBe(4);
    // "data act" + "governance act" + "protection act" + " 2018"
    expect(wire.length).toBe(8 + 14 + 14 + 5 + 2 * 4);
    expect(new Trie(trieWire([])).next('anything', 0)).toBe(-1);
  });
});
