/**
 * The reading view's settings, as Obsidian names them: "Strict line breaks" (off: a single
 * newline is a line break), "Load remote images" (off: remote images are placeholders, for
 * privacy) and "Default editing mode" (Live Preview or source). The app has no settings store yet, so they live in localStorage (per origin: the
 * Electron window and each browser-mode port keep their own) and every view re-renders when
 * one changes, in this window or another.
 */
import { useSyncExternalStore } from 'react';
import { INTO_NOTES_DEFAULTS, parseIntoNotes, type IntoNotesSettings } from '../settings/into-notes-fields';

/** The attachment, template and daily-note settings live here too (their fields: settings/into-notes-fields.ts). */
export interface ReadingSettings extends IntoNotesSettings {
  strictLineBreaks: boolean;
  loadRemoteImages: boolean;
  /** What Ctrl/Cmd+E opens a note in: Live Preview (Obsidian's default) or source mode. */
  defaultEditingMode: 'live' | 'source';
}

export const READING_SETTINGS_KEY = 'plexus.readingSettings';
const DEFAULTS: ReadingSettings = { strictLineBreaks: false, loadRemoteImages: false, defaultEditingMode: 'live', ...INTO_NOTES_DEFAULTS };
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
        ...parseIntoNotes(parsed),
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
