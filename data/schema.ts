/**
 * The dataset's single source of truth: every type the extension uses for records is inferred from these
 * schemas (`z.infer`), and `data/validate.ts` checks the JSON files against them plus the cross-record rules.
 */
import { z } from 'zod';
import { ENTITY_KINDS, ID_PATTERN } from './ids';

export const Id = z.string().regex(ID_PATTERN, 'ids are lower-case kebab-case');

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the precision we are sure of, never more. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => s.length < 10 || (!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)), {
    message: 'not a real calendar date',
  });

export const Source = z.object({
  title: z.string().min(3),
  url: z.url({ protocol: /^https$/, error: 'sources must be https URLs' }),
  /** Official sources (the issuing body, the official journal) come first in a record's list. */
  official: z.boolean(),
});

export const TECHNOLOGY_IDS = ['ai', 'data-protection', 'blockchain', 'biotech', 'quantum', 'iot'] as const;
export const TechnologyId = z.enum(TECHNOLOGY_IDS);

export const INSTRUMENTS = [
  'treaty',
  'regulation',
  'directive',
  'statute',
  'executive-action',
  'bill',
  'soft-law',
  'standard',
  'guideline',
  'strategy',
  'declaration',
] as const;
export const Instrument = z.enum(INSTRUMENTS);

export const BINDINGS = ['binding', 'binding-for-parties', 'non-binding', 'mixed'] as const;
export const Binding = z.enum(BINDINGS);

const Text = z.string().trim().min(1);

export const STATUSES = [
  'proposed',
  'adopted',
  'in-force',
  'partially-applicable',
  'repealed',
  'superseded',
  'invalidated',
  'withdrawn',
] as const;
export const Status = z.enum(STATUSES);

/**
 * What can happen to an instrument. Each kind but `amended` sets a standing (see core/timeline/standing.ts);
 * `applies` is one stage of a staged application: the last one makes the instrument wholly applicable.
 */
export const EVENT_KINDS = [
  'proposed',
  'adopted',
  'in-force',
  'applies',
  'amended',
  'invalidated',
  'repealed',
  'superseded',
  'withdrawn',
] as const;
export const EventKind = z.enum(EVENT_KINDS);

export const TimelineEvent = z.strictObject({
  kind: EventKind,
  /**
   * At the precision we are sure of. Absent: it happened, on a day we do not know, after the event before it
   * in the timeline and by the record's `lastReviewed` (a status the record states without a date for it).
   */
  date: PartialDate.optional(),
  /** For a stage of application or an amendment: what it concerns ("prohibited AI practices"). */
  what: Text.optional(),
  /** Who did it, when not the issuer: "the CJEU in Schrems II (C-311/18)". */
  actor: Text.optional(),
  /** The framework record that did it: the amending or repealing act. */
  by: Id.optional(),
  /** The framework record that took its place. */
  successor: Id.optional(),
  /** For `applies`: only some provisions apply from then, and the dates of the rest are not known. */
  partial: z.literal(true).optional(),
  /** Where the event is documented, when not in the record's own sources. */
  source: Source.optional(),
});

/** The article's harmonization cycle, in order. */
export const STAGE_IDS = [
  'issue-identification',
  'stakeholder-engagement',
  'drafting',
  'negotiation',
  'adoption',
  'implementation',
  'review',
] as const;
export const StageId = z.enum(STAGE_IDS);

export const CHALLENGE_IDS = ['fragmentation', 'regulatory-lag', 'enforcement', 'disparities'] as const;
export const ChallengeId = z.enum(CHALLENGE_IDS);

export const LEVELS = ['global', 'regional', 'national', 'subnational'] as const;

