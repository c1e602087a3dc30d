/**
 * The page protocol's answers (the requests are in page.ts), as zod/mini schemas: the popup and the
 * background check every answer a tab gives. The content script imports only their types.
 */
import { z } from 'zod/mini';
import { ENTITY_KINDS } from '../data/ids';

export const PageMention = z.object({
  kind: z.enum(ENTITY_KINDS),
  id: z.string(),
  name: z.string(),
  count: z.number(),
  /** Position of the first mention in the page's reading order. */
  index: z.number(),
});
export type PageMention = z.infer<typeof PageMention>;

/** What a page mentions, and the date it publishes for itself when it gives one (the popup marks what changed since). */
export const PageMentions = z.object({
  mentions: z.array(PageMention),
  pageDate: z.optional(z.string().check(z.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/))),
});
export type PageMentions = z.infer<typeof PageMentions>;

export const PageMentionsAnswer = z.union([
  z.object({ ok: z.literal(true), value: PageMentions }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export const StatsAnswer = z.object({ ok: z.literal(true), value: z.object({ url: z.string() }) });
export const RevealAnswer = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: z.string() })]);
