/**
 * The theme setting (light, dark or the system's) on the extension's own pages. The page wears it as
 * `data-rl-theme` on <html>, which card.css, pages.css, popup.css and compare.css follow; `system` removes
 * the attribute so prefers-color-scheme decides. The in-page card does the same on its own container, and
 * the options page on its <html> (entrypoints/options).
 */
import type { Settings } from '../platform/settings';

/** The parts of platform/settings this needs: passed in, so an entry point may load that module lazily. */
export type ThemeSettings = Pick<typeof import('../platform/settings'), 'loadSettings' | 'watchSettings'>;

export function wearTheme(theme: Settings['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'system') root.removeAttribute('data-rl-theme');
  else root.setAttribute('data-rl-theme', theme);
}

/**
 * Wears the stored theme, then every change to it, live (from the options page, or any other surface);
 * resolves to the unwatch function.
 */
export async function followTheme(settings: ThemeSettings, root: HTMLElement = document.documentElement): Promise<() => void> {
  // Watching starts first, so no change is missed while the stored value loads; a change that arrives
  // meanwhile is newer than what the load returns.
  let changed = false;
  const unwatch = settings.watchSettings((s) => {
    changed = true;
    wearTheme(s.theme, root);
  });
  const initial = await settings.loadSettings();
  if (!changed) wearTheme(initial.theme, root);
  return unwatch;
}
