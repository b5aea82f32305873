/**
 * Texts left by a closed editor that could reach neither the note nor a conflict copy (the vault
 * refused both writes). They stay in this window's memory, one per note path, registered as
 * unsaved (so closing the window asks first), until the user reopens the note and chooses
 * Restore (the text goes back into the editor, which saves it as usual) or Discard.
 * One window shows one vault, so the note path is the key.
 */
import { useSyncExternalStore } from 'react';
import { markUnsaved } from './unsaved-registry';
import type { VaultPath } from '../../../main/core/types';

export interface KeptText {
  path: VaultPath;
  text: string;
  /** When the editor holding it was closed (ms since epoch). */
  keptAt: number;
  /** Why it is not on disk, for the bar. */
  reason: string;
}

const kept = new Map<string, KeptText>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Keeps `entry`; a later text for the same note replaces an earlier one only after joining them, so neither is lost. */
export function keepText(entry: KeptText): KeptText {
  const earlier = kept.get(entry.path);
  const next = earlier && earlier.text !== entry.text ? { ...entry, text: `${earlier.text}\n\n${entry.text}` } : entry;
  if (earlier) markUnsaved(earlier, null);
  kept.set(entry.path, next);
  markUnsaved(next, { path: next.path, text: () => next.text });
  changed();
  return next;
}

export function keptTextFor(path: VaultPath): KeptText | null {
  return kept.get(path) ?? null;
}

/** Forgets the kept text of `path` (restored into an editor, or discarded by the user). */
export function dropKeptText(path: VaultPath): void {
  const entry = kept.get(path);
  if (!entry) return;
  kept.delete(path);
  markUnsaved(entry, null);
  changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The kept text of `path`, re-rendering when one arrives (a closing editor's rescue may finish later). */
export function useKeptText(path: VaultPath): KeptText | null {
  return useSyncExternalStore(subscribe, () => keptTextFor(path));
}
