// A PDF read by the reader's path (pdf.js text, page by page, core/detect/pdf-scan.ts) yields the mentions
// the same document yields read as plain text (poppler's pdftotext, the text its labels were made on):
// mention recall within 0.05, per document. Figures are printed; BENCHMARKS.md records them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import { buildLexicon } from '../../core/detect/lexicon';
import { compileMatcher } from '../../core/detect/matcher';
import { scanPdfPages } from '../../core/detect/pdf-scan';
import { PAGE_SEPARATOR } from '../../core/detect/pdf-text';
import { readPdfPages } from '../../core/pdf/node-text';
import { PDF_FIXTURES, knownForms, mentionRecall, pdfFixtureNames, surfaceForms, type Recall } from '../fixtures/pdf-recall';

const matcher = compileMatcher(buildLexicon(loadDataset()));
const results = new Map<string, { text: Recall; pdf: Recall; pages: number }>();

beforeAll(async () => {
  for (const name of pdfFixtureNames()) {
    const forms = knownForms(matcher, surfaceForms(name));
    const txt = readFileSync(join(PDF_FIXTURES, `${name}.txt`), 'utf8');
    const pdf = await readPdfPages(readFileSync(join(PDF_FIXTURES, `${name}.pdf`)));
    if (!pdf.ok) throw new Error(`${name}: ${pdf.problem.kind}`);
    const joined = pdf.pages.join(PAGE_SEPARATOR);
    results.set(name, {
      text: mentionRecall(txt, forms, matcher.scan(txt)),
      pdf: mentionRecall(joined, forms, scanPdfPages(matcher, pdf.pages)),
      pages: pdf.pages.length,
    });
  }
  const cell = (r: Recall) => `${r.recall.toFixed(3)} (${r.found}/${r.labelled})`;
  console.log(
    [
      '| PDF | pages | recall as text | recall through pdf.js |',
      '|---|---|---|---|',
      ...[...results].map(([n, r]) => `| ${n} | ${r.pages} | ${cell(r.text)} | ${cell(r.pdf)} |`),
    ].join('\n'),
  );
}, 120_000);

describe('mention recall of PDFs read through pdf.js, against the same text read as text', () => {
  it('reads all four labelled PDFs (an EU act, two agency guidance documents, a standard), each of 95 pages or more', () => {
    expect([...results.keys()]).toEqual([
      'eu-council-gdpr-first-reading-2016',
      'nist-sp800-30r1-risk-assessment',
      'nist-sp800-66r1-hipaa-security-rule',
      'pci-dss-v3-2',
    ]);
    for (const r of results.values()) expect(r.pages).toBeGreaterThanOrEqual(95);
  });

  it('finds labelled mentions in every document, so the comparison is about something', () => {
    for (const [name, r] of results) expect(r.text.labelled, name).toBeGreaterThan(0);
    expect([...results.values()].reduce((n, r) => n + r.pdf.found, 0)).toBeGreaterThan(400);
  });

  it('is within 0.05 of the text recall for each document', () => {
    for (const [name, r] of results) expect(Math.abs(r.pdf.recall - r.text.recall), name).toBeLessThanOrEqual(0.05);
  });
});
