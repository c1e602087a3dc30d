/**
 * What the chosen jurisdictions share for a technology, what only one of them has, and one alignment
 * figure: the share of their commitments that they all have in common (a Jaccard index).
 *
 * A commitment is an instrument adopted or in effect that the jurisdiction itself is bound by or has
 * subscribed to: its own (or its bloc's or country's), one it signed, or one of an organization it belongs
 * to. Foreign instruments that merely reach it extraterritorially are not commitments, and neither are
 * proposals or instruments no longer in effect.
 */
import type { Framework, Jurisdiction, TechnologyId } from '../../data/schema';
import { TECHNOLOGY_IDS } from '../../data/schema';
import { columnFor, type Column } from './comparison';
import { t } from '../../platform/i18n';

const COMMITTED = new Set<Framework['status']>(['adopted', 'in-force', 'partially-applicable']);

export const ALIGNMENT_RULE = t('alignmentRule');

export interface Alignment {
  /** Instruments every chosen jurisdiction is committed to. */
  shared: Framework[];
  /** For each jurisdiction id, the instruments only it is committed to among the chosen. */
  onlyOne: Map<string, Framework[]>;
  /** How many distinct instruments any of them is committed to. */
  union: number;
  /** shared / union, from 0 to 1; null when none of them has any instrument. */
  score: number | null;
}

export interface TechnologyComparison {
  technology: TechnologyId;
  columns: Column[];
  alignment: Alignment;
}

export function commitments(c: Column): Framework[] {
  return [...c.own, ...c.international].map((r) => r.framework).filter((f) => COMMITTED.has(f.status));
}

const label = (f: Framework) => f.shortName ?? f.name;
const sorted = (fs: Iterable<Framework>) => [...fs].sort((a, b) => label(a).localeCompare(label(b)));

export function alignmentOf(columns: Column[]): Alignment {
  const sets = columns.map((c) => new Map(commitments(c).map((f) => [f.id, f])));
  const union = new Map<string, Framework>();
  for (const s of sets) for (const [id, f] of s) union.set(id, f);
  const holders = (id: string) => sets.filter((s) => s.has(id)).length;
  const shared = sorted([...union.values()].filter((f) => holders(f.id) === sets.length));
  const onlyOne = new Map(columns.map((c, i) => [c.jurisdiction.id, sorted([...sets[i]!.values()].filter((f) => holders(f.id) === 1))]));
  return { shared, onlyOne, union: union.size, score: union.size ? shared.length / union.size : null };
}

export function compareTechnology(
  chosen: Jurisdiction[],
  technology: TechnologyId,
  frameworks: Framework[],
  byId: Map<string, Jurisdiction>,
): TechnologyComparison {
  const columns = chosen.map((j) => columnFor(j, technology, frameworks, byId));
  return { technology, columns, alignment: alignmentOf(columns) };
}

/** The whole comparison: one entry per technology area, in the schema's order. */
export function compareAll(chosen: Jurisdiction[], frameworks: Framework[], byId: Map<string, Jurisdiction>): TechnologyComparison[] {
  return TECHNOLOGY_IDS.map((t) => compareTechnology(chosen, t, frameworks, byId));
}

/** "40%", or "n/a" (alignmentNone) with nothing to compare: rounded, because one decimal would claim more precision than the data has. */
export function formatAlignment(score: number | null): string {
  return score === null ? t('alignmentNone') : `${Math.round(score * 100)}%`;
}
