/**
 * The comparison as files an analyst can take away: CSV (RFC 4180: CRLF line ends, fields quoted when they
 * hold a quote, comma or line break, quotes doubled) with one row per jurisdiction, technology and related
 * instrument, and Markdown with one table per technology plus what is shared and what differs.
 *
 * Headings and labels are the reader's language (public/_locales, looked up when the file is made); CSV
 * values stay ids (`eu`, `binding`, `extraterritorial`, `true`) so a spreadsheet filter works in any language.
 */
import type { Framework, Jurisdiction, Technology } from '../../data/schema';
import { BINDING_LABEL, STATUS_LABEL, frameworkYear } from '../format';
import { upcomingMarkdown, type UpcomingColumn } from './upcoming';
import { REGIME_LABEL, type Column, type Related } from './comparison';
import { t, type MessageKey } from '../../platform/i18n';
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

/** The CSV's columns, in order: ids for code (tests, `indexOf`); the header row shows `CSV_HEADING`. */
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
export type CsvColumn = (typeof CSV_HEADER)[number];

/** The catalogue key of each column's heading (in English the heading is the id itself). */
export const CSV_HEADING: Record<CsvColumn, MessageKey> = {
  technology: 'exportCsvTechnology',
  jurisdiction_id: 'exportCsvJurisdictionId',
  jurisdiction: 'exportCsvJurisdiction',
  regime: 'exportCsvRegime',
  relation: 'exportCsvRelation',
  via: 'exportCsvVia',
  framework_id: 'exportCsvFrameworkId',
  framework: 'exportCsvFramework',
  instrument: 'exportCsvInstrument',
  binding: 'exportCsvBinding',
  status: 'exportCsvStatus',
  year: 'exportCsvYear',
  shared_by_all: 'exportCsvSharedByAll',
};

export interface ExportNames {
  technologies: Map<string, Technology>;
  jurisdictions: Map<string, Jurisdiction>;
}

const name = (f: Framework) => f.shortName ?? f.name;
const jName = (id: string, names: ExportNames) => names.jurisdictions.get(id)?.shortName ?? names.jurisdictions.get(id)?.name ?? id;
const techName = (id: string, names: ExportNames) => names.technologies.get(id)?.name ?? id;
const related = (c: Column): Related[] => [...c.own, ...c.international, ...c.reachedBy];

/** One row per (technology, jurisdiction, related instrument); a jurisdiction with none still gets a row for its regime. */
export function comparisonCsv(comparisons: TechnologyComparison[]): string {
  const rows: string[][] = [CSV_HEADER.map((c) => t(CSV_HEADING[c]))];
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
      const via = r.via ? ` (${t(r.relation === 'extraterritorial' ? 'exportMdFrom' : 'exportMdThrough', jName(r.via, names))})` : '';
      return `${name(f)}: ${BINDING_LABEL[f.binding]}, ${STATUS_LABEL[f.status]}, ${frameworkYear(f) ?? t('noDate')}${via}`;
    })
    .join('; ');
}

/** The comparison as Markdown, with the upcoming milestones at the end when given. */
export function comparisonMarkdown(
  comparisons: TechnologyComparison[],
  names: ExportNames,
  date: string,
  upcoming?: readonly UpcomingColumn[],
): string {
  const chosen = comparisons[0]?.columns.map((c) => c.jurisdiction) ?? [];
  const out: string[] = [
    `# ${t('exportMdTitle', chosen.map((j) => j.name).join(', '))}`,
    '',
    `${t('exportMdByline', date)} ${ALIGNMENT_RULE}`,
    '',
  ];
  const none = t('exportMdNone');
  for (const tc of comparisons) {
    const { shared, union, score, onlyOne } = tc.alignment;
    out.push(`## ${techName(tc.technology, names)}`, '', t('exportMdAlignment', [formatAlignment(score), shared.length, union]), '');
    out.push(`| | ${tc.columns.map((c) => mdCell(c.jurisdiction.shortName ?? c.jurisdiction.name)).join(' | ')} |`);
    out.push(`|---|${tc.columns.map(() => '---').join('|')}|`);
    const row = (head: string, cell: (c: Column) => string) =>
      out.push(`| ${mdCell(head)} | ${tc.columns.map((c) => mdCell(cell(c))).join(' | ')} |`);
    row(t('rowRegime'), (c) => `${REGIME_LABEL[c.regime.regime]}: ${c.regime.rule}`);
    row(t('rowInstruments'), (c) => mdList(c.own, names));
    row(t('exportMdRowInternational'), (c) => mdList(c.international, names));
    row(t('extraterritorialReach'), (c) => mdList(c.reachedBy, names));
    out.push('', `- ${t('exportMdSharedByAll', shared.map(name).join(', ') || none)}`);
    for (const c of tc.columns) {
      const only = onlyOne.get(c.jurisdiction.id) ?? [];
      out.push(`- ${t('exportMdOnly', [c.jurisdiction.shortName ?? c.jurisdiction.name, only.map(name).join(', ') || none])}`);
    }
    out.push('');
  }
  if (upcoming) out.push(...upcomingMarkdown(upcoming));
  return out.join('\n');
}
