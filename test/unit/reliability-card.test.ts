// @vitest-environment happy-dom
/**
 * The dataset cannot inject markup: a card built through the real path (database -> loadEntityView ->
 * EntityCard) from records whose names, summaries, challenge reasons and source titles carry HTML renders
 * that HTML as text, and only https: source links become links. The records are written to the database
 * directly, past the zod schema, as a damaged or tampered database would hold them.
 */
import 'fake-indexeddb/auto';
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../ui/card/EntityCard';
import { loadDataset } from '../../data/index';
import type { Dataset } from '../../data/schema';
import { ensureSeeded, LensDb } from '../../platform/db';
import { loadEntityView } from '../../platform/entities';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
const BAD_URLS = [
  'javascript:window.__pwned=3',
  'http://insecure.example/law',
  'data:text/html,<script>window.__pwned=4</script>',
  '//evil.example/x',
];

/** The bundled dataset with hostile text in the display fields of one record of each kind, and hostile source URLs. */
function taintedDataset(): { data: Dataset; ids: { framework: string; jurisdiction: string; technology: string } } {
  const d = structuredClone(loadDataset());
  const f = d.frameworks.find((x) => x.id === 'gdpr') ?? d.frameworks[0]!;
  const j = d.jurisdictions.find((x) => x.id === f.issuer) ?? d.jurisdictions[0]!;
  const t = d.technologies[0]!;
  const taint = (r: { name: string; shortName?: string; summary: string; sources?: { title: string; url: string }[] }) => {
    r.name = `Name ${PAYLOAD}`;
    if ('shortName' in r) r.shortName = `Short ${PAYLOAD}`;
    r.summary = `Summary ${PAYLOAD}`;
    if (r.sources) {
      for (const s of r.sources) s.title = `Source ${PAYLOAD}`;
      r.sources.push(...BAD_URLS.map((url, i) => ({ ...r.sources![0]!, title: `bad source ${i}`, url })));
    }
  };
  taint(f as never);
  taint(j as never);
  taint(t as never);
  for (const c of f.challenges) c.why = `Why ${PAYLOAD}`;
  return { data: d, ids: { framework: f.id, jurisdiction: j.id, technology: t.id } };
}

let n = 0;
const container = () => document.body.appendChild(document.createElement('div'));

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
});

describe('cards render dataset text as text', () => {
  const { data, ids } = taintedDataset();

  for (const kind of ['framework', 'jurisdiction', 'technology'] as const) {
    it(`a ${kind} card: markup in names, summaries and source titles stays text; only https links are links`, async () => {
      const db = new LensDb(`rel-card-${++n}`);
      await ensureSeeded(db, data);
      const view = await loadEntityView(db, kind, ids[kind]);
      const root = container();
      render(h(EntityCard, { view }), root);

      // Not one element of the payload was created...
      expect(root.querySelectorAll('img, script, b, iframe, object, embed').length).toBe(0);
      expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
      // ...and it reads as the text it is.
      expect(root.textContent).toContain(`Summary ${PAYLOAD}`);
      expect(root.textContent).toContain('Name <img');
      expect(root.textContent).toContain('<img src=x onerror=');

      // Every link is an https link; the bad sources are listed, unlinked.
      const links = [...root.querySelectorAll('a')];
      for (const a of links) expect(new URL(a.getAttribute('href')!, 'https://base.invalid/').protocol, a.outerHTML).toBe('https:');
      for (const a of links) expect(BAD_URLS).not.toContain(a.getAttribute('href'));
      if (kind !== 'technology') {
        // Framework and jurisdiction cards list their sources (technology cards list none).
        expect(links.length).toBeGreaterThanOrEqual(1);
        for (let i = 0; i < BAD_URLS.length; i++) expect(root.textContent).toContain(`bad source ${i}`);
      }
      // No attribute anywhere carries a script URL or an event handler.
      for (const el of root.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) {
          expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
          expect(/^\s*(javascript|data):/i.test(el.getAttribute(attr) ?? ''), `${el.tagName} ${attr}`).toBe(false);
        }
      }
      db.close();
    });
  }
});
