/**
 * Opening a PDF with pdf.js, the same way in the reader page (the browser build) and the CLI (the legacy
 * build, for Node): bytes in, a document or a problem out. Which pdf.js build is the caller's: both
 * have the same `getDocument`. What can go wrong is named once here, so the reader and the CLI say the
 * same thing about the same file.
 *
 * - Never eval: `isEvalSupported: false` (the extension's CSP forbids it anyway; the build removes the
 *   code, scripts/vite-store-safe.ts).
 * - Nothing fetched: no font, CMap or WASM URL is given, so pdf.js asks no server for anything; glyphs of
 *   the 14 standard fonts come from system fonts, and the text layer does not depend on them.
 */
import type { PDFDocumentProxy, getDocument as GetDocument } from 'pdfjs-dist';
import { pageText, textItems, type PdfPageText } from '../detect/pdf-text';

export type PdfProblemKind = 'not-pdf' | 'encrypted' | 'damaged' | 'too-large' | 'no-text';

export interface PdfProblem {
  kind: PdfProblemKind;
  /** What pdf.js said, for the console and the CLI (the reader shows its own words). */
  detail?: string;
}

/** Beyond these the reader says so instead of reading: a tab must never freeze on a file. */
export const PDF_LIMITS = { maxBytes: 200 * 1024 * 1024, maxPages: 5000 };

/** Fewer letters than this per page on average: a scanned document (images of pages), nothing to read. */
const MIN_LETTERS_PER_PAGE = 20;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** A problem visible before pdf.js runs: too large, or no PDF header in the first kilobyte. */
export function sniffPdf(bytes: Uint8Array): PdfProblem | undefined {
  if (bytes.byteLength > PDF_LIMITS.maxBytes) return { kind: 'too-large', detail: `${Math.round(bytes.byteLength / 1048576)} MB` };
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + PDF_MAGIC.length <= head.length; i++) {
    if (PDF_MAGIC.every((b, k) => head[i + k] === b)) return undefined;
  }
  return { kind: 'not-pdf' };
}

/** pdf.js's exceptions by name (their classes differ between the two builds). */
export function problemOf(e: unknown): PdfProblem {
  const name = (e as { name?: string } | null)?.name;
  const detail = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') return { kind: 'encrypted', detail };
  return { kind: 'damaged', detail };
}

export type PdfOpened = { ok: true; doc: PDFDocumentProxy } | { ok: false; problem: PdfProblem };

/** Opens the bytes (which pdf.js takes over: pass a copy if they are needed afterwards). */
export async function openPdf(getDocument: typeof GetDocument, bytes: Uint8Array): Promise<PdfOpened> {
  const sniffed = sniffPdf(bytes);
  if (sniffed) return { ok: false, problem: sniffed };
  try {
    // verbosity 0: errors only (missing standard fonts are warned about on every page otherwise).
    const doc = await getDocument({ data: bytes, isEvalSupported: false, verbosity: 0, stopAtErrors: false }).promise;
    if (doc.numPages > PDF_LIMITS.maxPages) {
      const pages = doc.numPages;
      await doc.destroy();
      return { ok: false, problem: { kind: 'too-large', detail: `${pages} pages` } };
    }
    return { ok: true, doc };
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
}

/** Page `n`'s text (1-based), as the matcher reads it and the text layer draws it. */
export async function readPageText(doc: PDFDocumentProxy, n: number): Promise<PdfPageText> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  return pageText(textItems(content.items));
}

/** Whether pages read so far hold no real text: a scan of paper (images only). */
export function looksScanned(pages: readonly PdfPageText[]): boolean {
  if (!pages.length) return false;
  const enough = MIN_LETTERS_PER_PAGE * pages.length;
  let letters = 0;
  // Counted until there are enough: a document with text is told in its first pages, not in one pass over all
  // of them (a 500-page document's letters, counted on the reader's main thread, took a task of its own).
  for (const p of pages) {
    letters += p.text.match(/\p{L}/gu)?.length ?? 0;
    if (letters >= enough) return false;
  }
  return true;
}
