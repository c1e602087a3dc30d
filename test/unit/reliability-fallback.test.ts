// @vitest-environment happy-dom
/**
 * DOM integrity for the `<reg-lens-mark>` fallback painter (the path used where the Highlight API is
 * missing; happy-dom has none, and the content script cannot be made to take it in Chromium because it
 * runs in an isolated world whose `Highlight` the page cannot delete). The same 200 generated DOMs as the
 * browser fuzz (test/e2e/reliability-support.ts), with the real dataset's lexicon: after switching off,
 * the DOM is the original byte for byte and node for node; while painted, only our marks differ.
 */
import { buildMatcherTables } from '../../core/detect/tables';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../data/index';
import { buildLexicon } from '../../core/detect/lexicon';
import type { CardUi } from '../../page/card-host';
import { Lens } from '../../page/lens';
import { DEFAULT_SETTINGS, type Settings } from '../../platform/settings';
import { attachShadows, generateDom, serializeDocument } from '../e2e/reliability-support';
import { fakeCtx } from './support/lens-ctx';

// Built once, as the background builds them once per dataset version and every tab receives the same.
const tables = buildMatcherTables(buildLexicon(loadDataset()));
const SEEDS = Array.from({ length: 200 }, (_, i) => i);

const card: CardUi = {
  open: async () => undefined,
  close() {},
  isOpen: () => false,
  contains: () => false,
  announce() {},
  setTheme() {},
  remove() {},
};

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

/** Every node in tree order with its type, name and data: stricter than innerHTML (adjacent text nodes count). */
function fingerprint(root: Node): string[] {
  const out: string[] = [];
  const visit = (n: Node, depth: number) => {
    out.push(`${depth}:${n.nodeType}:${n.nodeName}:${n.nodeType === 3 ? (n as Text).data : ''}`);
    if ((n as Element).shadowRoot) visit((n as Element).shadowRoot!, depth + 1);
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c, depth + 1);
  };
  visit(root, 0);
  return out;
}

function allMarks(): Element[] {
  const out: Element[] = [...document.querySelectorAll('reg-lens-mark')];
  for (const host of document.querySelectorAll('[data-fz-shadow]')) out.push(...(host.shadowRoot?.querySelectorAll('reg-lens-mark') ?? []));
  return out;
}

let ctx: ReturnType<typeof fakeCtx> | undefined;
afterEach(() => ctx?.invalidate());

describe('the <reg-lens-mark> fallback over 200 generated DOMs', () => {
  it(
    'paints each one, the same again after re-enabling, and switching off (and off again after re-enabling) restores it exactly',
    { timeout: 60_000 },
    async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      let painted = 0;
      let inShadows = 0;
      for (const seed of SEEDS) {
        const dom = generateDom(seed);
        document.body.innerHTML = `<section data-fz="${seed}">${dom.light}</section>`;
        attachShadows(document, dom);
        const before = serializeDocument(document);
        const nodes = fingerprint(document.body);

        ctx = fakeCtx();
        // The first scan runs on the real clock; the second on one that moves 1 ms at every look, so that it
        // cuts the page into slices (and the matcher's runs) at other places.
        let ticks: number | undefined;
        const now = () => (ticks === undefined ? performance.now() : ++ticks);
        const lens = new Lens({
          ctx,
          doc: document,
          hostname: 'example.org',
          loadMatcherTables: async () => tables,
          createCard: async () => card,
          forceFallback: true,
          now,
        });
        await lens.apply(settings());
        await lens.idle();
        const marks = allMarks();
        expect(marks.length, `seed ${seed}: nothing painted`).toBeGreaterThan(0);
        painted += marks.length;
        inShadows += marks.filter((m) => m.getRootNode() instanceof ShadowRoot).length;
        // While painted, taking our marks out gives the original text back.
        const paintedDom = serializeDocument(document);
        const unwrapped = paintedDom.replace(/<reg-lens-mark[^>]*>|<\/reg-lens-mark>/g, '');
        expect(unwrapped, `seed ${seed}: painting changed more than the marks`).toBe(before);

        await lens.apply(settings({ enabled: false }));
        expect(serializeDocument(document), `seed ${seed}: after switching off`).toBe(before);
        expect(fingerprint(document.body), `seed ${seed}: node structure after switching off`).toEqual(nodes);

        ticks = 0;
        await lens.apply(settings());
        await lens.idle();
        // The same marks in the same places: what a scan finds does not depend on how it was cut into
        // slices or in which order it read the page.
        expect(serializeDocument(document), `seed ${seed}: painted differently after re-enabling`).toBe(paintedDom);
        await lens.apply(settings({ enabled: false }));
        expect(serializeDocument(document), `seed ${seed}: after re-enabling and switching off`).toBe(before);
        expect(fingerprint(document.body)).toEqual(nodes);
        ctx.invalidate();
        ctx = undefined;
      }
      expect(painted).toBeGreaterThan(SEEDS.length);
      // Shadow roots were painted too, not skipped.
      expect(inShadows).toBeGreaterThan(0);
      console.info(`fallback fuzz: ${SEEDS.length} DOMs, ${painted} marks (${inShadows} in shadow roots)`);
      // Nothing in 200 DOMs was worth a warning.
      expect(warn).not.toHaveBeenCalled();
      warn.mockRestore();
    },
  );
});
