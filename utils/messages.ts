/**
 * The one protocol between content scripts, extension pages and the background. Every request is
 * validated with zod on arrival; every answer is `{ok: true, value} | {ok: false, error}` because
 * exceptions do not survive structured cloning.
 */
import { z } from 'zod';
import type { Lexicon } from './detect/lexicon';
import { EntityKind, type Framework, type Jurisdiction, type Technology, type Challenge, type Stage } from '../data/schema';

const Id = z.string().regex(/^[a-z0-9-]{1,80}$/);

export const Request = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('getLexicon') }),
  z.strictObject({ type: z.literal('getEntity'), kind: EntityKind, id: Id }),
  z.strictObject({ type: z.literal('datasetInfo') }),
]);
export type Request = z.infer<typeof Request>;

export type EntityRecord =
  | { kind: 'framework'; record: Framework }
  | { kind: 'jurisdiction'; record: Jurisdiction }
  | { kind: 'technology'; record: Technology };

/** A card needs the record plus the names of what it links to. */
export interface EntityView {
  entity: EntityRecord;
  /** Display names of referenced jurisdictions, frameworks and challenges, by id. */
  names: Record<string, string>;
  challenges: Challenge[];
  stages: Stage[];
}

export interface DatasetInfo {
  version: string;
  counts: { frameworks: number; jurisdictions: number; technologies: number; coalitions: number };
}

export interface Responses {
  getLexicon: Lexicon;
  getEntity: EntityView;
  datasetInfo: DatasetInfo;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type Handlers = { [K in Request['type']]: (req: Extract<Request, { type: K }>) => Promise<Responses[K]> };

/** Only this extension's own pages and content scripts may talk to the background. */
export function isOwnSender(sender: { id?: string; url?: string }, ownId: string): boolean {
  return sender.id === ownId;
}

/** Validates and dispatches one incoming message; never throws. */
export async function handleRequest(raw: unknown, handlers: Handlers): Promise<Result<unknown>> {
  const parsed = Request.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
  try {
    const req = parsed.data;
    const handler = handlers[req.type] as (r: typeof req) => Promise<unknown>;
    return { ok: true, value: await handler(req) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

