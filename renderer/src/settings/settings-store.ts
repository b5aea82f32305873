/**
 * The renderer's settings store: every view reads its settings here and nowhere else, so a
 * settings dialog can later list and change them (READING_SETTING_FIELDS says what each is).
 * Today they are the reading view's, as Obsidian names them: "Strict line breaks" (off: a single
 * newline is a line break) and "Load remote images" (off: remote images are placeholders, for
 * privacy). They live in localStorage (per origin: the Electron window and each browser-mode
 * port keep their own) and every view re-renders when one changes, in this window or another.
 */
import { useSyncExternalStore } from 'react';

export interface ReadingSettings {
  strictLineBreaks: boolean;
  loadRemoteImages: boolean;
  /** What Ctrl/Cmd+E opens a note in: Live Preview (Obsidian's default) or source mode. */
  defaultEditingMode: 'live' | 'source';
}

type KeysOf<V> = { [K in keyof ReadingSettings]: ReadingSettings[K] extends V ? K : never }[keyof ReadingSettings];

/** What a settings screen shows for each setting, in order: a switch, or a choice of values. */
export type SettingField =
  | { kind: 'toggle'; key: KeysOf<boolean>; label: string; description: string }
  | { kind: 'choice'; key: KeysOf<string>; label: string; description: string; options: readonly { value: string; label: string }[] };

export const READING_SETTING_FIELDS: readonly SettingField[] = [
  { kind: 'toggle', key: 'strictLineBreaks', label: 'Strict line breaks', description: 'A single newline is a space, as in plain Markdown, not a line break.' },
  { kind: 'toggle', key: 'loadRemoteImages', label: 'Load remote images', description: 'Images from the web load without asking; off, each is a placeholder with “Load image”.' },
  { kind: 'choice', key: 'defaultEditingMode', label: 'Default editing mode', description: 'What Ctrl/Cmd+E opens a note in.', options: [{ value: 'live', label: 'Live Preview' }, { value: 'source', label: 'Source mode' }] },
];

export const READING_SETTINGS_KEY = 'plexus.readingSettings';
const DEFAULTS: ReadingSettings = { strictLineBreaks: false, loadRemoteImages: false, defaultEditingMode: 'live' };
const listeners = new Set<() => void>();
let cached: { raw: string | null; value: ReadingSettings } | null = null;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(READING_SETTINGS_KEY);
  } catch {
    // Storage disabled (privacy mode): the defaults, unchangeable for this session.
    return null;
  }
}

export function readingSettings(): ReadingSettings {
  const raw = readRaw();
  if (cached && cached.raw === raw) return cached.value;
  let value = DEFAULTS;
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Partial<Record<keyof ReadingSettings, unknown>>;
      value = {
        strictLineBreaks: parsed.strictLineBreaks === true,
        loadRemoteImages: parsed.loadRemoteImages === true,
        defaultEditingMode: parsed.defaultEditingMode === 'source' ? 'source' : 'live',
      };
    } catch {
      value = DEFAULTS;
    }
  }
  cached = { raw, value };
  return value;
}

export function setReadingSetting<K extends keyof ReadingSettings>(key: K, value: ReadingSettings[K]): void {
  window.localStorage.setItem(READING_SETTINGS_KEY, JSON.stringify({ ...readingSettings(), [key]: value }));
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === READING_SETTINGS_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useReadingSettings(): ReadingSettings {
  return useSyncExternalStore(subscribe, readingSettings, () => DEFAULTS);
}
