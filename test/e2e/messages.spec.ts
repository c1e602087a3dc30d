// Messages: only this extension's own contexts are answered, every request is validated, and junk never
// changes state. The payloads are generated from a fixed seed so a failure can be replayed.
import { expect, test } from './fixtures';
import { bundledDataset } from './dataset';

const dataset = bundledDataset();

/** Mulberry32: a small seeded PRNG, so the fuzz corpus is the same on every run. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function junk(n: number): unknown[] {
  const r = rng(20261126);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const strings = [
    '',
    'getEntity',
    'getLexicon ',
    'GETLEXICON',
    '<img src=x onerror=alert(1)>',
    '../../etc/passwd',
    'a'.repeat(5000),
    '\u0000',
    '\u202e',
    'framework',
    'gdpr',
    '__proto__',
    'constructor',
  ];
  const value = (depth: number): unknown => {
    const k = Math.floor(r() * (depth > 2 ? 5 : 8));
    switch (k) {
      case 0:
        return pick(strings);
      case 1:
        return Math.floor(r() * 2 ** 40) * (r() < 0.5 ? -1 : 1);
      case 2:
        return r() < 0.5;
      case 3:
        return null;
      case 4:
        return pick([NaN, Infinity, -0, 1e308]);
      case 5:
        return Array.from({ length: Math.floor(r() * 4) }, () => value(depth + 1));
      default: {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < 1 + Math.floor(r() * 4); i++) o[pick(['type', 'kind', 'id', 'extra', '__proto__', 'value'])] = value(depth + 1);
        return o;
      }
    }
  };
  const near = (): unknown => {
    // Almost-valid requests: a real type with wrong or extra fields.
    const base = pick([{ type: 'getEntity', kind: 'framework', id: 'gdpr' }, { type: 'getLexicon' }, { type: 'datasetInfo' }]);
    const broken = { ...base } as Record<string, unknown>;
    const field = pick(['type', 'kind', 'id', 'extra']);
    broken[field] = field === 'type' ? pick([...strings, 42, null]) : value(2);
    if (field !== 'extra' && broken[field] === (base as Record<string, unknown>)[field]) broken.extra = 1;
    return broken;
  };
  return Array.from({ length: n }, (_, i) => (i % 2 ? near() : value(0)));
}

test('1,000 malformed or random payloads are each rejected with an error result, and nothing changes', async ({ extensionPage }) => {
  const page = await extensionPage('popup.html');
  await expect(page.getByRole('searchbox')).toBeVisible();
  const payloads = junk(1000);
  const answers = await page.evaluate(async (list) => {
    const out: unknown[] = [];
    for (const p of list) out.push(await chrome.runtime.sendMessage(p).catch((e: Error) => ({ thrown: e.message })));
    return out;
  }, payloads);
  expect(answers).toHaveLength(1000);
  const accepted = answers.filter(
    (a) => !(a && typeof a === 'object' && (a as { ok?: unknown }).ok === false && typeof (a as { error?: unknown }).error === 'string'),
  );
  expect(accepted).toEqual([]);

  // The background still answers properly, and the dataset is intact.
  const info = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'datasetInfo' }));
  expect(info).toMatchObject({ ok: true, value: { counts: { frameworks: dataset.frameworks.length } } });
  const entity = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getEntity', kind: 'framework', id: 'gdpr' }));
  expect(entity).toMatchObject({ ok: true, value: { entity: { kind: 'framework', record: { id: 'gdpr', binding: 'binding' } } } });
});

test('web pages cannot reach the extension: no runtime messaging, and postMessage reaches nothing', async ({
  page,
  server,
  serviceWorker,
}) => {
  await page.goto(`${server.url}/demo.html`);
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('reglens-framework')?.size ?? 0)).toBeGreaterThan(0);
  // The manifest declares no externally_connectable, so the page world has no way to message us.
  expect(
    await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage),
  ).toBe('undefined');
  const before = await page.evaluate(() => document.body.innerHTML);
  await page.evaluate(() => {
    for (const msg of [
      { type: 'getLexicon' },
      { type: 'getEntity', kind: 'framework', id: 'gdpr' },
      { type: 'revealMention', kind: 'framework', id: 'gdpr' },
      { type: 'pageMentions' },
    ]) {
      window.postMessage(msg, '*');
    }
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  expect(await page.locator('reg-lens-card .rl-card').count()).toBe(0);
  expect(
    await serviceWorker.evaluate(
      () => typeof chrome.runtime.onMessageExternal.hasListeners === 'function' && chrome.runtime.onMessageExternal.hasListeners(),
    ),
  ).toBe(false);
});
