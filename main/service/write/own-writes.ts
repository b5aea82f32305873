/**
 * Writes the app makes itself, announced by the writer before it touches the disk, so the
 * watcher's echo of them is not reported as an external change or an external rename.
 */
import type { VaultPath } from '../../core/types';

interface Expected {
  /** Hash of the bytes written, or null for a removal. */
  hash: string | null;
  expiresAt: number;
}

export class OwnWrites {
  private readonly expected = new Map<VaultPath, Expected[]>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  expect(path: VaultPath, hash: string | null): void {
    const list = this.live(path);
    list.push({ hash, expiresAt: this.now() + this.ttlMs });
    this.expected.set(path, list);
  }

  /** True (and forgotten) when `path` reaching `hash` (null: removed) was announced. */
  consume(path: VaultPath, hash: string | null): boolean {
    const list = this.live(path);
    const index = list.findIndex((entry) => entry.hash === hash);
    if (index === -1) {
      if (list.length === 0) this.expected.delete(path);
      return false;
    }
    list.splice(index, 1);
    if (list.length === 0) this.expected.delete(path);
    return true;
  }

  private live(path: VaultPath): Expected[] {
    const now = this.now();
    return (this.expected.get(path) ?? []).filter((entry) => entry.expiresAt > now);
  }
}
