/**
 * The reader's settings: on/off, sites paused, which kinds are highlighted, how densely, and the card's
 * theme. One value in `storage.local` (a long list of paused sites would outgrow `storage.sync`'s 8 KB per
 * item). Every read goes through `repairSettings`: a value written by an older build, by hand in the
 * devtools or by a bug is repaired field by field to the defaults, with a warning, instead of breaking every
 * tab.
 *
 * This module reads, for every runtime the content script included; it talks to `storage.local` directly,
 * because WXT's storage layer would be the largest library in the content script's bundle. Writers (the
 * options page, the popup) use `settings-writer.ts`, a versioned WXT item over the same key.
 *
 * The schema is zod/mini, used where settings are written (options page, popup); the content script only
 * reads, through `repairSettings`, so that zod stays out of its bundle (the schema's factories are
 * side-effect free and tree-shaken away there).
 */
import { z } from 'zod/mini';
import { browser } from 'wxt/browser';
import { ENTITY_KINDS } from '../data/ids';
import type { EntityKind } from '../data/schema';
import { DENSITIES, SETTINGS_DEFAULTS, SETTINGS_STORAGE_KEY, THEMES } from './settings-defaults';

export type Density = (typeof DENSITIES)[number];
export type Theme = (typeof THEMES)[number];

/** Host names as `location.hostname` gives them (IPv6 in brackets), lower-case. */
const HOST_RE = /^(?:[a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}\.?$|^\[[0-9a-f:.]+\]$/;

/** Built on first use: a content script never calls it, so zod is tree-shaken out of its bundle. */
function makeSchema() {
  const Host = z.string().check(z.maxLength(253), z.regex(HOST_RE));
  const perKind = <T extends z.core.SomeType>(t: T) => z.object({ framework: t, jurisdiction: t, technology: t, citation: t });
  return z.object({
    /** Master switch: off means no scanning, no highlights, no card, on every site. */
    enabled: z.boolean(),
    /** Sites (host names) where the reader paused the extension. */
    pausedHosts: z.array(Host),
    kinds: perKind(z.boolean()),
    /** `every` mention, or only the `first` mention of each entity on the page. */
    density: perKind(z.enum(DENSITIES)),
    /** `system` follows the browser's colour scheme. */
    theme: z.enum(THEMES),
  });
}
let schema: ReturnType<typeof makeSchema> | undefined;
/** The settings schema (zod/mini): the one source of the `Settings` type. */
export const settingsSchema = () => (schema ??= makeSchema());
export type Settings = z.infer<ReturnType<typeof makeSchema>>;

export const DEFAULT_SETTINGS: Settings = Object.freeze(SETTINGS_DEFAULTS satisfies Settings);

export interface Repaired {
  settings: Settings;
  /** One line per field that was invalid and replaced (empty when the value was valid). */
  problems: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Keeps every valid field of `raw` and replaces each invalid one with its default. Never throws.
 * Written without zod because it runs in every tab's content script, whose bundle must stay small; a unit
 * test holds it to the schema above (whatever it returns, `Settings` accepts; whatever `Settings`
 * accepts, it returns unchanged).
 */
export function repairSettings(raw: unknown): Repaired {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: clone(DEFAULT_SETTINGS), problems };
  if (!isRecord(raw)) problems.push(`settings: expected an object, got ${describe(raw)}`);
  const src: Record<string, unknown> = isRecord(raw) ? raw : {};
  const pick = <T>(path: string, ok: (v: unknown) => v is T, value: unknown, fallback: T): T => {
    if (ok(value)) return value;
    problems.push(`${path}: ${describe(value)} is invalid, using ${JSON.stringify(fallback)}`);
    return fallback;
  };
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  const oneOf =
    <T extends string>(values: readonly T[]) =>
    (v: unknown): v is T =>
      typeof v === 'string' && (values as readonly string[]).includes(v);
  const perKind = <T>(key: 'kinds' | 'density', ok: (v: unknown) => v is T): Record<EntityKind, T> => {
    const fallback = DEFAULT_SETTINGS[key] as Record<EntityKind, T>;
    const value = src[key];
    if (!isRecord(value)) {
      if (isRecord(raw)) problems.push(`${key}: ${describe(value)} is invalid, using the defaults`);
      return { ...fallback };
    }
    const out = {} as Record<EntityKind, T>;
    for (const k of ENTITY_KINDS) out[k] = pick(`${key}.${k}`, ok, value[k], fallback[k]);
    for (const k of Object.keys(value))
      if (!(ENTITY_KINDS as readonly string[]).includes(k)) problems.push(`${key}.${k}: unknown kind dropped`);
    return out;
  };
  const pausedHosts: string[] = [];
  if (Array.isArray(src.pausedHosts)) {
    for (const h of src.pausedHosts) {
      const host = typeof h === 'string' ? normalizeHost(h) : undefined;
      if (host === undefined) problems.push(`pausedHosts: dropped ${describe(h)}`);
      else if (host !== h) problems.push(`pausedHosts: ${describe(h)} stored as ${JSON.stringify(host)}`);
      if (host !== undefined && !pausedHosts.includes(host)) pausedHosts.push(host);
    }
  } else if (isRecord(raw)) {
    problems.push(`pausedHosts: ${describe(src.pausedHosts)} is invalid, using []`);
  }
  for (const key of Object.keys(src)) if (!(key in DEFAULT_SETTINGS)) problems.push(`${key}: unknown setting dropped`);
  return {
    settings: {
      enabled: pick('enabled', isBool, src.enabled, DEFAULT_SETTINGS.enabled),
      pausedHosts,
      kinds: perKind('kinds', isBool),
      density: perKind('density', oneOf(DENSITIES)),
      theme: pick('theme', oneOf(THEMES), src.theme, DEFAULT_SETTINGS.theme),
    },
    problems,
  };
}

/** Strict validation of a value about to be stored (zod: the options page and the popup write through it). */
export function validateSettings(value: unknown): Settings {
  return normalize(settingsSchema().parse(value));
}

function normalize(s: Settings): Settings {
  return { ...s, pausedHosts: [...new Set(s.pausedHosts.map((h) => h.toLowerCase()))] };
}

function clone(s: Settings): Settings {
  return { ...s, pausedHosts: [...s.pausedHosts], kinds: { ...s.kinds }, density: { ...s.density } };
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** `WWW.Example.org` -> `www.example.org`; undefined for anything that is not a host name. */
export function normalizeHost(host: string): string | undefined {
  const h = host.trim().toLowerCase();
  return h.length <= 253 && HOST_RE.test(h) ? h : undefined;
}

/** Whether the extension should work on a page of this host. */
export function isActiveOn(s: Settings, hostname: string): boolean {
  return s.enabled && !s.pausedHosts.includes(hostname.toLowerCase());
}

/** Reads the settings, repairing (and saving back) an invalid stored value. */
export async function loadSettings(): Promise<Settings> {
  const raw = (await browser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY];
  const { settings, problems } = repairSettings(raw);
  if (problems.length) {
    console.warn(`[regulatory-lens] invalid settings repaired:\n${problems.join('\n')}`);
    await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: settings }).catch(() => undefined);
  }
  return settings;
}

type StorageChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/** Calls `cb` with the repaired settings on every change, from any tab or page; returns the unwatch function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: StorageChanges, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    // A write of the same value is no change (the stored form is JSON, so comparing that is exact).
    if (area !== 'local' || !change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
    const { settings, problems } = repairSettings(change.newValue);
    if (problems.length) console.warn(`[regulatory-lens] invalid settings ignored:\n${problems.join('\n')}`);
    cb(settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
