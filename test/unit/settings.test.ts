import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  loadSettings,
  normalizeHost,
  repairSettings,
  settingsSchema,
  validateSettings,
  watchSettings,
  type Settings,
} from '../../platform/settings';
import { setPaused, settingsItem, updateSettings } from '../../platform/settings-writer';

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings;

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('settings defaults', () => {
  it('highlight every framework mention and the first mention of jurisdictions and technologies, on every site', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      enabled: true,
      pausedHosts: [],
      kinds: { framework: true, jurisdiction: true, technology: true, citation: true },
      density: { framework: 'every', jurisdiction: 'first', technology: 'first', citation: 'every' },
      theme: 'system',
    });
    expect(settingsSchema().safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });
});

describe('repairing stored settings', () => {
  it('returns a valid value unchanged, with no problems', () => {
    const s: Settings = {
      enabled: false,
      pausedHosts: ['example.org', '[::1]'],
      kinds: { framework: true, jurisdiction: false, technology: true, citation: true },
      density: { framework: 'first', jurisdiction: 'every', technology: 'first', citation: 'every' },
      theme: 'dark',
    };
    expect(repairSettings(s)).toEqual({ settings: s, problems: [] });
  });

  it('gives the defaults for nothing stored, without a warning', () => {
    expect(repairSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(repairSettings(null).problems).toEqual([]);
  });

  it('replaces each invalid field with its default and keeps the valid ones', () => {
    const { settings, problems } = repairSettings({
      enabled: 'yes',
      pausedHosts: ['Example.ORG', 42, 'not a host', 'example.org'],
      kinds: { framework: false, jurisdiction: 'no', technology: true, planets: true },
      density: 'dense',
      theme: 'dark',
      colour: 'red',
    });
    expect(settings).toEqual({
      enabled: true,
      pausedHosts: ['example.org'],
      kinds: { framework: false, jurisdiction: true, technology: true, citation: true },
      density: DEFAULT_SETTINGS.density,
      theme: 'dark',
    });
    expect(problems.join('\n')).toMatch(/enabled: "yes" is invalid/);
    expect(problems.join('\n')).toMatch(/pausedHosts: dropped 42/);
    expect(problems.join('\n')).toMatch(/pausedHosts: dropped "not a host"/);
    expect(problems.join('\n')).toMatch(/kinds\.jurisdiction: "no" is invalid/);
    expect(problems.join('\n')).toMatch(/kinds\.planets: unknown kind dropped/);
    expect(problems.join('\n')).toMatch(/density: "dense" is invalid/);
    expect(problems.join('\n')).toMatch(/colour: unknown setting dropped/);
  });

  it('never returns what the schema rejects, and returns exactly what it accepts (checked on many values)', () => {
    // A fixed pseudo-random sequence (reproducible), mostly valid values, with a wrong one now and then in every field.
    const bools: unknown[] = [true, false, true, false, true, false, 'yes', null];
    const densities: unknown[] = ['every', 'first', 'first', 'every', 'first', 3];
    const themes: unknown[] = ['system', 'light', 'dark', 'neon'];
    const hosts: unknown[] = [[], ['a.org'], ['b.org', 'c.org'], [], ['a.org'], [3], 'x', ['UPPER.org']];
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    let checked = 0;
    for (let i = 0; i < 600; i++) {
      const raw: Record<string, unknown> = {
        enabled: pick(bools),
        pausedHosts: pick(hosts),
        kinds: rnd() < 0.9 ? { framework: pick(bools), jurisdiction: pick(bools), technology: pick(bools), citation: pick(bools) } : 'none',
        density:
          rnd() < 0.9
            ? { framework: pick(densities), jurisdiction: pick(densities), technology: pick(densities), citation: pick(densities) }
            : [],
        theme: pick(themes),
      };
      const { settings, problems } = repairSettings(raw);
      expect(settingsSchema().safeParse(settings).success).toBe(true);
      if (settingsSchema().safeParse(raw).success) {
        expect(settings).toEqual(raw);
        expect(problems).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('host names', () => {
  it('normalizes and rejects', () => {
    expect(normalizeHost(' WWW.Example.org ')).toBe('www.example.org');
    expect(normalizeHost('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeHost('[::1]')).toBe('[::1]');
    for (const bad of ['', 'http://example.org', 'exa mple.org', 'a/b', 'x'.repeat(300)]) expect(normalizeHost(bad)).toBeUndefined();
  });

  it('the extension is active unless switched off or paused on that host', () => {
    expect(isActiveOn(DEFAULT_SETTINGS, 'example.org')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.org')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, pausedHosts: ['example.org'] }, 'Example.org')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, pausedHosts: ['example.org'] }, 'www.example.org')).toBe(true);
  });
});

describe('the stored item', () => {
  it('is versioned: version 1 is recorded with the value', async () => {
    await updateSettings((s) => ({ ...s, theme: 'dark' }));
    expect(await stored()).toMatchObject({ theme: 'dark' });
    expect(await settingsItem().getMeta()).toEqual({ v: 1 });
  });

  it('a bad stored value is repaired on load, saved back, and a warning says what was wrong', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, theme: 'neon' } });
    expect((await loadSettings()).theme).toBe('system');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('theme: "neon" is invalid'));
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
  });

  it('writes are validated with the schema: an invalid change is refused and nothing is stored', async () => {
    await expect(updateSettings((s) => ({ ...s, density: { ...s.density, framework: 'some' as never } }))).rejects.toThrow();
    expect(await stored()).toBeUndefined();
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, pausedHosts: ['http://x'] })).toThrow();
  });

  it('watchers see every change, repaired', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await setPaused('Example.org', true);
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, kinds: 'none' } });
    unwatch();
    await setPaused('example.org', false);
    expect(seen.map((s) => s.pausedHosts)).toEqual([['example.org'], []]);
    expect(seen[1]!.kinds).toEqual(DEFAULT_SETTINGS.kinds);
  });

  it('pausing twice keeps one entry; resuming removes it; a non-host is refused', async () => {
    await setPaused('example.org', true);
    await setPaused('example.org', true);
    expect((await loadSettings()).pausedHosts).toEqual(['example.org']);
    await setPaused('example.org', false);
    expect((await loadSettings()).pausedHosts).toEqual([]);
    await expect(setPaused('not a host', true)).rejects.toThrow(/not a host name/);
  });
});
