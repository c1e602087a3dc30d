// @vitest-environment happy-dom
/**
 * The `<reg-lens-mark>` fallback (for documents without the Highlight API) wraps text and must restore
 * the DOM exactly; the store decides what is painted under the density and kinds settings.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../../core/detect/matcher';
import { MarkPainter } from '../../page/marks';
import { findMentions, type Mention } from '../../page/mentions';
import { MentionStore, type DisplayFilter } from '../../page/store';
import { dom } from './support/dom';
import { lexiconOf } from './support/lexicon';

const lexicon = lexiconOf('gdpr', 'gdprLong', 'kenya', 'eu');
const matcher = compileMatcher(lexicon);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the <reg-lens-mark> fallback', () => {
  it('wraps every painted piece, then restores the DOM exactly, node for node', () => {
    const body = dom('<p id="p">The GDPR, Kenya and the <b>General</b> Data Protection Regulation. GDPR again.</p><p>EU</p>');
    const before = body.innerHTML;
    const nodes = [...body.querySelectorAll('p')].flatMap((p) => [...p.childNodes]);
    const mentions = findMentions(body, matcher);
    expect(mentions.map((m) => m.detection.id)).toEqual(['gdpr', 'ke', 'gdpr', 'gdpr', 'eu']);
    const hooks = { beforeWrite: vi.fn(), afterWrite: vi.fn() };
    const painter = new MarkPainter(document, hooks);
    painter.add(mentions);
    const marks = [...body.querySelectorAll('reg-lens-mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['GDPR', 'Kenya', 'General', ' Data Protection Regulation', 'GDPR', 'EU']);
    expect(marks.map((m) => m.getAttribute('data-kind'))).toEqual([
      'framework',
      'jurisdiction',
      'framework',
      'framework',
      'framework',
      'jurisdiction',
    ]);
    expect(body.textContent).toBe('The GDPR, Kenya and the General Data Protection Regulation. GDPR again.EU');
    expect(hooks.beforeWrite).toHaveBeenCalled();
    expect(hooks.afterWrite).toHaveBeenCalled();

    painter.clear();
    expect(body.innerHTML).toBe(before);
    // The same node objects, in the same places: a framework holding references to them sees no change.
    expect([...body.querySelectorAll('p')].flatMap((p) => [...p.childNodes])).toEqual(nodes);
  });

  it('removing some mentions unwraps only those; the hit test and the geometry go through the marks', () => {
    const body = dom('<p>GDPR and Kenya and GDPR</p>');
    const before = body.innerHTML;
    const [a, ke, b] = findMentions(body, matcher) as [Mention, Mention, Mention];
    const painter = new MarkPainter(document);
    painter.add([a, ke, b]);
    painter.remove([ke]);
    expect([...body.querySelectorAll('reg-lens-mark')].map((m) => m.textContent)).toEqual(['GDPR', 'GDPR']);
    const second = body.querySelectorAll('reg-lens-mark')[1]!;
    expect(painter.mentionOfNode(second.firstChild!)).toBe(b);
    expect(painter.rangeOf(b).toString()).toBe('GDPR');
    painter.setCurrent(b);
    expect(second.getAttribute('style')).toContain('3px');
    painter.remove([a, b]);
    expect(body.innerHTML).toBe(before);
  });

  it('joins text back before it is read again, and wraps it again on the next change', () => {
    const body = dom('<p id="p">GDPR in Kenya</p>');
    const before = body.innerHTML;
    const painter = new MarkPainter(document);
    const first = findMentions(body, matcher);
    painter.add(first);
    painter.restoreWithin(document.getElementById('p')!);
    expect(body.innerHTML).toBe(before);
    // A rescan finds the same names in the joined text; the old mentions go, the new ones are painted.
    const again = findMentions(body, matcher);
    painter.remove(first);
    painter.add(again);
    expect([...body.querySelectorAll('reg-lens-mark')].map((m) => m.textContent)).toEqual(['GDPR', 'Kenya']);
    painter.clear();
    expect(body.innerHTML).toBe(before);
  });

  it('leaves text the page removed alone', () => {
    const body = dom('<p id="p">GDPR</p><p>Kenya</p>');
    const painter = new MarkPainter(document);
    painter.add(findMentions(body, matcher));
    document.getElementById('p')!.remove();
    expect(() => painter.clear()).not.toThrow();
    expect(body.innerHTML).toBe('<p>Kenya</p>');
  });
});

describe('what is painted', () => {
  const filter = (over: Partial<DisplayFilter> = {}): DisplayFilter => ({
    kinds: { framework: true, jurisdiction: true, technology: true, citation: true },
    density: { framework: 'every', jurisdiction: 'first', technology: 'first', citation: 'every' },
    ...over,
  });

  it('every framework mention, the first mention of each jurisdiction; a diff for the painter', () => {
    const body = dom('<p>Kenya, GDPR, Kenya, GDPR, EU, Kenya</p>');
    const ms = findMentions(body, matcher);
    const store = new MentionStore(filter());
    store.add(ms);
    const painted = (d: { add: Mention[] }) => d.add.map((m) => `${m.detection.id}@${m.startOffset}`).sort();
    expect(painted(store.takeDiff())).toEqual(['eu@26', 'gdpr@20', 'gdpr@7', 'ke@0'].sort());
    expect(store.takeDiff()).toEqual({ add: [], remove: [] });

    store.setFilter(filter({ density: { framework: 'first', jurisdiction: 'every', technology: 'first', citation: 'every' } }));
    const d = store.takeDiff();
    expect(d.add.map((m) => `${m.detection.id}@${m.startOffset}`).sort()).toEqual(['ke@13', 'ke@30']);
    expect(d.remove.map((m) => `${m.detection.id}@${m.startOffset}`)).toEqual(['gdpr@20']);

    store.setFilter(filter({ kinds: { framework: true, jurisdiction: false, technology: true, citation: true } }));
    expect(store.paintedInOrder().map((m) => m.detection.id)).toEqual(['gdpr', 'gdpr']);
    expect(store.entitiesFound().map((e) => e.id)).toEqual(['gdpr']);
  });

  it('the first mention is the first in reading order, even when found later (visible part first)', () => {
    const body = dom('<p id="a">Kenya above</p><p id="b">Kenya on screen</p>');
    const [above, onScreen] = findMentions(body, matcher) as [Mention, Mention];
    const store = new MentionStore(filter());
    store.add([onScreen]);
    expect(store.takeDiff().add).toEqual([onScreen]);
    store.add([above]);
    expect(store.takeDiff()).toEqual({ add: [above], remove: [onScreen] });
    // When it goes, the next one in reading order takes its place.
    store.remove([above]);
    expect(store.takeDiff()).toEqual({ add: [onScreen], remove: [above] });
    expect(store.entitiesFound()).toMatchObject([{ id: 'ke', count: 1, first: onScreen }]);
  });

  it('drops mentions whose text left the page', () => {
    const body = dom('<p id="a">GDPR</p><p>GDPR</p>');
    const store = new MentionStore(filter());
    store.add(findMentions(body, matcher));
    document.getElementById('a')!.remove();
    expect(store.pruneDetached()).toBe(1);
    expect(store.size).toBe(1);
  });
});
