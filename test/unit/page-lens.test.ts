// @vitest-environment happy-dom
/**
 * The page side's life cycle in a DOM of our own, with the `<reg-lens-mark>` fallback painter (happy-dom
 * has no Highlight API, which is exactly the fallback's case): scan, paint, follow the page's changes,
 * answer the page protocol, and leave the page exactly as it was when switched off.
 */
import { buildMatcherTables } from '../../core/detect/tables';
import { fusePairScore } from '../../core/detect/fuzzy-score';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardUi } from '../../page/card-host';
import { Lens } from '../../page/lens';
import type { Mention } from '../../page/mentions';
import { DEFAULT_SETTINGS, type Settings } from '../../platform/settings';
import { fakeCtx } from './support/lens-ctx';
import { lexiconOf } from './support/lexicon';

const lexicon = lexiconOf('gdpr', 'mica', 'kenya', 'blockchain');

function fakeCard() {
  const opened: Mention[] = [];
  const card: CardUi & { opened: Mention[]; announced: string[] } = {
    opened,
    announced: [],
    open: vi.fn(async (m: Mention) => {
      opened.push(m);
      return undefined;
    }),
    close: vi.fn(),
    isOpen: () => false,
    contains: () => false,
    announce: vi.fn((t: string) => void card.announced.push(t)),
    setTheme: vi.fn(),
    remove: vi.fn(),
  };
  return card;
}

const marks = () => [...document.querySelectorAll('reg-lens-mark')].map((m) => m.textContent);
type Over = Partial<Omit<Settings, 'kinds' | 'density'>> & { kinds?: Partial<Settings['kinds']>; density?: Partial<Settings['density']> };
const settings = (over: Over = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  ...over,
  kinds: { ...DEFAULT_SETTINGS.kinds, ...over.kinds },
  density: { ...DEFAULT_SETTINGS.density, ...over.density },
});

let ctx: ReturnType<typeof fakeCtx>;
let card: ReturnType<typeof fakeCard>;
let lens: Lens;

beforeEach(() => {
  document.body.innerHTML =
    '<main><p id="a">Kenya regulates blockchain. The GDPR applies.</p><p id="b">Kenya again; GDPR again.</p><textarea id="t">GDPR</textarea></main>';
  ctx = fakeCtx();
  card = fakeCard();
  lens = new Lens({
    ctx,
    doc: document,
    hostname: 'example.org',
    loadMatcherTables: async () => buildMatcherTables(lexicon),
    createCard: async () => card,
    forceFallback: true,
  });
});

afterEach(() => {
  ctx.invalidate();
});

describe('the lens', () => {
  it('paints what the settings ask for and, switched off, leaves the DOM exactly as it was', async () => {
    const before = document.body.innerHTML;
    await lens.apply(settings());
    await lens.idle();
    expect(marks()).toEqual(['Kenya', 'blockchain', 'GDPR', 'GDPR']);
    expect(document.getElementById('t')!.textContent).toBe('GDPR');

    await lens.apply(settings({ density: { framework: 'first', jurisdiction: 'every' } }));
    expect(marks()).toEqual(['Kenya', 'blockchain', 'GDPR', 'Kenya']);

    await lens.apply(settings({ enabled: false }));
    expect(document.body.innerHTML).toBe(before);
    await lens.apply(settings({ pausedHosts: ['example.org'] }));
    expect(document.body.innerHTML).toBe(before);
    await lens.apply(settings());
    await lens.idle();
    expect(marks()).toHaveLength(4);
    ctx.invalidate();
    expect(document.body.innerHTML).toBe(before);
  });

  it('follows the page: added, edited and removed text', async () => {
    await lens.apply(settings({ density: { jurisdiction: 'every' } }));
    await lens.idle();
    const p = document.createElement('p');
    p.textContent = 'Later, MiCA.';
    document.querySelector('main')!.append(p);
    await vi.waitFor(() => expect(marks()).toContain('MiCA'));

    // The page edits a text node that holds a mark: the old mentions go, the new text is read.
    const b = document.getElementById('b')!;
    b.textContent = 'Now only MiCA here.';
    await vi.waitFor(() => expect(marks()).toEqual(['Kenya', 'blockchain', 'GDPR', 'MiCA', 'MiCA']));

    p.remove();
    await vi.waitFor(() => expect(marks()).toEqual(['Kenya', 'blockchain', 'GDPR', 'MiCA']));
    const found = await lens.pageMentions();
    expect(found.mentions.map((m) => `${m.id}:${m.count}:${m.index}`)).toEqual(['ke:1:0', 'blockchain:1:1', 'gdpr:1:2', 'mica:1:3']);
  });

  it('answers the page protocol: mentions per entity, reveal, browse, stats', async () => {
    await lens.apply(settings());
    await lens.idle();
    const { mentions } = await lens.pageMentions();
    expect(mentions).toEqual([
      { kind: 'jurisdiction', id: 'ke', name: 'Kenya', count: 2, index: 0 },
      { kind: 'technology', id: 'blockchain', name: 'Blockchain', count: 1, index: 1 },
      { kind: 'framework', id: 'gdpr', name: 'GDPR', count: 2, index: 2 },
    ]);
    await lens.revealMention('framework', 'gdpr');
    expect(card.opened.map((m) => m.detection.id)).toEqual(['gdpr']);
    await expect(lens.revealMention('framework', 'mica')).rejects.toThrow(/no mention of framework:mica/);

    await lens.browseMentions();
    await vi.waitFor(() => expect(card.announced.at(-1)).toBe('Kenya \u2014 jurisdiction \u2014 1 of 4'));
    expect(lens.browse.active).toBe(true);
    await lens.browseMentions();
    expect(lens.browse.active).toBe(false);

    const stats = lens.pageStats();
    expect(stats).toMatchObject({ active: true, mentions: 5, painted: 4 });
    expect(stats.initialScanDone).toBeGreaterThanOrEqual(stats.matcherReady!);

    await lens.apply(settings({ enabled: false }));
    await expect(lens.pageMentions()).rejects.toThrow('Regulatory Lens is switched off.');
  });
});

