import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadDataset } from '../../data/index';
import { compareAll } from '../../core/compare/alignment';
import { comparisonCsv, comparisonMarkdown, CSV_HEADER, CSV_HEADING, csvField, mdCell, parseCsv, toCsv } from '../../core/compare/export';

const d = loadDataset();
const byId = new Map(d.jurisdictions.map((j) => [j.id, j]));
const names = { technologies: new Map(d.technologies.map((t) => [t.id, t])), jurisdictions: byId };
const chosen = ['eu', 'us', 'cn'].map((id) => byId.get(id)!);
const comparisons = compareAll(chosen, d.frameworks, byId);

describe('CSV (RFC 4180)', () => {
  it('quotes only fields with a quote, comma or line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
  });

  it('ends every record with CRLF and parses back to the same rows', () => {
    const rows = [
      ['a', 'b,c', 'd"e'],
      ['', 'multi\r\nline', 'x'],
      ['ünïcödé', ' spaced ', '"'],
    ];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('a,"b,c","d""e"');
    expect(parseCsv(text)).toEqual(rows);
  });

  it('rejects what RFC 4180 forbids', () => {
    expect(() => parseCsv('a"b,c\r\n')).toThrow(/quote inside/);
    expect(() => parseCsv('"open,c\r\n')).toThrow(/unclosed/);
    expect(() => parseCsv('"a"b,c\r\n')).toThrow(/after a closing quote/);
  });

  it('exports one row per technology, jurisdiction and related instrument, with the header first', () => {
    const rows = parseCsv(comparisonCsv(comparisons));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    for (const r of rows) expect(r).toHaveLength(CSV_HEADER.length);
    const col = (name: (typeof CSV_HEADER)[number]) => CSV_HEADER.indexOf(name);
    const expected = comparisons.flatMap((t) =>
      t.columns.flatMap((c) => Math.max(1, c.own.length + c.international.length + c.reachedBy.length)),
    );
    expect(rows.length - 1).toBe(expected.reduce((a, b) => a + b, 0));
    const euAi = rows.filter((r) => r[col('technology')] === 'ai' && r[col('jurisdiction_id')] === 'eu');
    const act = euAi.find((r) => r[col('framework_id')] === 'eu-ai-act')!;
    expect(act[col('relation')]).toBe('own');
    expect(act[col('binding')]).toBe('binding');
    expect(act[col('regime')]).toBe(comparisons[0]!.columns[0]!.regime.regime);
    // Extraterritorial rows say where from, and are never "shared".
    const usDp = rows.filter((r) => r[col('technology')] === 'data-protection' && r[col('jurisdiction_id')] === 'us');
    const gdpr = usDp.find((r) => r[col('framework_id')] === 'gdpr')!;
    expect(gdpr[col('relation')]).toBe('extraterritorial');
    expect(gdpr[col('via')]).toBe('eu');
    expect(gdpr[col('shared_by_all')]).toBe('');
  });

  it('marks as shared exactly the instruments all chosen jurisdictions share', () => {
    const rows = parseCsv(comparisonCsv(comparisons)).slice(1);
    const t = comparisons[0]!;
    const sharedIds = new Set(rows.filter((r) => r[0] === 'ai' && r[12] === 'true').map((r) => r[6]));
    expect([...sharedIds].sort()).toEqual(t.alignment.shared.map((f) => f.id).sort());
  });
});

describe('Markdown', () => {
  it('escapes pipes and line breaks in table cells', () => {
    expect(mdCell('a|b\nc')).toBe('a\\|b c');
  });

  it('has a table per technology with a column per jurisdiction, and the shared and only-one lines', () => {
    const md = comparisonMarkdown(comparisons, names, '2026-11-26');
    expect(md).toMatch(/^# Comparison: European Union, United States, China/);
    for (const t of d.technologies) expect(md).toContain(`## ${t.name}`);
    expect(md).toContain('| | EU | U.S. | China |');
    const aiSection = md.split('## ')[1]!;
    expect(aiSection).toContain('EU AI Act: Binding');
    for (const f of comparisons[0]!.alignment.shared) expect(aiSection).toContain(f.shortName ?? f.name);
    expect(aiSection).toMatch(/- Only U\.S\.: /);
    // Every table row has as many cells as the header.
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
      expect(line.replace(/\\\|/g, '').split('|').length).toBe('| | EU | U.S. | China |'.split('|').length);
    }
  });
});

describe('in another language', () => {
  /**
   * A made-up translation: every message becomes `«key|, "args"»`, so what came from the catalogue is
   * recognisable, and a comma, a quote and a pipe in a translation test the CSV and Markdown escaping.
   */
  function inPseudoLocale<T>(run: () => T): T {
    const english = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) =>
      `\u00ab${name}|, "${[subs ?? []].flat().join('/')}"\u00bb`) as typeof fakeBrowser.i18n.getMessage;
    try {
      return run();
    } finally {
      fakeBrowser.i18n.getMessage = english;
    }
  }
  const fromCatalogue = (s: string | undefined) => /^\u00ab\w+\|/.test(s ?? '');

  it('the CSV header row is translated, and still parses back column for column', () => {
    const rows = inPseudoLocale(() => parseCsv(comparisonCsv(comparisons)));
    expect(rows[0]).toEqual(CSV_HEADER.map((c) => `\u00ab${CSV_HEADING[c]}|, ""\u00bb`));
    for (const r of rows) expect(r).toHaveLength(CSV_HEADER.length);
    // Values stay ids, whatever the language.
    expect(rows.slice(1).some((r) => r[CSV_HEADER.indexOf('framework_id')] === 'eu-ai-act')).toBe(true);
  });

  it('every Markdown heading and label is translated, and the tables keep their cells', () => {
    const md = inPseudoLocale(() => comparisonMarkdown(comparisons, names, '2026-11-26'));
    const lines = md.split('\n');
    // The title, and the line under it (the alignment rule after it is also from the catalogue, read at import).
    expect(lines[0]).toMatch(/^# \u00abexportMdTitle\|, "European Union, United States, China"\u00bb$/);
    expect(lines[2]).toMatch(/^\u00abexportMdByline\|, "2026-11-26"\u00bb /);
    for (const l of lines.filter((l) => l.startsWith('- '))) expect(fromCatalogue(l.slice(2)), l).toBe(true);
    const alignment = lines.filter((l) => l.startsWith('\u00abexportMdAlignment'));
    expect(alignment).toHaveLength(comparisons.length);
    const tableRows = lines.filter((l) => l.startsWith('|') && !l.startsWith('| |') && !l.startsWith('|---'));
    expect(tableRows).toHaveLength(comparisons.length * 4);
    for (const l of tableRows) {
      const head = l.slice(2, l.indexOf(' | '));
      // The translation's pipe is escaped, so the row keeps one cell per jurisdiction plus its head.
      expect(fromCatalogue(head.replace(/\\\|/g, '|')), l).toBe(true);
      expect(l.replace(/\\\|/g, '').split('|').length).toBe('| | EU | U.S. | China |'.split('|').length);
    }
    // Inside the cells (where mdCell escapes the pipe), the words around an instrument are translated too.
    const english = comparisonMarkdown(comparisons, names, '2026-11-26');
    const times = (text: string, what: string) => text.split(what).length - 1;
    expect(times(english, ' (from ')).toBeGreaterThan(0);
    expect(times(md, ' (\u00abexportMdFrom\\|')).toBe(times(english, ' (from '));
    expect(times(md, ' (\u00abexportMdThrough\\|')).toBe(times(english, ' (through '));
    expect(times(md, '\u00abnoDate\\|')).toBe(times(english, ', n.d.'));
  });
});
