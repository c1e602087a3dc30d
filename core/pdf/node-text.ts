/**
 * Node side only (the CLI and the tests): a PDF file's text, page by page, read with pdf.js's legacy
 * build (the one made for Node) through the same `openPdf` and page text as the reader.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { looksScanned, openPdf, readPageText, type PdfProblem } from './read';

export type PdfText = { ok: true; pages: string[] } | { ok: false; problem: PdfProblem };

/** What the CLI says of each problem. */
export const PDF_PROBLEM_TEXT: Record<PdfProblem['kind'], string> = {
  'not-pdf': 'not a PDF (no %PDF header)',
  encrypted: 'the PDF is password-protected',
  damaged: 'the PDF is damaged and cannot be read',
  'too-large': 'the PDF is too large to read',
  'no-text': 'the PDF has no text to read (scanned pages, images only)',
};

export async function readPdfPages(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes the buffer over (it transfers it): a copy keeps the caller's.
  const opened = await openPdf(getDocument, new Uint8Array(bytes));
  if (!opened.ok) return opened;
  const { doc } = opened;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPageText(doc, n));
    if (looksScanned(pages)) return { ok: false, problem: { kind: 'no-text' } };
    return { ok: true, pages: pages.map((p) => p.text) };
  } catch (e) {
    return { ok: false, problem: { kind: 'damaged', detail: e instanceof Error ? e.message : String(e) } };
  } finally {
    await doc.destroy();
  }
}
