// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPageDate } from '../../page/page-date';

const NEWS = resolve(__dirname, '../fixtures/news') + '/';

describe("the page's date read from its DOM", () => {
  it('agrees with the hand labels of the saved real pages as the HTML reader does', () => {
    const pages = readdirSync(NEWS).filter((f) => f.endsWith('.html'));
    const results = pages.map((f) => {
      const label = (JSON.parse(readFileSync(NEWS + f.replace(/\.html$/, '.expected.json'), 'utf8')) as { page_date: string | null })
        .page_date;
      // happy-dom would try to fetch stylesheets and frames, which hold no date: left out.
      const html = readFileSync(NEWS + f, 'utf8').replace(/<link\b[^>]*stylesheet[^>]*>|<iframe\b[\s\S]*?<\/iframe>/gi, '');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const got = readPageDate(doc);
      return { f, label: label ?? undefined, got };
    });
    const right = results.filter((r) => r.got?.date === r.label);
    const wrongHigh = results.filter((r) => r.got?.confidence === 'high' && r.got.date !== r.label).map((r) => `${r.f}: ${r.got!.date}`);
    expect(wrongHigh).toEqual([]);
    expect(right.length / results.length).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('is none on a page that publishes none, and read once per document', () => {
    const doc = new DOMParser().parseFromString('<html><body><h1>Essay</h1><p>In 2019 the shield fell.</p></body></html>', 'text/html');
    expect(readPageDate(doc)).toBeUndefined();
    const dated = new DOMParser().parseFromString(
      '<html><head><meta property="article:published_time" content="2019-07-03T09:00:00Z"></head><body></body></html>',
      'text/html',
    );
    expect(readPageDate(dated)).toEqual({ date: '2019-07-03', confidence: 'high', source: 'meta article:published_time' });
    dated.head.innerHTML = '';
    expect(readPageDate(dated)?.date).toBe('2019-07-03');
  });
});
