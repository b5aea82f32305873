/**
 * Custom hotkeys, stored per user (one localStorage entry for every vault, as Obsidian keeps
 * hotkeys with the user's settings rather than a vault's), read by the hotkey listener, the
 * command palette and the settings dialog through effectiveHotkeys.
 */
import { useSyncExternalStore } from 'react';
import { effectiveHotkeys, parseOverrides, type HotkeyMap, type HotkeyOverrides } from './hotkey-overrides';

export const HOTKEYS_KEY = 'plexus.hotkeys';
const listeners = new Set<() => void>();
let cached: { raw: string | null; overrides: HotkeyOverrides; map: HotkeyMap } | null = null;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(HOTKEYS_KEY);
  } catch {
    return null; // storage disabled: the defaults
  }
}

function current() {
  const raw = readRaw();
  if (cached?.raw === raw) return cached;
  const overrides = parseOverrides(raw);
  cached = { raw, overrides, map: effectiveHotkeys(overrides) };
  return cached;
}

export const currentOverrides = (): HotkeyOverrides => current().overrides;
export const currentHotkeys = (): HotkeyMap => current().map;

/** Returns false when the storage refused the change (full or disabled): the hotkeys stay as they were. */
export function saveOverrides(overrides: HotkeyOverrides): boolean {
  try {
    window.localStorage.setItem(HOTKEYS_KEY, JSON.stringify(overrides));
  } catch {
    return false;
  }
  for (const listener of [...listeners]) listener();
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === HOTKEYS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useHotkeyMap(): HotkeyMap {
  return useSyncExternalStore(subscribe, currentHotkeys, currentHotkeys);
}

export function useHotkeyOverrides(): HotkeyOverrides {
  return useSyncExternalStore(subscribe, currentOverrides, currentOverrides);
}
