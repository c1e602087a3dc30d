import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { compareAll } from '../../utils/compare/alignment';
import { comparisonCsv, comparisonMarkdown, CSV_HEADER, csvField, mdCell, parseCsv, toCsv } from '../../utils/compare/export';

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
    const rows = [['a', 'b,c', 'd"e'], ['', 'multi\r\nline', 'x'], ['ünïcödé', ' spaced ', '"']];
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
    const rows = parseCsv(comparisonCsv(comparisons, names));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    for (const r of rows) expect(r).toHaveLength(CSV_HEADER.length);
    const col = (name: (typeof CSV_HEADER)[number]) => CSV_HEADER.indexOf(name);
    const expected = comparisons.flatMap((t) => t.columns.flatMap((c) => Math.max(1, c.own.length + c.international.length + c.reachedBy.length)));
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
    const rows = parseCsv(comparisonCsv(comparisons, names)).slice(1);
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
