// A PDF page's text as the reader scans and paints it (core/detect/pdf-text.ts), and the page-by-page
// scan (core/detect/pdf-scan.ts): what the text layer draws and what the matcher reads line up.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { buildLexicon } from '../../core/detect/lexicon';
import { compileMatcher } from '../../core/detect/matcher';
import { itemAt, pageText, textItems } from '../../core/detect/pdf-text';
import { PdfScanner, scanPdfPages } from '../../core/detect/pdf-scan';

const matcher = compileMatcher(buildLexicon(loadDataset()));
const line = (str: string, hasEOL = true) => ({ str, hasEOL });

describe('PDF page text', () => {
  it('joins items, breaks lines, and maps every offset back to its item', () => {
    const page = pageText([line('The General Data', false), line(' ', false), line('Protection Regulation'), line('applies.', false)]);
    expect(page.text).toBe('The General Data Protection Regulation\napplies.');
    expect(page.starts).toEqual([0, 16, 17, 39]);
    expect(itemAt(page, 21)).toEqual({ item: 2, offset: 4 });
    // The end of a mention ending where an item ends belongs to that item, not the next one.
    expect(itemAt(page, 17, true)).toEqual({ item: 1, offset: 1 });
    expect(itemAt(page, 17)).toEqual({ item: 2, offset: 0 });
  });

  it('skips marked-content markers, which the text layer does not draw', () => {
    expect(textItems([{ type: 'beginMarkedContent' }, line('GDPR', false), { type: 'endMarkedContent' }])).toEqual([line('GDPR', false)]);
  });

  it('finds a name hyphenated across lines, and paints it from the first line into the second', () => {
    const page = pageText([line('the General Data Protec-'), line('tion Regulation applies')]);
    const [d] = matcher.scan(page.text).filter((x) => x.kind === 'framework');
    expect(d?.id).toBe('gdpr');
    expect(itemAt(page, d!.start)).toEqual({ item: 0, offset: 4 });
    expect(itemAt(page, d!.end, true)).toEqual({ item: 1, offset: 15 });
  });

  it('keeps a hyphen that is part of what is written: "EU-" then "wide", a number across lines', () => {
    expect(pageText([line('an EU-'), line('wide rule', false)]).text).toBe('an EU-\nwide rule');
    expect(pageText([line('Regulation (EU) 2016/'), line('679', false)]).text).toBe('Regulation (EU) 2016/\n679');
  });

  it('finds names split by odd spacing between items', () => {
    const page = pageText([line('the', false), line('  ', false), line('GDPR', false), line(' and the   EU  AI  Act')]);
    const found = matcher.scan(page.text).map((d) => d.id);
    expect(found).toContain('gdpr');
    expect(found).toContain('eu-ai-act');
  });
});

describe('page-by-page scan', () => {
  it('returns offsets into each page, and into the joined document for the CLI', () => {
    const pages = ['Intro page.', 'The GDPR applies in Kenya.'];
    const scanner = new PdfScanner(matcher);
    expect(scanner.scanPage(pages[0]!, '', pages[1])).toEqual([]);
    const second = scanner.scanPage(pages[1]!, pages[0]);
    expect(second.map((d) => [d.id, pages[1]!.slice(d.start, d.end)])).toEqual([
      ['gdpr', 'GDPR'],
      ['ke', 'Kenya'],
    ]);
    const all = scanPdfPages(matcher, pages);
    const joined = pages.join('\n\n');
    expect(all.map((d) => joined.slice(d.start, d.end))).toEqual(['GDPR', 'Kenya']);
  });

  it('carries the context of earlier pages: a page-level answer made early holds later on', () => {
    // Read alone, each page finds what one scan of the whole document finds.
    const pages = ['The European Union adopted the AI Act in 2024.', 'Under the AI Act, providers must register.'];
    const whole = matcher
      .scan(pages.join('\n\n'))
      .filter((d) => d.kind === 'framework')
      .map((d) => d.id);
    expect(
      scanPdfPages(matcher, pages)
        .filter((d) => d.kind === 'framework')
        .map((d) => d.id),
    ).toEqual(whole);
  });
});