describe('the card, created on first need', () => {
  const lensWith = (createCard: () => Promise<CardUi>) =>
    new Lens({
      ctx,
      doc: document,
      hostname: 'example.org',
      loadMatcherTables: async () => buildMatcherTables(lexicon),
      createCard,
      forceFallback: true,
    });

  it('is not created when the page is painted, only when a card is first shown, and then once', async () => {
    const createCard = vi.fn(async () => card);
    const lens = lensWith(createCard);
    await lens.apply(settings({ theme: 'dark' }));
    await lens.idle();
    expect(marks()).toHaveLength(4);
    await lens.pageMentions();
    expect(createCard).not.toHaveBeenCalled();

    await lens.revealMention('framework', 'gdpr');
    await lens.revealMention('jurisdiction', 'ke');
    expect(createCard).toHaveBeenCalledTimes(1);
    expect(card.opened.map((m) => m.detection.id)).toEqual(['gdpr', 'ke']);
    expect(card.setTheme).toHaveBeenCalledWith('dark');
  });

  it('that cannot be created leaves the highlights painted, is reported once, and is tried again on the next need', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const blocked = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const createCard = vi
      .fn<() => Promise<CardUi>>()
      .mockImplementationOnce(blocked)
      .mockImplementationOnce(blocked)
      .mockImplementation(async () => card);
    const lens = lensWith(createCard);
    await lens.apply(settings());
    await lens.idle();

    await expect(lens.revealMention('framework', 'gdpr')).rejects.toThrow('Failed to fetch');
    // Browsing without a card neither throws nor leaves a rejection unhandled; its announcement is one more try.
    await lens.browseMentions();
    await vi.waitFor(() => expect(createCard).toHaveBeenCalledTimes(3));
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('loading the card UI failed'))).toHaveLength(1);
    expect(marks()).toEqual(['Kenya', 'blockchain', 'GDPR', 'GDPR']);

    await lens.browseMentions();
    await lens.revealMention('framework', 'gdpr');
    expect(card.opened.at(-1)?.detection.id).toBe('gdpr');
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('loading the card UI failed'))).toHaveLength(1);
    warn.mockRestore();
  });

  it('that arrives after the lens was switched off is removed at once and never shown', async () => {
    let arrive!: (c: CardUi) => void;
    const lens = lensWith(() => new Promise<CardUi>((r) => (arrive = r)));
    await lens.apply(settings());
    await lens.idle();
    const reveal = lens.revealMention('framework', 'gdpr');
    await vi.waitFor(() => expect(arrive).toBeTypeOf('function'));
    await lens.apply(settings({ enabled: false }));
    arrive(card);
    await expect(reveal).rejects.toThrow('Regulatory Lens stopped');
    expect(card.remove).toHaveBeenCalledTimes(1);
    expect(card.opened).toEqual([]);
  });
});

describe('the fuzzy scorer, loaded on need', () => {
  const withLongName = lexiconOf('gdpr', 'mica', 'kenya', 'blockchain', 'gdprLong');
  const lensWith = (loadFuzzyScorer?: () => Promise<(a: string, b: string) => number>) =>
    new Lens({
      ctx,
      doc: document,
      hostname: 'example.org',
      loadMatcherTables: async () => buildMatcherTables(withLongName),
      createCard: async () => card,
      forceFallback: true,
      loadFuzzyScorer,
    });

  it('is not asked for on a page whose names are written exactly', async () => {
    const load = vi.fn(async () => fusePairScore);
    lens = lensWith(load);
    await lens.apply(settings());
    await lens.idle();
    expect(marks()).toEqual(['Kenya', 'blockchain', 'GDPR', 'GDPR']);
    expect(load).not.toHaveBeenCalled();
  });

  it('is asked for once on a page with a misspelled long name, which is then painted', async () => {
    document.body.innerHTML = '<p>Under the Genral Data Protection Regulation and the Genral Data Protection Regulation, Kenya acts.</p>';
    const load = vi.fn(async () => fusePairScore);
    lens = lensWith(load);
    await lens.apply(settings());
    await lens.idle();
    await vi.waitFor(() => expect(marks()).toContain('Genral Data Protection Regulation'));
    await lens.idle();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('that fails to load is reported once, leaves the rest painted, and is asked for again at the next need', async () => {
    document.body.innerHTML = '<p>Under the Genral Data Protection Regulation, Kenya acts.</p>';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = vi
      .fn<() => Promise<typeof fusePairScore>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(fusePairScore);
    lens = lensWith(load);
    await lens.apply(settings());
    await lens.idle();
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(marks()).toEqual(['Kenya']);
    document.body.insertAdjacentHTML('beforeend', '<p>The Genral Data Protection Regulation again.</p>');
    await vi.waitFor(() => expect(marks()).toContain('Genral Data Protection Regulation'), { timeout: 3000 });
    expect(load).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
