// `npm run scan` on PDFs: a real one is read page by page as the reader reads it; encrypted, damaged and
// scanned ones each get a line saying what is wrong, and the others are still scanned.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfUrlOf } from '../../ui/popup/reader-entry';

const ROOT = join(import.meta.dirname, '..', '..');
const PDF = join(ROOT, 'test', 'fixtures', 'pdf');
const BAD = join(ROOT, 'test', 'fixtures', 'pdf-bad');

describe('npm run scan on PDFs', () => {
  let run: SpawnSyncReturns<string>;
  beforeAll(() => {
    run = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'vite-node'),
      [join(ROOT, 'scripts', 'scan.ts'), '--', '--json', join(PDF, 'nist-sp800-30r1-risk-assessment.pdf'), BAD],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
  }, 150_000);

  it('prints the PDF text length and its detections, offsets into that text', () => {
    const [line, ...rest] = run.stdout.trim().split('\n');
    expect(rest).toEqual([]);
    const out = JSON.parse(line!) as {
      file: string;
      textLength: number;
      detections: Array<{ kind: string; id: string; text: string; start: number; end: number }>;
    };
    expect(out.file).toBe(join(PDF, 'nist-sp800-30r1-risk-assessment.pdf'));
    expect(out.textLength).toBeGreaterThan(250_000);
    const us = out.detections.filter((d) => d.kind === 'jurisdiction' && d.id === 'us');
    expect(us.length).toBeGreaterThan(5);
    expect(us.map((d) => d.text)).toContain('United States');
  });

  it('says why each bad PDF cannot be read, and exits 1', () => {
    const lines = run.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('scan: '));
    expect(lines).toEqual([
      expect.stringMatching(/damaged\.pdf: the PDF is damaged and cannot be read/),
      expect.stringMatching(/encrypted\.pdf: the PDF is password-protected/),
      expect.stringMatching(/scanned\.pdf: the PDF has no text to read \(scanned pages, images only\)/),
    ]);
    expect(run.status).toBe(1);
  });
});

describe("the popup's way into the reader", () => {
  it('takes http(s) addresses of .pdf files, nothing else', () => {
    expect(pdfUrlOf('https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/x.PDF')).toBe(
      'https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/x.PDF',
    );
    expect(pdfUrlOf('https://example.org/report.pdf?download=1')).toBe('https://example.org/report.pdf?download=1');
    expect(pdfUrlOf('https://example.org/report.html')).toBeUndefined();
    expect(pdfUrlOf('file:///home/me/a.pdf')).toBeUndefined();
    expect(pdfUrlOf('chrome://settings')).toBeUndefined();
    expect(pdfUrlOf(undefined)).toBeUndefined();
  });
});
