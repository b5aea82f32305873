/**
 * The renderer's settings store: every view reads its settings here and nowhere else, and the
 * settings dialog changes them here (settings-fields.ts says what each one is). Settings are kept
 * per vault, as Obsidian keeps them, in localStorage keyed by the vault's root (as the workspace
 * is: workspace-store.ts); the app names the open vault with useSettingsVault. Until it does
 * (and for views drawn outside the app) the settings are the ones stored before they were kept
 * per vault, under READING_SETTINGS_KEY, which a vault with nothing of its own also starts from.
 * Every view re-renders when one changes, in this window or another.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { DEFAULT_SETTINGS, parseSettings, SETTING_FIELDS, checkValue, type Settings } from './settings-fields';

export type { Settings } from './settings-fields';
/** The reading view's settings are part of Settings (the name the views have always used). */
export type ReadingSettings = Settings;

/** Where the settings lived before they were kept per vault; still read as every vault's starting point. */
export const READING_SETTINGS_KEY = 'plexus.readingSettings';
export const settingsKeyFor = (vaultRoot: string) => `plexus.settings:${vaultRoot}`;

let vaultRoot: string | null = null;
const listeners = new Set<() => void>();
let cached: { root: string | null; raw: string | null; value: Settings } | null = null;

const currentKey = () => (vaultRoot === null ? READING_SETTINGS_KEY : settingsKeyFor(vaultRoot));

function readRaw(): string | null {
  try {
    const own = window.localStorage.getItem(currentKey());
    return own ?? (vaultRoot === null ? null : window.localStorage.getItem(READING_SETTINGS_KEY));
  } catch {
    // Storage disabled (privacy mode): the defaults, unchangeable for this session.
    return null;
  }
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

/** The open vault's settings (each value checked: a bad stored value reads as its default). */
export function currentSettings(): Settings {
  const raw = readRaw();
  if (cached && cached.raw === raw && cached.root === vaultRoot) return cached.value;
  const value = parseSettings(raw);
  cached = { root: vaultRoot, raw, value };
  return value;
}

/**
 * Stores one setting for the open vault. A value the field cannot hold is refused with an
 * error (the dialog offers only valid ones; this catches a caller's mistake). Returns false when
 * the storage refused it (full or disabled): the setting then stays as it was.
 */
export function setSetting<K extends keyof Settings>(key: K, value: Settings[K]): boolean {
  const field = SETTING_FIELDS.find((f) => f.key === key);
  const checked = field && checkValue(field, value);
  if (checked === undefined) throw new Error(`Not a value for the setting ${String(key)}: ${JSON.stringify(value)}`);
  try {
    window.localStorage.setItem(currentKey(), JSON.stringify({ ...currentSettings(), [key]: checked }));
  } catch {
    return false;
  }
  notify();
  return true;
}

/** Names the open vault (null: none yet); its settings replace the previous vault's at once. */
export function setSettingsVault(root: string | null): void {
  if (root === vaultRoot) return;
  vaultRoot = root;
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === currentKey() || event.key === READING_SETTINGS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribe, currentSettings, () => DEFAULT_SETTINGS);
}

/** The app's part: the settings follow the vault it shows. */
export function useSettingsVault(root: string | null): void {
  useEffect(() => setSettingsVault(root), [root]);
}

// The names the reading view has used since before the store had other settings.
export const readingSettings = currentSettings;
export const setReadingSetting = setSetting;
export const useReadingSettings = useSettings;
