/**
 * The page's own date, from what it publishes about itself, with how sure we are. Never from dates
 * mentioned in its text: only metadata, `<time datetime>`, a dated URL path, or a dateline (a piece of
 * text that is a date and nothing else). The DOM side (page/page-date.ts) and the CLI (from-html.ts)
 * collect the same `PublishedValues`.
 */
import { parseDateValue } from './parse-date';

export interface PublishedValues {
  /** The text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `<meta>` by name, property or itemprop (lower-cased), and other elements' `itemprop`/`property` + `content`. */
  meta: Array<{ key: string; content: string }>;
  /** Each `<time datetime>`, and whether it sits in the article's header (or is the page's only one). */
  times: Array<{ datetime: string; inHeader: boolean }>;
  /** Short texts that may be wholly a date (a text node's trimmed text), in document order, at most a few dozen. */
  datelines: Array<{ text: string; nearHeadline: boolean }>;
  /**
   * How many `<h1>` the page has. With one, a dateline far from it is some other item's date; with several,
   * the page is a list of posts and none of their dates is the page's.
   */
  headlines: number;
  url?: string;
}

export type DateConfidence = 'high' | 'medium' | 'low';

export interface PageDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at the precision the page gives. */
  date: string;
  confidence: DateConfidence;
  /** Where it was read, for the CLI and tests: "json-ld datePublished", "meta article:published_time"... */
  source: string;
}

/** Metadata keys that carry the publication date, most telling first. */
const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'citation_publication_date',
  'citation_date',
  'datepublished',
  'dc.date.issued',
  'dcterms.issued',
  'dc:date',
  'dc.date',
  'dcterms.date',
  'date',
  'pubdate',
  'publishdate',
  'sailthru.date',
];

const ARTICLE_TYPE = /article|posting|report|webpage|creativework/i;

/** The first `datePublished` of an article-like object, searching `@graph` and nested arrays. */
function jsonLdPublished(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const queue: unknown[] = [data];
  let fallback: string | undefined;
  while (queue.length) {
    const node = queue.shift();
    if (Array.isArray(node)) queue.push(...node);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const published = typeof o.datePublished === 'string' && o.datePublished.trim() ? o.datePublished : undefined;
      if (published && ARTICLE_TYPE.test(String(o['@type'] ?? ''))) return published;
      fallback ??= published;
      if (o['@graph']) queue.push(o['@graph']);
      if (o.mainEntity) queue.push(o.mainEntity);
    }
  }
  return fallback;
}

/** A date in the URL path: /2019/07/03/ or /2019/07/ (a bare year is too often something else). */
const URL_DATE = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(?:(0[1-9]|[12]\d|3[01])\/)?/;

export function pageDateFrom(v: PublishedValues): PageDate | undefined {
  const found = (value: string, source: string, machine: DateConfidence, words: DateConfidence): PageDate | undefined => {
    const p = parseDateValue(value);
    return p ? { date: p.date, confidence: p.iso ? machine : words, source } : undefined;
  };
  for (const text of v.jsonLd) {
    const published = jsonLdPublished(text);
    const r = published && found(published, 'json-ld datePublished', 'high', 'medium');
    if (r) return r;
  }
  for (const key of PUBLISHED_KEYS) {
    for (const m of v.meta) {
      if (m.key !== key || !m.content.trim()) continue;
      const r = found(m.content, `meta ${key}`, 'high', 'medium');
      if (r) return r;
    }
  }
  const header = v.times.find((t) => t.inHeader && parseDateValue(t.datetime));
  if (header) return found(header.datetime, 'time datetime in the header', 'medium', 'medium');
  const u = v.url ? URL_DATE.exec(new URL(v.url, 'https://x.invalid/').pathname) : null;
  if (u) return { date: [u[1], u[2], u[3]].filter(Boolean).join('-'), confidence: 'medium', source: 'url path' };
  // A dateline next to the only headline; on a page without one, only a dateline that is the page's only one
  // (a list of dated posts, or a page of dated items, has no date of its own).
  if (v.headlines > 1) return undefined;
  const near = v.datelines.find((d) => d.nearHeadline && parseDateValue(d.text));
  if (near) return { date: parseDateValue(near.text)!.date, confidence: 'low', source: 'dateline by the headline' };
  if (v.headlines === 1) return undefined;
  const datelines = [...new Set(v.datelines.flatMap((d) => parseDateValue(d.text)?.date ?? []))];
  if (datelines.length === 1) return { date: datelines[0]!, confidence: 'low', source: 'dateline' };
  return undefined;
}
