// @vitest-environment happy-dom
/**
 * Cutting a page into scan units, scanning them in batches, and what changes of the page mean for the
 * scan. The chunked scan must find what one whole-page scan finds.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../core/detect/matcher';
import { dirtyFromRecords, outermost } from '../../page/living';
import { findMentions, joinIndexes, mentionsIn, unitIndex, compareNodes, type Unit } from '../../page/mentions';
import { allUnits, UnitWalker } from '../../page/units';
import { viewportFirst } from '../../page/viewport';
import { dom } from './support/dom';
import { lexiconOf } from './support/lexicon';

const lexicon = lexiconOf('gdpr', 'gdprLong', 'kenya', 'blockchain');
const matcher = compileMatcher(lexicon);

const describeUnit = (u: Unit) =>
  u.kind === 'element'
    ? `<${u.root.tagName.toLowerCase()}${u.root.id ? `#${u.root.id}` : ''}>`
    : `run(${u.nodes.map((n) => (n.nodeType === 3 ? JSON.stringify((n as Text).data.trim()) : (n as Element).tagName.toLowerCase())).join(',')})`;

/** Scans units the way the page does: in batches joined by the block separator. */
function chunkedMentions(root: Node, batch = 2) {
  const units = allUnits(root);
  const out = [];
  for (let i = 0; i < units.length; i += batch) {
    out.push(...mentionsIn(joinIndexes(units.slice(i, i + batch).map(unitIndex)), matcher, document, 0));
  }
  return out.map((m) => `${m.detection.id}@${m.startNode.data.slice(m.startOffset, m.startOffset + 8)}`);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scan units', () => {
  it('are leaf blocks whole, and runs of inline content between the blocks of a larger container', () => {
    const body = dom('<div id="c">Loose <b>text</b> here<p id="a">A <i>para</i></p>tail<section><h2>T</h2><p>B</p></section></div>');
    expect(allUnits(body).map(describeUnit)).toEqual(['run("Loose",b,"here")', '<p#a>', 'run("tail")', '<h2>', '<p>']);
  });

  it('skip textareas, inputs, code, editable regions and hidden subtrees, and whitespace between blocks', () => {
    const body = dom(
      '<div><p id="k">kept</p>\n  <textarea>GDPR</textarea><pre>GDPR</pre><div contenteditable="true"><p>GDPR</p></div><div hidden><p>GDPR</p></div><p aria-hidden="true">GDPR</p></div>',
    );
    expect(allUnits(body).map(describeUnit)).toEqual(['<p#k>']);
  });

  it('a container inside an editable region yields nothing (a change there is never scanned)', () => {
    dom('<div contenteditable="true"><p id="in">GDPR</p></div>');
    expect(allUnits(document.getElementById('in')!)).toEqual([]);
  });

  it('report open shadow roots and frames, wherever they are', () => {
    const body = dom('<p>A <span id="host"></span></p><div><iframe></iframe></div>');
    const sr = document.getElementById('host')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>GDPR inside</p>';
    const found: string[] = [];
    allUnits(body, { shadowRoot: (r) => found.push(`shadow:${r.host.id}`), frame: (f) => found.push(`frame:${f.tagName}`) });
    expect(found).toEqual(['shadow:host', 'frame:IFRAME']);
    expect(allUnits(sr).map(describeUnit)).toEqual(['<p>']);
  });

  it('are pulled one at a time, so a walk can stop anywhere and resume', () => {
    const body = dom(Array.from({ length: 50 }, (_, i) => `<p>p${i}</p>`).join(''));
    const w = new UnitWalker(body);
    const first = [w.next(), w.next()].map((u) => describeUnit(u!));
    expect(first).toEqual(['<p>', '<p>']);
    let rest = 0;
    while (w.next()) rest++;
    expect(rest).toBe(48);
    expect(w.done).toBe(true);
  });
});

describe('a chunked scan', () => {
  it('finds what one scan of the whole page finds, names split over inline elements included', () => {
    const html =
      '<h1>GDPR and Kenya</h1><div>Intro about blockchain <b>General</b> Data Protection Regulation<p>In Kenya the GDPR</p>more GDPR text</div>' +
      '<ul><li>GDPR</li><li>Kenya <em>and</em> blockchain</li></ul><table><tr><td>GDPR</td><td>General Data <i>Protection</i> Regulation</td></tr></table>';
    const body = dom(html);
    const before = body.innerHTML;
    const whole = findMentions(body, matcher).map((m) => `${m.detection.id}@${m.startNode.data.slice(m.startOffset, m.startOffset + 8)}`);
    expect(whole.length).toBe(12);
    for (const batch of [1, 2, 3, 100]) expect(chunkedMentions(body, batch)).toEqual(whole);
    expect(body.innerHTML).toBe(before);
  });

  it('never joins the last words of one unit with the first words of the next', () => {
    const body = dom('<p>General Data</p><p>Protection Regulation</p>');
    expect(chunkedMentions(body, 2)).toEqual([]);
  });
});

