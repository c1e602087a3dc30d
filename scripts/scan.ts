/**
 * Scans saved pages with the extension's own detection core and text extraction.
 *
 *   npm run scan -- [--json] <file-or-dir>...
 *
 * Directories are read recursively for .html/.htm/.xhtml/.txt/.pdf files. Default output: a table per file
 * (kind, name, text as written, count). With --json: one JSON object per file per line,
 * {"file", "textLength", "pageDate", "standing", "detections": [{kind, id, name, text, start, end, confidence, candidates?, citation?}]}:
 * a citation without a record has kind `citation` and its canonical identifier as id ("celex:32019L1024"); a record
 * cited by its number has its own id, and the citation's identifier as `citation`. `pageDate` is the date an HTML page
 * publishes for itself ({date, confidence, source}, or null); `standing` gives, per framework found, its standing
 * `then` (at the page's date, when known) and `now`, and what changed in between.
 * A file that cannot be read or is not HTML/text gets one line on stderr and the others are still scanned;
 * the exit code is then 1.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { loadDataset } from '../data/index';
import { buildLexicon } from '../core/detect/lexicon';
import { compileMatcher, type Detection } from '../core/detect/matcher';
import { SCANNED_EXTENSIONS, loadDocument } from '../core/detect/documents';
import { scanPdfPages } from '../core/detect/pdf-scan';
import { publishedValuesFromHtml } from '../core/page-date/from-html';
import { pageDateFrom } from '../core/page-date/page-date';
import { eventLine, standingRows } from '../core/timeline/standing-report';
import { dayOf } from '../core/timeline/partial-date';

const USAGE = 'usage: npm run scan -- [--json] <file-or-dir>...';

async function expand(path: string): Promise<string[]> {
  let s;
  try {
    s = await stat(path);
  } catch {
    return [path]; // loadDocument reports it
  }
  if (!s.isDirectory()) return [path];
  const out: string[] = [];
  for (const name of (await readdir(path)).sort()) {
    const p = join(path, name);
    const st = await stat(p).catch(() => undefined);
    if (st?.isDirectory()) out.push(...(await expand(p)));
    else if (SCANNED_EXTENSIONS.has(extname(name).toLowerCase())) out.push(p);
  }
  return out;
}

/** Rows of (kind, name, text as written, count), frameworks first, then by count. */
function tableRows(detections: Detection[]): string[][] {
  const rows = new Map<string, { kind: string; name: string; text: string; count: number; order: number }>();
  const order = { framework: 0, jurisdiction: 1, technology: 2, citation: 3 } as const;
  for (const d of detections) {
    const name = d.candidates ? `? ${d.candidates.map((c) => c.name).join(' | ')}` : d.name;
    const text = d.text.replace(/\s+/g, ' ');
    const key = `${d.kind}\u0000${name}\u0000${text}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { kind: d.kind, name, text, count: 1, order: order[d.kind] });
  }
  return [...rows.values()]
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || b.count - a.count || a.text.localeCompare(b.text))
    .map((r) => [r.kind, r.name, r.text, String(r.count)]);
}

function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.min(60, Math.max(...all.map((r) => r[i]!.length))));
  const cell = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (r: string[]) =>
    r
      .map((c, i) => cell(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  const json = args.includes('--json');
  const paths = args.filter((a) => a !== '--json');
  if (paths.length === 0 || paths.some((p) => p.startsWith('-'))) {
    console.error(USAGE);
    return 2;
  }
  const dataset = loadDataset();
  const matcher = compileMatcher(buildLexicon(dataset));
  const frameworks = new Map(dataset.frameworks.map((f) => [f.id, f]));
  const today = dayOf(new Date());
  let failed = 0;
  for (const path of paths) {
    for (const file of await expand(path)) {
      const doc = await loadDocument(file);
      if (!doc.ok) {
        console.error(`scan: ${file}: ${doc.error}`);
        failed++;
        continue;
      }
      // A PDF page by page, as the reader scans it (offsets still into doc.text).
      const detections = doc.pages ? scanPdfPages(matcher, doc.pages) : matcher.scan(doc.text);
      const pageDate = doc.html ? (pageDateFrom(publishedValuesFromHtml(await readFile(file, 'utf8'))) ?? null) : null;
      const standing = standingRows(
        frameworks,
        detections.filter((d) => d.kind === 'framework').map((d) => d.id),
        pageDate?.date,
        today,
      );
      if (json) {
        console.log(JSON.stringify({ file, textLength: doc.text.length, pageDate, standing, detections }));
      } else {
        console.log(`\n${file} (${doc.text.length} characters of text, ${detections.length} detections)`);
        console.log(pageDate ? `page date: ${pageDate.date} (${pageDate.confidence}, ${pageDate.source})` : 'page date: none');
        console.log(detections.length ? formatTable(['kind', 'name', 'text', 'count'], tableRows(detections)) : '(nothing found)');
        if (standing.length) {
          const rows = standing.map((r) => [r.name, r.then ?? '', r.now, r.changes.map(eventLine).join('; ')]);
          console.log(`\n${formatTable(['framework', 'then', 'now', 'since then'], rows)}`);
        }
      }
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`scan: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
