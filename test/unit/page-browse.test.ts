// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../data/index';
import { announcement, BrowseMode } from '../../page/browse';
import { describeView } from '../../page/describe-view';
import type { Mention } from '../../page/mentions';
import type { EntityView } from '../../protocol/messages';
import { citationInfo } from '../../core/detect/citations/info';

const d = loadDataset();
const view = (kind: EntityView['entity']['kind'], id: string): EntityView => {
  const record =
    kind === 'framework'
      ? d.frameworks.find((x) => x.id === id)
      : kind === 'jurisdiction'
        ? d.jurisdictions.find((x) => x.id === id)
        : d.technologies.find((x) => x.id === id);
  return { entity: { kind, record } as EntityView['entity'], names: {}, challenges: [], stages: [] };
};

const mention = (kind: 'framework' | 'jurisdiction' | 'technology', id: string, name: string): Mention =>
  ({ detection: { kind, id, name, text: name, start: 0, end: name.length, confidence: 1 } }) as Mention;

function setup(list: Mention[]) {
  const said: string[] = [];
  const shown: string[] = [];
  const deps = {
    mentions: () => list,
    show: vi.fn(async (m: Mention) => {
      shown.push(m.detection.id);
      return describeView(view(m.detection.kind, m.detection.id));
    }),
    hide: vi.fn(),
    announce: (t: string) => void said.push(t),
    startIndex: () => 0,
  };
  return { mode: new BrowseMode(deps), said, shown, deps };
}

const key = (k: string, mods: Partial<KeyboardEventInit> = {}) => new KeyboardEvent('keydown', { key: k, ...mods });

describe('what is announced', () => {
  it('names the mention, what it is, and where it stands', () => {
    expect(describeView(view('framework', 'gdpr'))).toBe('binding regulation');
    expect(describeView(view('framework', 'oecd-ai-principles'))).toBe('non-binding soft law');
    expect(describeView(view('jurisdiction', 'ke'))).toBe('country');
    expect(describeView(view('jurisdiction', 'eu'))).toBe('regional bloc');
    expect(describeView(view('technology', 'ai'))).toBe('emerging technology');
    // A citation without a record says the kind of instrument its form is.
    expect(describeView({ entity: { kind: 'citation', record: citationInfo('eo:13636')! }, names: {}, challenges: [], stages: [] })).toBe(
      'U.S. executive order',
    );
    expect(announcement('GDPR', 'binding regulation', 3, 12)).toBe('GDPR \u2014 binding regulation \u2014 3 of 12');
  });
});

describe('browse-mentions mode', () => {
  const list = [
    mention('jurisdiction', 'eu', 'EU'),
    mention('framework', 'gdpr', 'GDPR'),
    mention('technology', 'ai', 'Artificial intelligence'),
  ];

  it('walks the mentions in order with the keys, wrapping around, and leaves on Escape', async () => {
    const { mode, said, shown, deps } = setup(list);
    await mode.enter();
    expect(mode.onKey(key('ArrowDown'))).toBe(true);
    await vi.waitFor(() => expect(said).toHaveLength(2));
    mode.onKey(key('n'));
    await vi.waitFor(() => expect(said).toHaveLength(3));
    mode.onKey(key('ArrowDown'));
    await vi.waitFor(() => expect(said).toHaveLength(4));
    mode.onKey(key('ArrowUp'));
    await vi.waitFor(() => expect(said).toHaveLength(5));
    expect(said).toEqual([
      'EU \u2014 regional bloc \u2014 1 of 3',
      'GDPR \u2014 binding regulation \u2014 2 of 3',
      'Artificial intelligence \u2014 emerging technology \u2014 3 of 3',
      'EU \u2014 regional bloc \u2014 1 of 3',
      'Artificial intelligence \u2014 emerging technology \u2014 3 of 3',
    ]);
    expect(shown).toEqual(['eu', 'gdpr', 'ai', 'eu', 'ai']);
    // Keys with modifiers and other keys are the page's.
    expect(mode.onKey(key('ArrowDown', { ctrlKey: true }))).toBe(false);
    expect(mode.onKey(key('x'))).toBe(false);
    expect(mode.onKey(key('Escape'))).toBe(true);
    expect(mode.active).toBe(false);
    expect(deps.hide).toHaveBeenCalled();
    expect(said.at(-1)).toBe('Left mention browsing.');
    expect(mode.onKey(key('ArrowDown'))).toBe(false);
  });

  it('gives focus back to where it was when leaving', async () => {
    document.body.innerHTML = '<button id="b">x</button>';
    const b = document.getElementById('b')!;
    b.focus();
    const { mode } = setup(list);
    await mode.toggle(document);
    (document.activeElement as HTMLElement | null)?.blur();
    await mode.toggle(document);
    expect(document.activeElement).toBe(b);
  });

  it('says so when there is nothing to browse', async () => {
    const { mode, said } = setup([]);
    await mode.enter();
    expect(mode.active).toBe(false);
    expect(said).toEqual(['Regulatory Lens: no highlighted mentions on this page.']);
  });
});
