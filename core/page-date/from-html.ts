/**
 * `PublishedValues` from a saved page's HTML, without a DOM (the CLI and the tests run in Node). Tags are read
 * with regular expressions, which is enough for the few elements a page's date lives in.
 */
import type { PublishedValues } from './page-date';

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e]!);

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(ATTR)) out.set(m[1]!.toLowerCase(), decode(m[2] ?? m[3] ?? m[4] ?? ''));
  return out;
}

/** At most this many dateline candidates: enough for an article, bounded for a long front page. */
export const MAX_DATELINES = 40;
/** A dateline is short: a date, a weekday and a time at most. */
export const MAX_DATELINE_CHARS = 40;
/** How far from the only `<h1>` (in characters of markup) a dateline counts as the headline's. */
const NEAR_HEADLINE = 600;

export function publishedValuesFromHtml(html: string): PublishedValues {
  const jsonLd = [...html.matchAll(/<script\b[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
  const body = html.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  const meta: PublishedValues['meta'] = [];
  let url: string | undefined;
  for (const m of body.matchAll(/<(meta|span|div|p|abbr|link)\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const key = a.get('name') ?? a.get('property') ?? a.get('itemprop');
    const content = a.get('content');
    if (key && content !== undefined) meta.push({ key: key.toLowerCase(), content });
    if (m[1]!.toLowerCase() === 'link' && a.get('rel') === 'canonical') url = a.get('href');
  }
  const headers = [...body.matchAll(/<header\b[\s\S]*?<\/header>/gi)].map((m) => [m.index, m.index + m[0].length] as const);
  const timeTags = [...body.matchAll(/<time\b[^>]*>/gi)];
  const times = timeTags.flatMap((m) => {
    const datetime = attributes(m[0]).get('datetime');
    if (!datetime) return [];
    const inHeader = timeTags.length === 1 || headers.some(([s, e]) => m.index > s && m.index < e);
    return [{ datetime, inHeader }];
  });
  const h1s = [...body.matchAll(/<h1\b[\s\S]*?<\/h1>/gi)];
  const h1 = h1s.length === 1 ? h1s[0] : undefined;
  const datelines: PublishedValues['datelines'] = [];
  for (const m of body.matchAll(/>([^<>]+)</g)) {
    const text = decode(m[1]!).replace(/\s+/g, ' ').trim();
    if (text.length < 4 || text.length > MAX_DATELINE_CHARS || !/\d{4}/.test(text)) continue;
    const nearHeadline = !!h1 && m.index > h1.index - NEAR_HEADLINE && m.index < h1.index + h1[0].length + NEAR_HEADLINE;
    datelines.push({ text, nearHeadline });
    if (datelines.length >= MAX_DATELINES) break;
  }
  return { jsonLd, meta, times, datelines, headlines: h1s.length, url };
}
