/**
 * Where each tab was scrolled to in its note, as Obsidian keeps it: a tab shown again (another
 * tab was shown meanwhile, its pane became active, the vault was reopened) comes back at the
 * same place instead of the top, and so does Back. Kept per vault in localStorage beside the
 * workspace, by tab, history entry and note path (a link followed opens its note at the top).
 */
import { createContext } from 'react';
import type { VaultPath } from '../../../main/core/types';
import { isVaultPath } from '../../../main/core/vault-path';

/**
 * The tab and history entry a note view is drawn for (`tabId#index`), so Back also returns to
 * where the note was left; null outside tabs (hover previews, embeds).
 */
export const TabScrollKey = createContext<string | null>(null);

interface Place {
  path: VaultPath;
  top: number;
}

/** Enough for any workspace a person keeps; the oldest are dropped first. */
const MAX_TABS = 200;
const SAVE_AFTER_MS = 500;

const keyFor = (vaultRoot: string) => `plexus.tabScroll:${vaultRoot}`;

let storageKey: string | null = null;
let places = new Map<string, Place>();
let saveTimer: ReturnType<typeof setTimeout> | null = null;
/** Bumped when a vault's places are loaded: a note view drawn before then looks again. */
let loaded = 0;
const listeners = new Set<() => void>();

export function subscribeTabScroll(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const tabScrollLoads = (): number => loaded;

export function parseTabScroll(text: string | null): Map<string, Place> {
  const out = new Map<string, Place>();
  if (!text) return out;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return out; // not ours or cut short: nothing remembered
  }
  if (!Array.isArray(value)) return out;
  for (const entry of value.slice(-MAX_TABS)) {
    if (!Array.isArray(entry) || entry.length !== 3) continue;
    const [tab, path, top] = entry as unknown[];
    if (typeof tab === 'string' && isVaultPath(path) && typeof top === 'number' && Number.isFinite(top) && top >= 0) out.set(tab, { path, top });
  }
  return out;
}

/** Called once the vault is known: loads its tabs' places (a second vault in the same window replaces them). */
export function openTabScroll(vaultRoot: string): void {
  flushTabScroll();
  storageKey = keyFor(vaultRoot);
  let text: string | null = null;
  try {
    text = window.localStorage.getItem(storageKey);
  } catch {
    // storage disabled: places kept for this session only
  }
  places = parseTabScroll(text);
  loaded++;
  for (const listener of [...listeners]) listener();
}

export function rememberScroll(tab: string, path: VaultPath, top: number): void {
  const was = places.get(tab);
  if (was && was.path === path && was.top === top) return;
  places.delete(tab);
  places.set(tab, { path, top });
  if (places.size > MAX_TABS) places.delete(places.keys().next().value!);
  saveTimer ??= setTimeout(flushTabScroll, SAVE_AFTER_MS);
}

/** Where `tab` was in `path`, or null (never scrolled there, or it has shown another note since). */
export function recalledScroll(tab: string, path: VaultPath): number | null {
  const place = places.get(tab);
  return place && place.path === path ? place.top : null;
}

export function flushTabScroll(): void {
  if (saveTimer !== null) clearTimeout(saveTimer);
  saveTimer = null;
  if (storageKey === null) return;
  try {
    window.localStorage.setItem(storageKey, JSON.stringify([...places].map(([tab, p]) => [tab, p.path, p.top])));
  } catch {
    // Storage full or disabled: the places still work for this session.
  }
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', flushTabScroll);
