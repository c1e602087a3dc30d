// @vitest-environment happy-dom
// The theme setting on the extension's pages (popup, side panel): worn as data-rl-theme on <html>, followed live.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '../../platform/settings';
import { updateSettings } from '../../platform/settings-writer';
import { followTheme, wearTheme, type ThemeSettings } from '../../ui/theme';

const html = () => document.documentElement;
const settled = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fakeBrowser.reset();
  html().removeAttribute('data-rl-theme');
});

describe('wearing a theme', () => {
  it('light and dark set data-rl-theme; system removes it, so prefers-color-scheme decides', () => {
    wearTheme('dark');
    expect(html().getAttribute('data-rl-theme')).toBe('dark');
    wearTheme('light');
    expect(html().getAttribute('data-rl-theme')).toBe('light');
    wearTheme('system');
    expect(html().hasAttribute('data-rl-theme')).toBe(false);
  });
});

describe('following the setting', () => {
  it('wears the stored theme, then every change, until unwatched', async () => {
    await updateSettings((s) => ({ ...s, theme: 'dark' }));
    const unwatch = await followTheme({ loadSettings, watchSettings });
    expect(html().getAttribute('data-rl-theme')).toBe('dark');
    await updateSettings((s) => ({ ...s, theme: 'light' }));
    await expect.poll(() => html().getAttribute('data-rl-theme')).toBe('light');
    await updateSettings((s) => ({ ...s, theme: 'system' }));
    await expect.poll(() => html().hasAttribute('data-rl-theme')).toBe(false);
    unwatch();
    await updateSettings((s) => ({ ...s, theme: 'dark' }));
    await settled();
    expect(html().hasAttribute('data-rl-theme')).toBe(false);
  });

  it('a change that arrives while the stored value loads wins over it', async () => {
    let changed: (s: Settings) => void = () => undefined;
    let loaded: (s: Settings) => void = () => undefined;
    const settings: ThemeSettings = {
      watchSettings: (cb) => {
        changed = cb;
        return () => undefined;
      },
      loadSettings: () => new Promise((r) => (loaded = r)),
    };
    const following = followTheme(settings);
    changed({ ...DEFAULT_SETTINGS, theme: 'light' });
    loaded({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await following;
    expect(html().getAttribute('data-rl-theme')).toBe('light');
  });
});
