/**
 * The one protocol between content scripts, extension pages and the background. Every request is
 * validated with zod on arrival; every answer is `{ok: true, value} | {ok: false, error}` because
 * exceptions do not survive structured cloning.
 */
import { z } from 'zod';
import type { MatcherTables } from '../core/detect/tables';
import { EntityKind, type Framework, type Jurisdiction, type Technology, type Challenge, type Stage } from '../data/schema';
import type { Binding, TechnologyId } from '../data/schema';
import type { Regime } from '../core/regime';
import { ID_PATTERN, MAX_ID_LENGTH } from '../data/ids';

const Id = z.string().max(MAX_ID_LENGTH).regex(ID_PATTERN);
import { CITATION_ID } from '../core/detect/citations/engine';
import type { CitationInfo } from '../core/detect/citations/info';
/** A dataset id, or a citation's canonical identifier ("celex:32016R0679"). */
const EntityId = z.union([Id, z.string().regex(CITATION_ID)]);

export const Request = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('getLexicon') }),
  z.strictObject({ type: z.literal('getEntity'), kind: EntityKind, id: EntityId }),
  z.strictObject({ type: z.literal('datasetInfo') }),
  /** "Compare in side panel": store the choice (1 to 4 jurisdiction ids) and open the side panel or sidebar. */
  z.strictObject({ type: z.literal('openSidePanel'), jurisdictions: z.array(Id).min(1).max(4) }),
]);
export type Request = z.infer<typeof Request>;

export type EntityRecord =
  | { kind: 'framework'; record: Framework }
  | { kind: 'jurisdiction'; record: Jurisdiction }
  | { kind: 'technology'; record: Technology }
  /** Built from the identifier alone: the dataset has no record for it. */
  | { kind: 'citation'; record: CitationInfo };

/** A card needs the record plus the names of what it links to. */
export interface EntityView {
  entity: EntityRecord;
  /** Display names of referenced jurisdictions, frameworks and challenges, by id. */
  names: Record<string, string>;
  /** Framework cards: when each related framework took effect (entry into force, else adoption), by id. */
  since?: Record<string, string>;
  challenges: Challenge[];
  stages: Stage[];
  /** Jurisdiction cards: its regime for each technology, by the rule in core/regime.ts. */
  regimes?: RegimeRow[];
  /** Jurisdiction cards: its main instruments (its own scope; binding laws in force first), and how many there are. */
  instruments?: { shown: InstrumentRef[]; total: number };
  /** Technology cards: the instruments on it, grouped by binding nature. */
  byBinding?: BindingGroup[];
  /** Technology cards: the jurisdictions with the strictest regime for it. */
  strictest?: StrictestJurisdictions;
}

/** A framework as one line of a list (computed in the background; the page never gets whole tables). */
export interface InstrumentRef {
  id: string;
  name: string;
  instrument: Framework['instrument'];
  binding: Binding;
  status: Framework['status'];
  year?: string;
}

export interface RegimeRow {
  technology: TechnologyId;
  name: string;
  regime: Regime;
  /** The rule that produced the regime, in words. */
  rule: string;
  /** The instruments that decided it (at most three). */
  decisive: InstrumentRef[];
}

export interface BindingGroup {
  binding: Binding;
  total: number;
  /** The most current instruments of the group (at most five). */
  shown: InstrumentRef[];
}

export interface StrictestJurisdictions {
  regime: Regime;
  /** Jurisdictions at that regime through instruments of their own, with the laws that decided it. */
  jurisdictions: { id: string; name: string; decisive: InstrumentRef[] }[];
  /** Jurisdictions at that regime only through a bloc or parent listed above (EU member states...). */
  inherited: number;
}

export interface DatasetInfo {
  version: string;
  counts: { frameworks: number; jurisdictions: number; technologies: number; coalitions: number };
}

/** What "Compare in side panel" did. */
export interface OpenedPanel {
  /** Whether the panel was opened; when not, the choice is still stored for the next time it opens. */
  opened: boolean;
  jurisdictions: string[];
  error?: string;
}

export interface Responses {
  /** The matcher's tables (built once per dataset version), not the raw lexicon: see detect/tables.ts. */
  getLexicon: MatcherTables;
  getEntity: EntityView;
  datasetInfo: DatasetInfo;
  openSidePanel: OpenedPanel;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What a handler may need to know about the sender (the tab to open a side panel in). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

export type Handlers = { [K in Request['type']]: (req: Extract<Request, { type: K }>, sender: MessageSender) => Promise<Responses[K]> };

/** Only this extension's own pages and content scripts may talk to the background. */
export function isOwnSender(sender: { id?: string; url?: string }, ownId: string): boolean {
  return sender.id === ownId;
}

/** Validates and dispatches one incoming message; never throws. */
export async function handleRequest(raw: unknown, handlers: Handlers, sender: MessageSender = {}): Promise<Result<unknown>> {
  const parsed = Request.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
  try {
    const req = parsed.data;
    const handler = handlers[req.type] as (r: typeof req, s: MessageSender) => Promise<unknown>;
    return { ok: true, value: await handler(req, sender) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
