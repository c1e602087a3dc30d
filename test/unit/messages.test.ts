import { describe, expect, it, vi } from 'vitest';
import { buildMatcherTables } from '../../core/detect/tables';
import { handleRequest, isOwnSender, type Handlers } from '../../protocol/messages';

const TABLES = buildMatcherTables({ version: 'v', entries: [] });

const handlers = (): Handlers => ({
  getLexicon: vi.fn(async () => TABLES),
  getEntity: vi.fn(async () => {
    throw new Error('no framework with id "x"');
  }),
  datasetInfo: vi.fn(async () => ({ version: 'v', counts: { frameworks: 0, jurisdictions: 0, technologies: 0, coalitions: 0 } })),
  openSidePanel: vi.fn(async ({ jurisdictions }) => ({ opened: true, jurisdictions })),
});

describe('the message protocol', () => {
  it('answers a valid request with {ok: true, value}', async () => {
    expect(await handleRequest({ type: 'getLexicon' }, handlers())).toEqual({ ok: true, value: TABLES });
  });

  it('rejects malformed requests without calling any handler', async () => {
    const h = handlers();
    for (const bad of [
      null,
      42,
      'getLexicon',
      {},
      { type: 'nope' },
      { type: 'getEntity', kind: 'framework' },
      { type: 'getEntity', kind: 'framework', id: '<img src=x>' },
      { type: 'getLexicon', extra: 1 },
    ]) {
      const res = await handleRequest(bad, h);
      expect(res.ok).toBe(false);
    }
    expect(h.getLexicon).not.toHaveBeenCalled();
    expect(h.getEntity).not.toHaveBeenCalled();
  });

  it('turns a handler error into {ok: false, error}', async () => {
    expect(await handleRequest({ type: 'getEntity', kind: 'framework', id: 'x' }, handlers())).toEqual({
      ok: false,
      error: 'no framework with id "x"',
    });
  });

  it('accepts only this extension as sender', () => {
    expect(isOwnSender({ id: 'me' }, 'me')).toBe(true);
    expect(isOwnSender({ id: 'other' }, 'me')).toBe(false);
    expect(isOwnSender({}, 'me')).toBe(false);
  });
});
