// @vitest-environment happy-dom
/**
 * Same-origin frames become roots: whatever state their document is in when the page is scanned, the
 * document the frame ends up showing is read.
 */
import { describe, expect, it } from 'vitest';
import { Roots, type RootEvents } from '../../page/roots';
import type { ScanRoot } from '../../page/mentions';
import { fakeCtx } from './support/lens-ctx';

/** An iframe element whose document the test swaps, as a navigation does. */
function frameShowing(doc: Document | null) {
  // Not connected: happy-dom would try to load it, and the roots only ask the element for its document.
  const frame = document.createElement('iframe');
  let current = doc;
  Object.defineProperty(frame, 'contentDocument', { get: () => current });
  return {
    frame,
    navigate(next: Document | null) {
      current = next;
    },
    load: () => frame.dispatchEvent(new Event('load')),
  };
}

function rootsRecording() {
  const added: ScanRoot[] = [];
  const dropped: ScanRoot[] = [];
  const on: RootEvents = {
    added: (r) => added.push(r),
    changed: () => {},
    storm: () => {},
    dropped: (r) => dropped.push(r),
    frameDocument: () => {},
  };
  return { roots: new Roots(document, fakeCtx(), on), added, dropped };
}

const parsedDocument = () => document.implementation.createHTMLDocument('frame');
function documentBeforeItsRoot() {
  const d = document.implementation.createHTMLDocument('frame');
  d.documentElement.remove();
  return d;
}

describe('frames as roots', () => {
  it('a frame whose document is already parsed is read at once', () => {
    const doc = parsedDocument();
    const { frame } = frameShowing(doc);
    const { roots, added } = rootsRecording();
    roots.addFrame(frame);
    expect(added).toEqual([doc]);
  });

  it('a document met before the parser made its root element is read when the frame loads', () => {
    // The CI failure: the frame's document was seen too early, remembered as attached, and its load ignored.
    const doc = documentBeforeItsRoot();
    const f = frameShowing(doc);
    const { roots, added } = rootsRecording();
    roots.addFrame(f.frame);
    expect(added).toEqual([]);
    doc.append(doc.createElement('html'));
    f.load();
    expect(added).toEqual([doc]);
  });

  it('a navigation swaps the frame’s root: the old document is dropped, the new one read', () => {
    const first = parsedDocument();
    const f = frameShowing(first);
    const { roots, added, dropped } = rootsRecording();
    roots.addFrame(f.frame);
    const second = parsedDocument();
    f.navigate(second);
    f.load();
    expect(added).toEqual([first, second]);
    expect(dropped).toEqual([first]);
  });

  it('a cross-origin frame (no readable document) is not a root, and a load does not change that', () => {
    const f = frameShowing(null);
    const { roots, added } = rootsRecording();
    roots.addFrame(f.frame);
    f.load();
    expect(added).toEqual([]);
  });
});
