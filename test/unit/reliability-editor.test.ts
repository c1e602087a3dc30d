// @vitest-environment happy-dom
/**
 * Typing in a rich editor costs the page nothing: an editor re-renders its DOM on every keystroke,
 * and what it removes was never scanned, so it must not make the lens re-check every mention on the page
 * (a pass that grows with the page: about 1 ms per keystroke at 6,000 mentions on this machine). Unless
 * the subtree became unread in the very batch that removed from it: then its mentions must still go.
 * (The editor in a real browser: test/e2e/reliability-editor.spec.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../core/detect/lexicon';
import { buildMatcherTables } from '../../core/detect/tables';
import type { CardUi } from '../../page/card-host';
import { Lens } from '../../page/lens';
import { dirtyFromRecords } from '../../page/living';
import { DEFAULT_SETTINGS } from '../../platform/settings';
import { dom } from './support/dom';
import { fakeCtx } from './support/lens-ctx';

const rec = (type: MutationRecordType, target: Node, added: Node[] = [], removed: Node[] = []) =>
  ({ type, target, addedNodes: added as unknown as NodeList, removedNodes: removed as unknown as NodeList }) as MutationRecord;

describe('removals in a batch of changes', () => {
  it('inside an editor (or a form field, or a hidden subtree): nothing to rescan, nothing to prune', () => {
    const body = dom(
      '<div id="ed" contenteditable="true"><div class="para"><span>GDPR</span></div></div><p id="p">GDPR</p><div hidden><p id="h">x</p></div>',
    );
    const para = document.querySelector('.para')!;
    const span = para.firstChild!;
    const fresh = document.createElement('span');
    para.replaceChildren(fresh);
    const d = dirtyFromRecords(
      [rec('childList', para, [fresh], [span]), rec('childList', document.getElementById('h')!, [], [document.createTextNode('x')])],
      body,
    );
    expect(d).toEqual({ blocks: [], removed: false });
  });

  it('outside them, or in a subtree that became unread in the same batch: pruned', () => {
    const body = dom('<div id="box"><p id="p">GDPR <b>x</b></p></div><p id="q">y</p>');
    const gone = document.createElement('b');
    expect(dirtyFromRecords([rec('childList', document.getElementById('q')!, [], [gone])], body).removed).toBe(true);
    const box = document.getElementById('box')!;
    box.setAttribute('contenteditable', 'true');
    const d = dirtyFromRecords([rec('attributes', box), rec('childList', document.getElementById('p')!, [], [gone])], body);
    expect(d.removed).toBe(true);
    expect(d.blocks).toEqual([box]);
  });
});

describe('the lens around an editor', () => {
  let ctx: ReturnType<typeof fakeCtx> | undefined;
  afterEach(() => ctx?.invalidate());

  it('drops the mentions of text removed from a subtree in the same task that made it editable', async () => {
    const lexicon: Lexicon = { version: 't', entries: [{ term: 'GDPR', kind: 'framework', id: 'gdpr', name: 'GDPR' }] };
    const card: CardUi = {
      open: async () => undefined,
      close() {},
      isOpen: () => false,
      contains: () => false,
      announce() {},
      setTheme() {},
      remove() {},
    };
    ctx = fakeCtx();
    const lens = new Lens({
      ctx,
      doc: document,
      hostname: 'example.org',
      loadMatcherTables: async () => buildMatcherTables(lexicon),
      createCard: async () => card,
      forceFallback: true,
    });
    dom('<div id="box"><p id="p">The GDPR <b>x</b></p></div><p id="q">And the GDPR.</p>');
    await lens.apply(DEFAULT_SETTINGS);
    await lens.idle();
    expect(lens.pageStats()).toMatchObject({ mentions: 2, painted: 2 });
    const box = document.getElementById('box')!;
    box.setAttribute('contenteditable', 'true');
    // The fallback painter wrapped the name: take the whole paragraph's content out.
    document.getElementById('p')!.replaceChildren();
    await new Promise((r) => setTimeout(r, 0));
    await lens.idle();
    expect(lens.pageStats()).toMatchObject({ mentions: 1, painted: 1 });
    expect(document.querySelectorAll('reg-lens-mark')).toHaveLength(1);
  });
});