describe('reading order', () => {
  it("places a shadow root's content where its host is", () => {
    const body = dom('<p id="a">a</p><div id="host"></div><p id="b">b</p>');
    const sr = document.getElementById('host')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>inside</p>';
    const a = document.getElementById('a')!.firstChild!;
    const b = document.getElementById('b')!.firstChild!;
    const inside = sr.firstChild!.firstChild!;
    expect(compareNodes(a, inside)).toBeLessThan(0);
    expect(compareNodes(inside, b)).toBeLessThan(0);
    expect(compareNodes(b, a)).toBeGreaterThan(0);
    void body;
  });
});

describe('what a mutation batch means for the scan', () => {
  const rec = (type: MutationRecordType, target: Node, added: Node[] = [], removed: Node[] = []) =>
    ({ type, target, addedNodes: added as unknown as NodeList, removedNodes: removed as unknown as NodeList }) as MutationRecord;

  it('changed text rescans its block; a new block is read on its own; new inline content rescans the block around it', () => {
    const body = dom('<div id="c"><p id="p">Text <b id="b">bold</b></p><p id="q"></p></div>');
    const p = document.getElementById('p')!;
    const newBlock = document.createElement('p');
    document.getElementById('c')!.append(newBlock);
    const span = document.createElement('span');
    document.getElementById('q')!.append(span);
    const d = dirtyFromRecords(
      [
        rec('characterData', document.getElementById('b')!.firstChild!),
        rec('childList', document.getElementById('c')!, [newBlock]),
        rec('childList', document.getElementById('q')!, [span]),
      ],
      body,
    );
    expect(d.blocks.map((n) => (n as Element).id || (n as Element).tagName)).toEqual(['p', 'P', 'q']);
    expect(d.removed).toBe(false);
    void p;
  });

  it('removals are reported; changes inside editors and our own card are ignored', () => {
    const body = dom('<div id="ed" contenteditable="true"><p id="e">x</p></div><p id="p">y</p>');
    const card = document.createElement('reg-lens-card');
    // The name the card takes on a page that claimed the first one.
    const renamed = document.createElement('reg-lens-card-0f3a9c12');
    document.documentElement.append(card, renamed);
    const gone = document.createElement('b');
    const d = dirtyFromRecords(
      [
        rec('characterData', document.getElementById('e')!.firstChild!),
        rec('childList', document.documentElement, [card, renamed]),
        rec('childList', document.getElementById('p')!, [], [gone]),
      ],
      body,
    );
    expect(d.blocks.map((n) => (n as Element).id)).toEqual(['p']);
    expect(d.removed).toBe(true);
    card.remove();
    renamed.remove();
  });

  it('folds nested changes into the outermost block', () => {
    dom('<div id="o"><p id="i">x</p></div><p id="s">y</p>');
    const [o, i, s] = ['o', 'i', 's'].map((id) => document.getElementById(id)!);
    expect(outermost(new Set([i!, o!, s!]))).toEqual([o, s]);
  });
});

describe('viewport first', () => {
  it('puts the units on screen first, then those below, then those above', () => {
    const units = Array.from({ length: 100 }, (_, i) => ({ kind: 'run', nodes: [document.createTextNode(String(i))] }) as Unit);
    // Each unit is 20px tall; the page is scrolled 1000px down; the viewport is 200px tall.
    const box = (u: Unit) => {
      const i = Number((u as unknown as { nodes: Text[] }).nodes[0]!.data);
      return { top: i * 20 - 1000, bottom: i * 20 - 980 };
    };
    const order = viewportFirst(units, 200, box).map((u) => Number((u as unknown as { nodes: Text[] }).nodes[0]!.data));
    expect(order.slice(0, 11)).toEqual([49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    expect(order.slice(11, 14)).toEqual([60, 61, 62]);
    expect(order.slice(-2)).toEqual([47, 48]);
    expect(new Set(order).size).toBe(100);
  });
});
