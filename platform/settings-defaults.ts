/**
 * The settings' choices, defaults and storage key, in a module with no dependencies: the extension reads
 * them through `settings.ts` (which holds them to its schema), and the end-to-end suites' browser drivers
 * write settings from the same values instead of a copy that can fall behind.
 */

export const DENSITIES = ['every', 'first'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

/** Where the settings live: this key of `storage.local` (WXT's `local:settings` item in settings-writer.ts). */
export const SETTINGS_STORAGE_KEY = 'settings';

export const SETTINGS_DEFAULTS = {
  enabled: true,
  pausedHosts: [] as string[],
  kinds: { framework: true, jurisdiction: true, technology: true, citation: true },
  // Frameworks are what the reader came for; a country or "AI" highlighted forty times is noise.
  // A citation is an instrument as much as a framework is.
  density: { framework: 'every', jurisdiction: 'first', technology: 'first', citation: 'every' } as const,
  theme: 'system' as const,
};
