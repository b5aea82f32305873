/**
 * When a save takes a snapshot (pure, so it is tested with a fake clock): the first save of a
 * note in a session always keeps the text Plexus read; later saves keep one version per
 * interval, so typing with autosave does not fill the store.
 */
import type { SnapshotReason } from './snapshot-types';

export interface SaveSnapshotInput {
  /** When this session last kept a version of the note before a save; undefined: never. */
  lastTakenAt: number | undefined;
  now: number;
  intervalMs: number;
}

export function reasonBeforeSave({ lastTakenAt, now, intervalMs }: SaveSnapshotInput): SnapshotReason | null {
  if (lastTakenAt === undefined) return 'first-read';
  // A clock set back counts as the interval having passed: better one snapshot too many.
  if (now < lastTakenAt || now - lastTakenAt >= intervalMs) return 'before-save';
  return null;
}
