import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BROWSE_COMMAND, relayCommand } from '../../background/commands';
import { parsePageRequest } from '../../protocol/page';
import { answerPageRequest, registerPageRequests, type PageSide } from '../../page/page-requests';

const side = (): PageSide & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    pageMentions: vi.fn(async () => ({ mentions: [{ kind: 'framework' as const, id: 'gdpr', name: 'GDPR', count: 2, index: 0 }] })),
    revealMention: vi.fn(async (kind, id) => void calls.push(`reveal ${kind} ${id}`)),
    browseMentions: vi.fn(async () => void calls.push('browse')),
    pageStats: vi.fn(() => ({
      url: 'u',
      active: true,
      scriptStart: 0,
      longestChunkMs: 0,
      chunks: 0,
      chunksOverBudget: 0,
      fullScans: 0,
      changeScans: 0,
      units: 0,
      textNodes: 0,
      chars: 0,
      rescannedChars: 0,
      mentions: 0,
      painted: 0,
    })),
  };
};

beforeEach(() => fakeBrowser.reset());

describe('the page protocol, content-script side', () => {
  it('answers pageMentions and revealMention as the popup expects', async () => {
    const s = side();
    expect(await answerPageRequest({ type: 'pageMentions' }, s)).toEqual({
      ok: true,
      value: { mentions: [{ kind: 'framework', id: 'gdpr', name: 'GDPR', count: 2, index: 0 }] },
    });
    expect(await answerPageRequest({ type: 'revealMention', kind: 'framework', id: 'gdpr' }, s)).toEqual({ ok: true, value: null });
    expect(s.calls).toEqual(['reveal framework gdpr']);
  });

  it('refuses malformed requests without calling anything, and ignores messages that are not its own', async () => {
    const s = side();
    for (const bad of [
      { type: 'pageMentions', extra: 1 },
      { type: 'revealMention', kind: 'planet', id: 'mars' },
      { type: 'revealMention', kind: 'framework', id: '<img src=x>' },
      { type: 'revealMention', kind: 'framework' },
      { type: 'revealMention', kind: 'framework', id: 'gdpr', more: true },
    ]) {
      expect(await answerPageRequest(bad, s)).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request: /) });
    }
    for (const notOurs of [null, 'pageMentions', 42, { type: 'getEntity', kind: 'framework', id: 'gdpr' }, {}])
      expect(await answerPageRequest(notOurs, s)).toBeUndefined();
    expect(s.revealMention).not.toHaveBeenCalled();
    expect(parsePageRequest({ type: 'browseMentions' })).toEqual({ ok: true, request: { type: 'browseMentions' } });
  });

  it('turns a failure into {ok: false, error}', async () => {
    const s = side();
    s.revealMention = vi.fn(async () => {
      throw new Error('no mention of framework:mica on this page');
    });
    expect(await answerPageRequest({ type: 'revealMention', kind: 'framework', id: 'mica' }, s)).toEqual({
      ok: false,
      error: 'no mention of framework:mica on this page',
    });
  });

  it('listens only to this extension', async () => {
    const s = side();
    registerPageRequests({ onInvalidated: () => () => {} }, s);
    const fromOther = await fakeBrowser.runtime.onMessage.trigger({ type: 'browseMentions' }, { id: 'someone-else' });
    expect(fromOther).toEqual([undefined]);
    expect(s.calls).toEqual([]);
    const fromUs = await fakeBrowser.runtime.onMessage.trigger({ type: 'browseMentions' }, { id: fakeBrowser.runtime.id });
    expect(fromUs).toEqual([{ ok: true, value: null }]);
    expect(s.calls).toEqual(['browse']);
  });
});

describe('the browse shortcut', () => {
  it('is relayed from the background to the tab it was pressed in, or the active tab', async () => {
    const sendMessage = vi.fn(async () => undefined);
    const query = vi.fn(async () => [{ id: 7 }]);
    const api = { tabs: { sendMessage, query } };
    expect(await relayCommand(BROWSE_COMMAND, { id: 3 }, api)).toBe(true);
    expect(await relayCommand(BROWSE_COMMAND, undefined, api)).toBe(true);
    expect(sendMessage.mock.calls).toEqual([
      [3, { type: 'browseMentions' }],
      [7, { type: 'browseMentions' }],
    ]);
    expect(await relayCommand('something-else', { id: 3 }, api)).toBe(false);
  });

  it('a tab without a content script is not an error', async () => {
    const api = {
      tabs: { sendMessage: vi.fn(async () => Promise.reject(new Error('Receiving end does not exist.'))), query: vi.fn(async () => []) },
    };
    expect(await relayCommand(BROWSE_COMMAND, { id: 3 }, api)).toBe(false);
  });
});
