// @vitest-environment happy-dom
/**
 * A document whose Highlight painter throws is painted by the `<reg-lens-mark>` fallback instead of not at
 * all: Firefox 140's content scripts see `document.adoptedStyleSheets` as an opaque wrapper (no iterator,
 * assigning throws), and a page can break the Highlight API under us at any time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../../core/detect/matcher';
import { findMentions } from '../../page/mentions';
import { Paintwork } from '../../page/paintwork';
import { dom } from './support/dom';
import { lexiconOf } from './support/lexicon';

const matcher = compileMatcher(lexiconOf('gdpr', 'kenya'));
const marks = () => [...document.querySelectorAll('reg-lens-mark')].map((m) => m.textContent);

/** A minimal Highlight API on happy-dom's window, so that the Highlight painter is the one preferred. */
class FakeHighlight extends Set<StaticRange> {
  priority = 0;
}
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  registry = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal(
    'StaticRange',
    class {
      constructor(readonly init: StaticRangeInit) {}
    },
  );
  // happy-dom's CSS is a getter that makes a new object each time: stub it whole.
  vi.stubGlobal('CSS', { highlights: registry });
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete (document as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
});

const paintwork = (report = vi.fn()) => ({
  report,
  paint: new Paintwork({ hooks: { beforeWrite() {}, afterWrite() {} }, isPainted: () => true, report }),
});

describe('falling back from the Highlight API', () => {
  it('paints with the Highlight API, and no element, where it works', () => {
    const body = dom('<p>The GDPR applies in Kenya.</p>');
    const before = body.innerHTML;
    const { paint, report } = paintwork();
    expect(paint.apply({ add: findMentions(body, matcher), remove: [] })).toBe(2);
    expect(registry.get('reglens-framework')?.size).toBe(1);
    expect(body.innerHTML).toBe(before);
    expect(report).not.toHaveBeenCalled();
  });

  it('uses the <reg-lens-mark> fallback when the stylesheet cannot be adopted (an opaque adoptedStyleSheets)', () => {
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => ({}),
      set: () => {
        throw new Error('Accessing from Xray wrapper is not supported.');
      },
    });
    const body = dom('<p>The GDPR applies in Kenya.</p>');
    const { paint, report } = paintwork();
    expect(paint.apply({ add: findMentions(body, matcher), remove: [] })).toBe(2);
    expect(marks()).toEqual(['GDPR', 'Kenya']);
    expect(registry.size).toBe(0);
    expect(report).toHaveBeenCalledWith('painting with the Highlight API', expect.any(TypeError));
  });

  it('moves what was already painted to the fallback when the Highlight painter fails later, leaving no highlight behind', () => {
    const body = dom('<p id="a">The GDPR.</p><p id="b">Kenya.</p>');
    const [gdpr, kenya] = findMentions(body, matcher);
    const { paint, report } = paintwork();
    paint.apply({ add: [gdpr!], remove: [] });
    expect(marks()).toEqual([]);
    vi.spyOn(registry, 'set').mockImplementation(() => {
      throw new Error('the page broke CSS.highlights');
    });
    registry.clear(); // the page cleared the registry, and refreshing it now throws
    expect(paint.apply({ add: [kenya!], remove: [] })).toBe(1);
    expect(marks()).toEqual(['GDPR', 'Kenya']);
    expect(report).toHaveBeenCalledWith('painting', expect.any(Error));
    paint.clear();
    expect(body.innerHTML).toBe('<p id="a">The GDPR.</p><p id="b">Kenya.</p>');
  });
});
