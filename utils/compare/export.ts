/**
 * The comparison as files an analyst can take away: CSV (RFC 4180: CRLF line ends, fields quoted when they
 * hold a quote, comma or line break, quotes doubled) with one row per jurisdiction, technology and related
 * instrument, and Markdown with one table per technology plus what is shared and what differs.
 */
import type { Framework, Jurisdiction, Technology } from '../../data/schema';
import { BINDING_LABEL, STATUS_LABEL, frameworkYear } from '../format';
import { REGIME_LABEL, RELATION_LABEL, type Column, type Related } from '../compare';
import { ALIGNMENT_RULE, formatAlignment, type TechnologyComparison } from './alignment';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The inverse of `toCsv`, strict about RFC 4180: throws on a quote inside an unquoted field or an unclosed quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && !/[,\r\n]/.test(text[i]!)) throw new Error(`unexpected character after a closing quote at ${i}`);
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unclosed quote');
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

export const CSV_HEADER = [
  'technology',
  'jurisdiction_id',
  'jurisdiction',
  'regime',
  'relation',
  'via',
  'framework_id',
  'framework',
  'instrument',
  'binding',
  'status',
  'year',
  'shared_by_all',
] as const;

export interface ExportNames {
  technologies: Map<string, Technology>;
  jurisdictions: Map<string, Jurisdiction>;
}

const name = (f: Framework) => f.shortName ?? f.name;
const jName = (id: string, names: ExportNames) => names.jurisdictions.get(id)?.shortName ?? names.jurisdictions.get(id)?.name ?? id;
const techName = (id: string, names: ExportNames) => names.technologies.get(id)?.name ?? id;
const related = (c: Column): Related[] => [...c.own, ...c.international, ...c.reachedBy];

/** One row per (technology, jurisdiction, related instrument); a jurisdiction with none still gets a row for its regime. */
export function comparisonCsv(comparisons: TechnologyComparison[], names: ExportNames): string {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const t of comparisons) {
    const shared = new Set(t.alignment.shared.map((f) => f.id));
    for (const c of t.columns) {
      const base = [t.technology, c.jurisdiction.id, c.jurisdiction.name, c.regime.regime];
      const list = related(c);
      if (!list.length) rows.push([...base, '', '', '', '', '', '', '', '', '']);
      for (const r of list) {
        const f = r.framework;
        rows.push([
          ...base,
          r.relation,
          r.via ?? '',
          f.id,
          f.name,
          f.instrument,
          f.binding,
          f.status,
          frameworkYear(f) ?? '',
          r.relation === 'extraterritorial' ? '' : String(shared.has(f.id)),
        ]);
      }
    }
  }
  return toCsv(rows);
}

/** Escapes what would break a Markdown table cell. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function mdList(list: Related[], names: ExportNames): string {
  if (!list.length) return '—';
  return list
    .map((r) => {
      const f = r.framework;
      const via = r.via ? ` (${r.relation === 'extraterritorial' ? 'from' : 'through'} ${jName(r.via, names)})` : '';
      return `${name(f)}: ${BINDING_LABEL[f.binding]}, ${STATUS_LABEL[f.status]}, ${frameworkYear(f) ?? 'n.d.'}${via}`;
    })
    .join('; ');
}

export function comparisonMarkdown(comparisons: TechnologyComparison[], names: ExportNames, date: string): string {
  const chosen = comparisons[0]?.columns.map((c) => c.jurisdiction) ?? [];
  const out: string[] = [`# Comparison: ${chosen.map((j) => j.name).join(', ')}`, '', `Regulatory Lens, ${date}. ${ALIGNMENT_RULE}`, ''];
  for (const t of comparisons) {
    out.push(`## ${techName(t.technology, names)}`, '', `Alignment: ${formatAlignment(t.alignment.score)} (${t.alignment.shared.length} of ${t.alignment.union} instruments shared)`, '');
    out.push(`| | ${t.columns.map((c) => mdCell(c.jurisdiction.shortName ?? c.jurisdiction.name)).join(' | ')} |`);
    out.push(`|---|${t.columns.map(() => '---').join('|')}|`);
    const row = (head: string, cell: (c: Column) => string) => out.push(`| ${head} | ${t.columns.map((c) => mdCell(cell(c))).join(' | ')} |`);
    row('Regime', (c) => `${REGIME_LABEL[c.regime.regime]}: ${c.regime.rule}`);
    row('Instruments', (c) => mdList(c.own, names));
    row('International', (c) => mdList(c.international, names));
    row(RELATION_LABEL.extraterritorial, (c) => mdList(c.reachedBy, names));
    out.push('', `- Shared by all: ${t.alignment.shared.map(name).join(', ') || 'none'}.`);
    for (const c of t.columns) {
      const only = t.alignment.onlyOne.get(c.jurisdiction.id) ?? [];
      out.push(`- Only ${c.jurisdiction.shortName ?? c.jurisdiction.name}: ${only.map(name).join(', ') || 'none'}.`);
    }
    out.push('');
  }
  return out.join('\n');
}
