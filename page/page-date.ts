/**
 * Reads what a page publishes about its own date from its DOM (the parsing is core/page-date/): JSON-LD,
 * metadata, `<time datetime>`, the URL, and short texts that may be datelines. Read once per document, the
 * first time a card needs it; the page is only read, never changed.
 */
import { pageDateFrom, type PageDate, type PublishedValues } from '../core/page-date/page-date';
import { MAX_DATELINE_CHARS, MAX_DATELINES } from '../core/page-date/from-html';

const read = new WeakMap<Document, PageDate | null>();

/** Text nodes looked at for datelines: a page's header and the start of its article, not its whole length. */
const MAX_TEXT_NODES = 3000;

function publishedValues(doc: Document): PublishedValues {
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');
  const meta: PublishedValues['meta'] = [];
  for (const el of doc.querySelectorAll('meta[content], [itemprop][content], [property][content]')) {
    const key = el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('itemprop');
    if (key) meta.push({ key: key.toLowerCase(), content: el.getAttribute('content') ?? '' });
  }
  const timeEls = [...doc.querySelectorAll('time[datetime]')];
  const times = timeEls.map((el) => ({
    datetime: el.getAttribute('datetime') ?? '',
    inHeader: timeEls.length === 1 || !!el.closest('header'),
  }));
  const h1s = doc.querySelectorAll('h1');
  // "Near the headline": in the same block as the only <h1> (its parent's subtree), not inside it.
  const near = h1s.length === 1 ? h1s[0]!.parentElement : null;
  const datelines: PublishedValues['datelines'] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('script,style,noscript,template') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(), seen = 0; n && seen < MAX_TEXT_NODES && datelines.length < MAX_DATELINES; n = walker.nextNode(), seen++) {
    const text = (n.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 4 || text.length > MAX_DATELINE_CHARS || !/\d{4}/.test(text)) continue;
    datelines.push({ text, nearHeadline: !!near && near.contains(n) && !h1s[0]!.contains(n) });
  }
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  return { jsonLd, meta, times, datelines, headlines: h1s.length, url: canonical ?? doc.location?.href };
}

/** The date the document publishes for itself, or undefined; read once per document. */
export function readPageDate(doc: Document = document): PageDate | undefined {
  if (!read.has(doc)) read.set(doc, pageDateFrom(publishedValues(doc)) ?? null);
  return read.get(doc) ?? undefined;
}
