import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publishedValuesFromHtml } from '../../core/page-date/from-html';
import { pageDateFrom, type PageDate, type PublishedValues } from '../../core/page-date/page-date';
import { parseDateValue } from '../../core/page-date/parse-date';

const NEWS = fileURLToPath(new URL('../fixtures/news/', import.meta.url));

/** The saved real pages whose date was labelled by hand (`page_date`, null when the page states none). */
const labelled = readdirSync(NEWS)
  .filter((f) => f.endsWith('.html'))
  .map((f) => {
    const label = JSON.parse(readFileSync(NEWS + f.replace(/\.html$/, '.expected.json'), 'utf8')) as { page_date: string | null };
    return { name: f, label: label.page_date ?? undefined, got: pageDateFrom(publishedValuesFromHtml(readFileSync(NEWS + f, 'utf8'))) };
  });

const none: PublishedValues = { jsonLd: [], meta: [], times: [], datelines: [], headlines: 0 };
const lines = (...texts: string[]) => texts.map((text) => ({ text, nearHeadline: false }));

describe('a date value', () => {
  it('is read from ISO 8601 at the precision given, in the time zone it is written in', () => {
    expect(parseDateValue('2024-05-20T06:09:59+00:00')).toEqual({ date: '2024-05-20', iso: true });
    expect(parseDateValue('2019-11-18T21:17')).toEqual({ date: '2019-11-18', iso: true });
    expect(parseDateValue('2009-07')).toEqual({ date: '2009-07', iso: true });
    expect(parseDateValue('2024-02-30')).toBeUndefined();
  });

  it('is read from English words and day-first dotted dates', () => {
    expect(parseDateValue('on Sunday September 11, 2022 @03:38PM')).toEqual({ date: '2022-09-11', iso: false });
    expect(parseDateValue('4th June 2020')).toEqual({ date: '2020-06-04', iso: false });
    expect(parseDateValue('July 2009')).toEqual({ date: '2009-07', iso: false });
    expect(parseDateValue('15.01.2026 21:10 Uhr')).toEqual({ date: '2026-01-15', iso: false });
    expect(parseDateValue('11/17/2023 05:40 PM')).toEqual({ date: '2023-11-17', iso: false });
  });

  it('is not read when day and month could be swapped, or when it is part of a sentence', () => {
    expect(parseDateValue('6/1/2020')).toBeUndefined();
    expect(parseDateValue('Signed on 16 July 2020 in Luxembourg')).toBeUndefined();
  });
});

describe("the page's date", () => {
  it('prefers JSON-LD, then the publication metadata, with high confidence for ISO values', () => {
    const v: PublishedValues = {
      ...none,
      jsonLd: ['{"@type":"NewsArticle","datePublished":"2019-07-03T10:00:00Z","dateModified":"2021-01-01"}'],
      meta: [{ key: 'article:published_time', content: '2019-07-04' }],
    };
    expect(pageDateFrom(v)).toEqual({ date: '2019-07-03', confidence: 'high', source: 'json-ld datePublished' });
    expect(pageDateFrom({ ...v, jsonLd: [] })).toEqual({ date: '2019-07-04', confidence: 'high', source: 'meta article:published_time' });
  });

  it('falls back to the header <time>, a dated URL path, then a single dateline, with less confidence', () => {
    expect(pageDateFrom({ ...none, times: [{ datetime: '2023-09-30T00:00:00+00:00', inHeader: true }] })?.confidence).toBe('medium');
    expect(pageDateFrom({ ...none, url: 'https://example.org/2019/07/03/privacy-shield/' })).toMatchObject({
      date: '2019-07-03',
      confidence: 'medium',
    });
    expect(pageDateFrom({ ...none, datelines: lines('July 2009') })).toMatchObject({ date: '2009-07', confidence: 'low' });
  });

  it('takes a dateline by the headline, and no other on a page that has one', () => {
    const v = { ...none, headlines: 1, datelines: [...lines('2020-06-11'), { text: '11/17/2023 05:40 PM', nearHeadline: true }] };
    expect(pageDateFrom(v)).toMatchObject({ date: '2023-11-17', confidence: 'low' });
    expect(pageDateFrom({ ...v, datelines: lines('2020-06-11') })).toBeUndefined();
    expect(pageDateFrom({ ...v, headlines: 3 })).toBeUndefined();
  });

  it('is none for a page with several datelines (a list of dated posts) or none at all', () => {
    expect(pageDateFrom({ ...none, datelines: lines('Friday, 4 March 2016', 'Thursday, 3 March 2016') })).toBeUndefined();
    expect(pageDateFrom({ ...none, datelines: lines('Copyright 2016'), url: 'https://example.org/2016/' })).toBeUndefined();
  });
});

describe('on the saved real pages with a hand-labelled date', () => {
  const right = labelled.filter((p) => p.got?.date === p.label);
  const wrongHigh = labelled.filter((p): p is typeof p & { got: PageDate } => p.got?.confidence === 'high' && p.got.date !== p.label);

  it(`gets at least 95% right (${right.length} of ${labelled.length}) and no high-confidence date wrong`, () => {
    expect(labelled.length).toBeGreaterThanOrEqual(20);
    expect(wrongHigh.map((p) => `${p.name}: ${p.got.date} (${p.got.source}), labelled ${p.label ?? 'none'}`)).toEqual([]);
    expect(right.length / labelled.length).toBeGreaterThanOrEqual(0.95);
  });

  it('gives no date for the pages that state none', () => {
    const undated = labelled.filter((p) => p.label === undefined);
    expect(undated.length).toBeGreaterThan(0);
    expect(undated.filter((p) => p.got).map((p) => `${p.name}: ${p.got!.date} (${p.got!.source})`)).toEqual([]);
  });
});

// Shown in the test output: which page yields what, so a change in figures can be traced.
for (const p of labelled)
  console.log(
    `${p.got?.date === p.label ? 'right' : 'WRONG'} ${p.name}: ${p.got ? `${p.got.date} ${p.got.confidence} (${p.got.source})` : 'none'}; labelled ${p.label ?? 'none'}`,
  );
