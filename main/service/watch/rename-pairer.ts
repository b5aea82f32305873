/**
 * Pairs a removed note with an added note of the same content hash seen within a short window,
 * in either order (chokidar reports a move as add + unlink about 100 ms apart, sometimes in
 * separate batches), so an outside rename can be offered as one.
 */
import type { VaultPath } from '../../core/types';

export interface DetectedRename {
  from: VaultPath;
  to: VaultPath;
  /** Notes that linked to `from` before it went away. */
  affected: number;
}

interface Seen {
  path: VaultPath;
  hash: string;
  at: number;
  affected: number;
}

export class RenamePairer {
  private removed: Seen[] = [];
  private added: Seen[] = [];

  constructor(
    private readonly windowMs = 500,
    private readonly now: () => number = Date.now,
  ) {}

  noteRemoved(path: VaultPath, hash: string, affected: number): DetectedRename | null {
    this.expire();
    const match = this.added.findIndex((seen) => seen.hash === hash);
    if (match !== -1) {
      const [added] = this.added.splice(match, 1);
      return { from: path, to: added.path, affected };
    }
    this.removed.push({ path, hash, at: this.now(), affected });
    return null;
  }

  noteAdded(path: VaultPath, hash: string): DetectedRename | null {
    this.expire();
    const match = this.removed.findIndex((seen) => seen.hash === hash);
    if (match !== -1) {
      const [removed] = this.removed.splice(match, 1);
      return { from: removed.path, to: path, affected: removed.affected };
    }
    this.added.push({ path, hash, at: this.now(), affected: 0 });
    return null;
  }

  private expire(): void {
    const cutoff = this.now() - this.windowMs;
    this.removed = this.removed.filter((seen) => seen.at >= cutoff);
    this.added = this.added.filter((seen) => seen.at >= cutoff);
  }
}
