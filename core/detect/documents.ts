/**
 * Node side only (the CLI and the tests; never imported by the extension): turns a saved file into the
 * text the matcher scans, with the same extraction the content script uses. HTML is parsed with linkedom;
 * plain text is taken as it is.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractText } from './extract';
import { PAGE_SEPARATOR } from './pdf-text';
import { PDF_PROBLEM_TEXT, readPdfPages } from '../pdf/node-text';

/** `pages`: a PDF's text page by page (`text` is them joined by PAGE_SEPARATOR). */
export type LoadedDocument =
  { ok: true; file: string; text: string; html: boolean; pages?: string[] } | { ok: false; file: string; error: string };

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXT = new Set(['.txt', '.text', '.md', '.markdown']);
/** Extensions a directory scan picks up; other files in a directory are not pages. */
export const SCANNED_EXTENSIONS = new Set([...HTML_EXT, '.txt', '.text', '.pdf']);

const looksLikeHtml = (s: string) =>
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|h[1-6])\b/i.test(s.slice(0, 4096));

/** The visible text of an HTML document, as the content script would read it. */
export function htmlToText(html: string): string {
  // A browser's parser puts a page saved without <html> (starting at <head>) under an implied root, with
  // one body. linkedom makes <head> the root, leaves <body> outside it, and may open an empty body of its
  // own before the page's: read the whole root then (its head is skipped like any head).
  const rooted = /<html[\s>]/i.test(html.slice(0, 4096));
  const { document } = parseHTML(rooted ? html : `<html>${html}</html>`);
  const root = (rooted ? (document.body ?? document.documentElement) : document.documentElement) as unknown as Node;
  return extractText(root).text;
}

export async function loadDocument(file: string): Promise<LoadedDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      file,
      error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`,
    };
  }
  if (extname(file).toLowerCase() === '.pdf' || bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const pdf = await readPdfPages(bytes);
    if (!pdf.ok)
      return { ok: false, file, error: PDF_PROBLEM_TEXT[pdf.problem.kind] + (pdf.problem.detail ? ` (${pdf.problem.detail})` : '') };
    return { ok: true, file, text: pdf.pages.join(PAGE_SEPARATOR), html: false, pages: pdf.pages };
  }
  if (bytes.includes(0)) return { ok: false, file, error: 'not an HTML or text file (binary content)' };
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, file, error: 'not an HTML or text file (not valid UTF-8)' };
  }
  const ext = extname(file).toLowerCase();
  if (HTML_EXT.has(ext) || (!TEXT_EXT.has(ext) && looksLikeHtml(source))) {
    if (!looksLikeHtml(source) && !/<[a-z][\s\S]*>/i.test(source)) return { ok: false, file, error: 'not HTML (no markup found)' };
    return { ok: true, file, text: htmlToText(source), html: true };
  }
  if (TEXT_EXT.has(ext)) return { ok: true, file, text: source, html: false };
  return { ok: false, file, error: `not an HTML or plain-text file (${ext || 'no extension'})` };
}
