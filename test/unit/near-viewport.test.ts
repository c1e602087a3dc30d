/**
 * Which painted mentions the Highlight painter registers: all of them on an ordinary page; once a document
 * holds many, those whose element the browser says is near the viewport.
 */
import { describe, expect, it } from 'vitest';
import { NEAR_VIEWPORT_FROM, NearViewport } from '../../page/near-viewport';
import type { Mention } from '../../page/mentions';

/** An IntersectionObserver the test drives: it records what is observed and answers when told. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly observed = new Set<object>();
  constructor(readonly callback: (entries: Array<{ target: object; isIntersecting: boolean }>) => void) {
    FakeObserver.last = this;
  }
  observe(el: object) {
    this.observed.add(el);
  }
  unobserve(el: object) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  say(target: object, isIntersecting: boolean) {
    this.callback([{ target, isIntersecting }]);
  }
}

function setup() {
  FakeObserver.last = undefined;
  const shown = new Set<Mention>();
  const win = { IntersectionObserver: FakeObserver } as unknown as Window & typeof globalThis;
  const near = new NearViewport(win, {
    show: (list) => {
      for (const m of list) shown.add(m);
    },
    hide: (list) => {
      for (const m of list) shown.delete(m);
    },
  });
  const paint = (m: Mention) => {
    if (near.track(m)) shown.add(m);
  };
  return { near, shown, paint };
}

const elements = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }));
const mentionIn = (el: object) => ({ startNode: { parentElement: el } }) as unknown as Mention;

describe('mentions near the viewport', () => {
  it('are all registered, with no observer, while a document holds fewer than the threshold', () => {
    const { shown, paint } = setup();
    const els = elements(NEAR_VIEWPORT_FROM - 1);
    for (const el of els) paint(mentionIn(el));
    expect(shown.size).toBe(NEAR_VIEWPORT_FROM - 1);
    expect(FakeObserver.last).toBeUndefined();
  });

  it('from the threshold on, follow what the browser says of each element: far ones leave, near ones come back', () => {
    const { shown, paint } = setup();
    const els = elements(NEAR_VIEWPORT_FROM);
    const mentions = els.map((el) => mentionIn(el));
    const second = mentionIn(els[0]!);
    mentions.forEach(paint);
    paint(second);
    const io = FakeObserver.last!;
    expect(io.observed.size).toBe(NEAR_VIEWPORT_FROM);
    // Painted at once; the browser's first answer hides what is far.
    expect(shown.size).toBe(NEAR_VIEWPORT_FROM + 1);
    io.say(els[0]!, false);
    expect(shown.has(mentions[0]!)).toBe(false);
    expect(shown.has(second)).toBe(false);
    io.say(els[0]!, true);
    expect(shown.has(mentions[0]!) && shown.has(second)).toBe(true);
    // A mention painted in an element known to be far waits until it comes near.
    io.say(els[1]!, false);
    const late = mentionIn(els[1]!);
    paint(late);
    expect(shown.has(late)).toBe(false);
    io.say(els[1]!, true);
    expect(shown.has(late)).toBe(true);
  });

  it('stop observing an element once its last mention is removed, and forget everything on clear', () => {
    const { near, paint } = setup();
    const els = elements(NEAR_VIEWPORT_FROM);
    const mentions = els.map((el) => mentionIn(el));
    mentions.forEach(paint);
    const io = FakeObserver.last!;
    near.untrack(mentions[3]!);
    expect(io.observed.has(els[3]!)).toBe(false);
    expect(io.observed.size).toBe(NEAR_VIEWPORT_FROM - 1);
    near.clear();
    expect(io.observed.size).toBe(0);
  });
});
