/**
 * Checks a dataset: the zod schema first, then the rules no single record can check on its own
 * (unique ids, references that resolve, names that point at one entity). Every problem names the
 * record and the field, e.g. `frameworks[gdpr].dates.adopted: ...`.
 */
import type { z } from 'zod';
import { Dataset, type Dataset as DatasetT } from './schema';
import { isCaseSensitiveTerm, termKey } from '../core/detect/terms';
import { timelineProblems } from './timeline-rules';

export type ValidationResult = { ok: true; dataset: DatasetT } | { ok: false; problems: string[] };

function describeIssue(raw: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const [collection, index, ...rest] = issue.path;
  const list = raw[String(collection)];
  const record = Array.isArray(list) && typeof index === 'number' ? (list[index] as { id?: unknown }) : undefined;
  const who = record && typeof record.id === 'string' ? record.id : `#${String(index)}`;
  const field = rest.length ? rest.map(String).join('.') : '(record)';
  return index === undefined
    ? `${String(collection ?? 'dataset')}: ${issue.message}`
    : `${String(collection)}[${who}].${field}: ${issue.message}`;
}

export function validateDataset(raw: unknown): ValidationResult {
  const parsed = Dataset.safeParse(raw);
  if (!parsed.success) {
    const obj = (raw ?? {}) as Record<string, unknown>;
    return { ok: false, problems: parsed.error.issues.map((i) => describeIssue(obj, i)) };
  }
  const problems = crossRecordProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.data };
}

function crossRecordProblems(d: DatasetT): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const collections = ['frameworks', 'jurisdictions', 'technologies', 'challenges', 'stages', 'coalitions'] as const;
  for (const c of collections) {
    for (const r of d[c]) {
      const prev = seen.get(r.id);
      // Technology, challenge and stage ids live in their own enums; only entity ids must be unique overall.
      if (prev && (c === 'frameworks' || c === 'jurisdictions' || c === 'coalitions')) {
        problems.push(`${c}[${r.id}].id: duplicate id (also in ${prev})`);
      }
      if (c === 'frameworks' || c === 'jurisdictions' || c === 'coalitions') seen.set(r.id, c);
    }
  }
  const frameworkIds = new Set(d.frameworks.map((f) => f.id));
  const jurisdictionIds = new Set(d.jurisdictions.map((j) => j.id));
  const need = (ok: boolean, where: string, id: string, what: string) => {
    if (!ok) problems.push(`${where}: unknown ${what} id "${id}"`);
  };
  for (const f of d.frameworks) {
    f.scope.jurisdictions.forEach((j, i) =>
      need(jurisdictionIds.has(j), `frameworks[${f.id}].scope.jurisdictions.${i}`, j, 'jurisdiction'),
    );
    need(jurisdictionIds.has(f.issuer), `frameworks[${f.id}].issuer`, f.issuer, 'jurisdiction');
    f.related.forEach((r, i) => need(frameworkIds.has(r) && r !== f.id, `frameworks[${f.id}].related.${i}`, r, 'framework'));
    const order = (['proposed', 'adopted', 'inForce', 'applies'] as const).flatMap((k) => (f.dates[k] ? [[k, f.dates[k]!] as const] : []));
    for (let i = 1; i < order.length; i++) {
      const [pk, pv] = order[i - 1]!;
      const [k, v] = order[i]!;
      const n = Math.min(pv.length, v.length);
      if (pv.slice(0, n) > v.slice(0, n)) problems.push(`frameworks[${f.id}].dates.${k}: ${v} is before ${pk} ${pv}`);
    }
    if (f.sources[0] && !f.sources.some((s) => s.official)) problems.push(`frameworks[${f.id}].sources: no official source`);
    problems.push(...timelineProblems(f));
  }
  for (const j of d.jurisdictions) {
    j.memberOf.forEach((m, i) => need(jurisdictionIds.has(m), `jurisdictions[${j.id}].memberOf.${i}`, m, 'jurisdiction'));
    if (j.parent) need(jurisdictionIds.has(j.parent), `jurisdictions[${j.id}].parent`, j.parent, 'jurisdiction');
  }
  for (const c of d.coalitions) {
    c.members.forEach((m, i) => need(jurisdictionIds.has(m), `coalitions[${c.id}].members.${i}`, m, 'jurisdiction'));
  }
  problems.push(...aliasCollisions(d));
  return problems;
}

/**
 * A name that points at two entities would make the matcher guess. Shared names are allowed only as a
 * framework's `ambiguousAliases`, which the detector resolves from context.
 */
function aliasCollisions(d: DatasetT): string[] {
  const owners = new Map<string, Array<{ who: string; ambiguous: boolean }>>();
  const add = (term: string, who: string, ambiguous: boolean) => {
    const key = termKey(term, isCaseSensitiveTerm(term));
    const list = owners.get(key) ?? [];
    if (!list.some((o) => o.who === who)) list.push({ who, ambiguous });
    owners.set(key, list);
  };
  for (const f of d.frameworks) {
    for (const t of [f.name, ...(f.shortName ? [f.shortName] : []), ...f.aliases]) add(t, `frameworks[${f.id}]`, false);
    for (const t of f.ambiguousAliases) add(t, `frameworks[${f.id}]`, true);
  }
  for (const j of d.jurisdictions) {
    for (const t of [j.name, ...(j.shortName ? [j.shortName] : []), ...j.aliases]) add(t, `jurisdictions[${j.id}]`, false);
  }
  for (const t of d.technologies) {
    for (const a of [t.name, ...t.aliases, ...t.subAreas.flatMap((s) => [s.name, ...s.aliases])]) add(a, `technologies[${t.id}]`, false);
  }
  const problems: string[] = [];
  for (const [key, list] of owners) {
    if (list.length > 1 && list.some((o) => !o.ambiguous)) {
      problems.push(
        `${list.map((o) => o.who).join(', ')}: the name "${key}" points at more than one entity; declare it in ambiguousAliases`,
      );
    }
  }
  return problems;
}
