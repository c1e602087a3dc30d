/**
 * The matcher made from its tables and run on samples: its regex and its normalisation tables are built on
 * first use, which on a fresh page can cost a few hundred milliseconds. Paid here, in tasks of their own
 * with the page given the thread in between, not in a scan slice.
 */
import { matcherFromTables, type Matcher } from '../core/detect/matcher';
import type { MatcherTables } from '../core/detect/tables';
import { yieldToPage } from './pump';

/** ASCII and typographic text: between them they build everything the matcher builds on first use. */
const WARM_UP = ['The GDPR applies in the EU and the U.S.', 'Le RGPD s\u2019applique d\u00e9j\u00e0 \u2014 \u00fcber \u201cAI\u201d\u2026'];
export interface PreparedMatcher {
  matcher: Matcher;
  /** Main-thread time spent making and warming it up, and its longest task. */
  initMs: number;
  longestTaskMs: number;
}

export async function prepareMatcher(tables: MatcherTables, opts: { now(): number; onUnscored(): void }): Promise<PreparedMatcher> {
  let t = opts.now();
  const matcher = matcherFromTables(tables, { onUnscored: opts.onUnscored });
  const tasks = [opts.now() - t];
  for (const sample of WARM_UP) {
    await yieldToPage();
    t = opts.now();
    matcher.scan(sample);
    tasks.push(opts.now() - t);
  }
  return { matcher, initMs: tasks.reduce((a, b) => a + b, 0), longestTaskMs: Math.max(...tasks) };
}
