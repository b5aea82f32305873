/**
 * The vocabulary of the snapshot store (file recovery): one entry per version of a note that
 * Plexus kept, pointing at a content-addressed blob (sha-256 of the file's bytes).
 */
import type { VaultPath } from '../../core/types';

/** Why a version was kept; the UI words them ("edited here", "changed by another program", ...). */
export type SnapshotReason = 'first-read' | 'before-save' | 'external-change' | 'deleted' | 'before-rename' | 'before-restore';

export const SNAPSHOT_REASONS: readonly SnapshotReason[] = ['first-read', 'before-save', 'external-change', 'deleted', 'before-rename', 'before-restore'];

export interface SnapshotEntry {
  /** Unique within the store. */
  id: string;
  path: VaultPath;
  /** When it was taken (ms since the epoch). */
  time: number;
  /** Size of the version's bytes (uncompressed). */
  size: number;
  /** sha-256 hex of the version's bytes: the blob's name. */
  hash: string;
  reason: SnapshotReason;
}

export interface RetentionPolicy {
  /** Versions younger than this are kept (default 7 days). */
  maxAgeMs: number;
  /** At least this many of each note's newest versions are kept, however old (default 10). */
  keepLast: number;
  /** The store's total compressed size above which the oldest versions go first (default 500 MB). */
  maxTotalBytes: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  keepLast: 10,
  maxTotalBytes: 500 * 1024 * 1024,
};

/** At most one "before-save" snapshot per note per this interval (default 5 minutes, like Obsidian). */
export const DEFAULT_SAVE_INTERVAL_MS = 5 * 60 * 1000;
