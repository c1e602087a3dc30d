/**
 * Writing the settings (the options page, the popup's pause switch): a versioned WXT storage item over the
 * key `settings.ts` reads, so that the stored format's version is recorded beside the value and a future
 * change of shape can migrate it. Every value is validated with the schema before it is stored.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, loadSettings, normalizeHost, validateSettings, type Settings } from './settings';
import { SETTINGS_STORAGE_KEY } from './settings-defaults';

/**
 * Storage format version. Version 1 is the first format ever stored, so there is nothing to migrate yet.
 * When the shape changes: bump it and add `[newVersion]: (old) => next` here; WXT runs the steps in
 * order when a writer first touches the item, and readers repair whatever they find meanwhile.
 */
export const SETTINGS_VERSION = 1;
const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

/** The settings item; WXT's second type parameter is its metadata, which we do not use. */
type SettingsItem = WxtStorageItem<Settings, Record<string, never>>;
let item: SettingsItem | undefined;
/** Defined on first use, not at import: defining an item starts its migration, which needs the extension APIs. */
export function settingsItem(): SettingsItem {
  item ??= storage.defineItem<Settings>(`local:${SETTINGS_STORAGE_KEY}`, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
  return item;
}

/** Read-modify-write; the new value is validated before it is stored. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = validateSettings(change(await loadSettings()));
  await settingsItem().setValue(next);
  return next;
}

/** Pauses or resumes the extension on one site. */
export function setPaused(hostname: string, paused: boolean): Promise<Settings> {
  const host = normalizeHost(hostname);
  if (!host) return Promise.reject(new Error(`not a host name: ${hostname}`));
  return updateSettings((s) => ({
    ...s,
    pausedHosts: paused ? [...new Set([...s.pausedHosts, host])] : s.pausedHosts.filter((h) => h !== host),
  }));
}