export const Framework = z.strictObject({
  id: Id,
  name: Text,
  shortName: Text.optional(),
  /**
   * Other names that identify this framework and nothing else: acronyms, official numbers
   * ("Regulation (EU) 2016/679"), names in the jurisdiction's languages ("DSGVO").
   */
  aliases: z.array(Text),
  /**
   * Names shared with other instruments ("AI Act", "Privacy Act"): matched only when the context (a
   * jurisdiction of this framework mentioned nearby or on the page) tells them apart.
   */
  ambiguousAliases: z.array(Text).default([]),
  instrument: Instrument,
  binding: Binding,
  /** Why the binding nature is what it is, where that needs saying (mixed, binding-for-parties). */
  bindingNote: Text.optional(),
  scope: z.strictObject({
    level: z.enum(LEVELS),
    jurisdictions: z.array(Id).min(1),
    /**
     * True when the instrument reaches actors outside its jurisdictions: it applies to whoever offers goods or
     * services to people there, monitors them there, or places products on its market, wherever that actor
     * is established. False for rules bound to establishment or to public bodies, and for non-binding texts.
     */
    extraterritorial: z.boolean(),
    note: Text.optional(),
  }),
  technologies: z.array(TechnologyId).min(1),
  /** Jurisdiction or organization id of the body that issued it. */
  issuer: Id,
  status: Status,
  dates: z
    .strictObject({
      proposed: PartialDate.optional(),
      adopted: PartialDate.optional(),
      inForce: PartialDate.optional(),
      applies: PartialDate.optional(),
      amended: PartialDate.optional(),
      repealed: PartialDate.optional(),
    })
    .refine((d) => Object.keys(d).length > 0, 'at least one date is known'),
  /**
   * The events that changed its standing, in order. `status` and `dates` must say what the timeline implies
   * (checked by the dataset tests); `scripts/seed-timelines.mjs` writes it for a record that has none.
   */
  timeline: z.array(TimelineEvent).optional(),
  summary: Text,
  challenges: z.array(z.strictObject({ id: ChallengeId, why: Text })).min(1, 'every framework touches at least one challenge'),
  stage: StageId,
  related: z.array(Id).default([]),
  sources: z.array(Source).min(1),
  lastReviewed: PartialDate,
});

export const JURISDICTION_KINDS = ['country', 'subnational', 'bloc', 'organization'] as const;

export const Jurisdiction = z.strictObject({
  id: Id,
  name: Text,
  shortName: Text.optional(),
  /** Names and acronyms that identify it unambiguously ("U.S.", "PRC", "Brussels" is not one). */
  aliases: z.array(Text),
  /** Adjectives ("European", "Chinese") count as mentions only with context. */
  adjectives: z.array(Text).default([]),
  kind: z.enum(JURISDICTION_KINDS),
  /** ISO 3166-1 alpha-2 for countries, ISO 3166-2 for subnational ones. */
  iso: z
    .string()
    .regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/)
    .optional(),
  /** ISO 3166-1 numeric (as in Natural Earth / world-atlas ids), for countries on the map. */
  isoNumeric: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  /** For subnational jurisdictions: the country they belong to. */
  parent: Id.optional(),
  /** Blocs and organizations this jurisdiction is a member of (EU, OECD, G7, G20, Council of Europe...). */
  memberOf: z.array(Id).default([]),
  summary: Text,
  sources: z.array(Source).min(1),
});

export const Technology = z.strictObject({
  id: TechnologyId,
  name: Text,
  aliases: z.array(Text),
  /** Generic words ("algorithm", "Java") that name the technology only with enough context. */
  contextTerms: z.array(Text).default([]),
  subAreas: z.array(z.strictObject({ id: Id, name: Text, aliases: z.array(Text) })),
  summary: Text,
  /**
   * A policy area compared in the side panel and named by frameworks (data protection), not one of the
   * page's emerging technologies: its words ("privacy", "personal data") are never painted as a mention.
   */
  policyArea: z.boolean().default(false),
});

export const Challenge = z.strictObject({
  id: ChallengeId,
  name: Text,
  shortName: Text,
  summary: Text,
});

export const Stage = z.strictObject({
  id: StageId,
  name: Text,
  order: z.number().int().min(1).max(7),
  summary: Text,
});

export const Coalition = z.strictObject({
  id: Id,
  name: Text,
  shortName: Text.optional(),
  aliases: z.array(Text).default([]),
  founded: z.number().int().min(1900).max(2100),
  technologies: z.array(TechnologyId).min(1),
  members: z.array(Id).default([]),
  summary: Text,
  sources: z.array(Source).min(1),
});

export type Framework = z.infer<typeof Framework>;
export type Jurisdiction = z.infer<typeof Jurisdiction>;
export type Technology = z.infer<typeof Technology>;
export type Challenge = z.infer<typeof Challenge>;
export type Stage = z.infer<typeof Stage>;
export type Coalition = z.infer<typeof Coalition>;
export type TechnologyId = z.infer<typeof TechnologyId>;
export type Binding = z.infer<typeof Binding>;
export type StageId = z.infer<typeof StageId>;
export type ChallengeId = z.infer<typeof ChallengeId>;
export type Source = z.infer<typeof Source>;
export type TimelineEvent = z.infer<typeof TimelineEvent>;
export type EventKind = z.infer<typeof EventKind>;
export type Status = z.infer<typeof Status>;

export const Dataset = z.strictObject({
  version: z.string().min(1),
  frameworks: z.array(Framework),
  jurisdictions: z.array(Jurisdiction),
  technologies: z.array(Technology),
  challenges: z.array(Challenge),
  stages: z.array(Stage),
  coalitions: z.array(Coalition),
});
export type Dataset = z.infer<typeof Dataset>;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;
