/**
 * Citation recall and precision at the page level, on documents whose citations were labelled by hand
 * before the recogniser ran on them (a measurement, not a test).
 *
 *   npx vite-node scripts/bench-citations.ts -- [shared-fixtures-dir]
 *
 * Documents: the shared fixtures' news pages and PDFs (their `citations` labels; PDFs read with poppler's
 * `pdftotext`, as they were labelled), default `../shared/fixtures`, and this project's
 * test/fixtures/citations/*.labels.json. Per document, the distinct citations expected and found are
 * compared by canonical identifier (standards by work: edition-agnostic); labels of the family `other`
 * (Official Journal references, Treaty articles, OMB circulars...) are outside the recogniser's families:
 * neither counted as expected nor as wrong when found. Hard negatives: every `neg-*` page and
 * test/fixtures/citations/hard-negatives.json must yield no citation.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadDataset } from '../data/index';
import { workKey } from '../core/detect/citations/engine';
import { citationOf } from '../core/detect/citations/recognise';
import { htmlToText, loadDocument } from '../core/detect/documents';
import { buildLexicon } from '../core/detect/lexicon';
import { compileMatcher, type Detection } from '../core/detect/matcher';

interface SharedLabel {
  text: string;
  canonical_id: string;
  family: string;
}
interface OwnLabel {
  text: string;
  id?: string;
  work?: string;
}

const keyOf = (id: string) => workKey(id) ?? id;
/** A label's canonical form read as an identifier (the labels' conventions: "CELEX:...", "45 CFR 164.306(a)"). */
const labelKey = (canonical: string) => {
  const hit = citationOf(canonical);
  return hit ? keyOf(hit.id) : `unparsed:${canonical}`;
};

const matcher = compileMatcher(buildLexicon(loadDataset()));
const found = (text: string) =>
  new Map(
    matcher
      .scan(text)
      .flatMap((d: Detection) => (d.kind === 'citation' ? [[keyOf(d.id), d.text]] : d.citation ? [[keyOf(d.citation), d.text]] : []))
      .map(([k, t]) => [k!, t!] as const),
  );

interface Row {
  doc: string;
  expected: Set<string>;
  ignored: Set<string>;
  detected: Map<string, string>;
}

async function textOf(file: string): Promise<string> {
  if (file.endsWith('.pdf'))
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 })
      .toString('utf8')
      .replace(/\s+/g, ' ');
  const doc = await loadDocument(file);
  if (doc.ok) return doc.text;
  // A page saved in its own legacy encoding (ISO-8859-1): read as Latin-1, as its <meta> says.
  if (doc.error.includes('UTF-8')) return htmlToText(readFileSync(file, 'latin1'));
  throw new Error(`${file}: ${doc.error}`);
}

async function main(dir: string): Promise<void> {
  const rows: Row[] = [];
  const negatives: string[] = [];
  for (const sub of ['news', 'pdf']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith('.expected.json'))
      .sort()) {
      const stem = name.replace('.expected.json', '');
      const file = [`${stem}.html`, `${stem}.pdf`].map((n) => join(folder, n)).find(existsSync);
      if (!file) continue;
      const labels = (JSON.parse(readFileSync(join(folder, name), 'utf8')) as { citations?: SharedLabel[] }).citations ?? [];
      const detected = found(await textOf(file));
      if (stem.startsWith('neg-')) for (const [k, t] of detected) negatives.push(`${stem}: ${t} (${k})`);
      rows.push({
        doc: `${sub}/${stem}`,
        expected: new Set(labels.filter((l) => l.family !== 'other').map((l) => labelKey(l.canonical_id))),
        ignored: new Set(labels.filter((l) => l.family === 'other').map((l) => labelKey(l.canonical_id))),
        detected,
      });
    }
  }
  const own = 'test/fixtures/citations';
  for (const name of readdirSync(own)
    .filter((n) => n.endsWith('.labels.json'))
    .sort()) {
    const stem = name.replace('.labels.json', '');
    const file = readdirSync(own).find((n) => n.startsWith(`${stem}.`) && !n.endsWith('.json'))!;
    const labels = (JSON.parse(readFileSync(join(own, name), 'utf8')) as { citations: OwnLabel[] }).citations;
    rows.push({
      doc: `own/${stem}`,
      expected: new Set(labels.map((l) => (l.id ? keyOf(l.id) : `std|${l.work}`))),
      ignored: new Set(),
      detected: found(await textOf(join(own, file))),
    });
  }
  const hard = (JSON.parse(readFileSync(join(own, 'hard-negatives.json'), 'utf8')) as { cases: Array<{ page: string; text: string }> })
    .cases;
  for (const c of hard) for (const [k, t] of found(c.text)) negatives.push(`${c.page}: ${t} (${k})`);

  report(rows, negatives, hard.length, 'labels as given');
  const errata = (JSON.parse(readFileSync(join(own, 'label-errata.json'), 'utf8')) as { add: Array<{ doc: string; id: string }> }).add;
  for (const e of errata) rows.find((r) => r.doc === e.doc)?.expected.add(keyOf(e.id));
  report(rows, negatives, hard.length, `with ${errata.length} label errata (test/fixtures/citations/label-errata.json)`);
}

function report(rows: Row[], negatives: string[], hardCount: number, title: string): void {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  console.log(`\n## ${title}\n`);
  console.log('| document | expected | found | missed | wrong |');
  console.log('|---|---|---|---|---|');
  const misses: string[] = [];
  const wrongs: string[] = [];
  for (const r of rows) {
    const hit = [...r.expected].filter((k) => r.detected.has(k));
    const missed = [...r.expected].filter((k) => !r.detected.has(k));
    const wrong = [...r.detected].filter(([k]) => !r.expected.has(k) && !r.ignored.has(k));
    tp += hit.length;
    fn += missed.length;
    fp += wrong.length;
    if (r.expected.size || r.detected.size)
      console.log(`| ${basename(r.doc)} | ${r.expected.size} | ${hit.length} | ${missed.length} | ${wrong.length} |`);
    misses.push(...missed.map((k) => `${r.doc}: ${k}`));
    wrongs.push(...wrong.map(([k, t]) => `${r.doc}: "${t}" (${k})`));
  }
  const recall = tp / (tp + fn);
  const precision = tp / (tp + fp);
  console.log(
    `\ncitations (distinct per document): expected ${tp + fn}, found ${tp}, wrong ${fp}; recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
  );
  console.log(
    `hard negatives painted: ${negatives.length} (${rows.filter((r) => r.doc.includes('/neg-')).length} negative pages, ${hardCount} hard-negative strings)`,
  );
  if (misses.length) console.log(`\nmissed:\n  ${misses.join('\n  ')}`);
  if (wrongs.length) console.log(`\nwrong:\n  ${wrongs.join('\n  ')}`);
  if (negatives.length) console.log(`\nhard negatives found:\n  ${negatives.join('\n  ')}`);
}

const dir = process.argv.slice(2).find((a) => a !== '--') ?? '../shared/fixtures';
main(dir).catch((e) => {
  console.error(e);
  process.exit(1);
});
