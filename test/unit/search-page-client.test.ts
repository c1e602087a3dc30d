// The popup's side of the page protocol and its side panel path: a tab without a content script, a bad
// answer or no answer are states to show, never errors.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { hostOf, readPage, revealMention, siteOf, sortMentions } from '../../ui/popup/page-client';
import { sidePanelPath } from '../../ui/popup/actions';

const mention = (id: string, count: number, index: number, kind: 'framework' | 'jurisdiction' | 'technology' = 'framework') => ({
  kind,
  id,
  name: id.toUpperCase(),
  count,
  index,
});
const answer = (value: unknown) => vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(value as never);

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('reading the page', () => {
  it('lists the mentions, most mentioned first, then in reading order', async () => {
    answer({ ok: true, value: { mentions: [mention('mica', 1, 3), mention('gdpr', 2, 5), mention('eu', 2, 1, 'jurisdiction')] } });
    const page = await readPage(7);
    expect(page.status).toBe('ok');
    if (page.status === 'ok') expect(page.mentions.map((m) => m.id)).toEqual(['eu', 'gdpr', 'mica']);
  });

  it('says the page cannot be read where sending rejects (browser pages, the web store)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await readPage(7)).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('cannot read this page') });
    expect(await readPage(undefined)).toMatchObject({ status: 'unreadable' });
  });

  it("treats a malformed answer as unreadable, and passes on the page side's own reason", async () => {
    for (const bad of [
      undefined,
      null,
      'x',
      { ok: true },
      { ok: true, value: { mentions: [{ id: 'gdpr' }] } },
      { ok: true, value: { mentions: [mention('x', 1, 0, 'planet' as never)] } },
    ]) {
      answer(bad);
      expect(await readPage(7), JSON.stringify(bad)).toMatchObject({ status: 'unreadable' });
    }
    answer({ ok: false, error: 'Regulatory Lens is paused on this site.' });
    expect(await readPage(7)).toEqual({ status: 'unreadable', reason: 'Regulatory Lens is paused on this site.' });
  });

  it('stops waiting for a page that never answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockReturnValue(new Promise(() => {}) as never);
    expect(await readPage(7, 20)).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('did not answer') });
  });

  it('sorts without touching its input', () => {
    const list = [mention('a', 1, 0), mention('b', 3, 1)];
    expect(sortMentions(list).map((m) => m.id)).toEqual(['b', 'a']);
    expect(list.map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('revealing a mention', () => {
  it('sends kind and id, and reports failures as messages', async () => {
    const send = answer({ ok: true, value: null });
    expect(await revealMention(3, { kind: 'framework', id: 'gdpr' })).toBeUndefined();
    expect(send).toHaveBeenCalledWith(3, { type: 'revealMention', kind: 'framework', id: 'gdpr' });
    answer({ ok: false, error: 'no mention of framework:gdpr on this page' });
    expect(await revealMention(3, { kind: 'framework', id: 'gdpr' })).toContain('no mention');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('gone'));
    expect(await revealMention(3, { kind: 'framework', id: 'gdpr' })).toContain('no longer reachable');
  });
});

describe('the site to pause', () => {
  it('is the host of web pages only', () => {
    expect(hostOf('https://www.Example.org/a?b#c')).toBe('www.example.org');
    expect(hostOf('http://127.0.0.1:4817/demo.html')).toBe('127.0.0.1');
    for (const u of [
      'chrome://extensions/',
      'about:blank',
      'file:///tmp/x.html',
      'chrome-extension://abc/popup.html',
      'not a url',
      undefined,
    ])
      expect(hostOf(u)).toBeUndefined();
  });

  it('comes from the tab when the browser tells, else from the content script', async () => {
    expect(await siteOf({ id: 1, host: 'example.org' })).toBe('example.org');
    answer({ ok: true, value: { url: 'https://news.example.com/story', active: true } });
    expect(await siteOf({ id: 1 })).toBe('news.example.com');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no content script'));
    expect(await siteOf({ id: 1 })).toBeUndefined();
    expect(await siteOf(undefined)).toBeUndefined();
  });
});

describe('the side panel path', () => {
  it('names two jurisdictions from the page, and nothing unsafe', () => {
    expect(sidePanelPath(['eu', 'ke', 'us'])).toBe('sidepanel.html?j=eu,ke');
    expect(sidePanelPath(['eu'])).toBe('sidepanel.html');
    expect(sidePanelPath(['eu', '../x', 'us'])).toBe('sidepanel.html?j=eu,us');
    expect(sidePanelPath([])).toBe('sidepanel.html');
  });
});
