/**
 * The hand-over between the card module and the content script (page/card-module.ts): the module,
 * evaluated in the extension's world, leaves its factory on that world's global; the content script
 * imports the module only while no factory is there, and fails loudly when the import fails or the
 * module provided nothing. Each test brings its own global object, as each world has its own.
 */
import { describe, expect, it, vi } from 'vitest';
import { loadCardFactory, provideCardFactory, type CardFactory } from '../../page/card-module';

const factory: CardFactory = async () => {
  throw new Error('not called here');
};

describe('the card module hand-over', () => {
  it('the content script imports the module, then takes the factory the module provided', async () => {
    const world = {};
    const importModule = vi.fn(async () => void provideCardFactory(factory, { scope: world, extensionId: 'ext' }));
    expect(await loadCardFactory({ importModule, scope: world })).toBe(factory);
    // Evaluated once: a second need takes the factory without importing again.
    expect(await loadCardFactory({ importModule, scope: world })).toBe(factory);
    expect(importModule).toHaveBeenCalledTimes(1);
  });

  it('in a world without the extension API (a page loading the file itself) the module provides nothing', async () => {
    const page = {};
    expect(provideCardFactory(factory, { scope: page, extensionId: undefined })).toBe(false);
    expect(Object.keys(page)).toEqual([]);
    await expect(loadCardFactory({ importModule: async () => undefined, scope: page })).rejects.toThrow('card-ui.js provided no card UI');
  });

  it('a failed import rejects, and the next need imports again', async () => {
    const world = {};
    const importModule = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockImplementationOnce(async () => provideCardFactory(factory, { scope: world, extensionId: 'ext' }));
    // The browser's reason is kept as the cause; the message is the same on every attempt (reported once).
    const failed = await loadCardFactory({ importModule, scope: world }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(failed).toBeInstanceOf(Error);
    expect(failed!.message).toBe('card-ui.js could not be imported');
    expect(String(failed!.cause)).toContain('Failed to fetch');
    expect(await loadCardFactory({ importModule, scope: world })).toBe(factory);
    expect(importModule).toHaveBeenCalledTimes(2);
  });
});
