/**
 * One-at-a-time per file. writeNote's conflict check (read, compare the hash, rename over) is
 * only a compare-and-swap if nothing else of ours runs between the read and the rename: two
 * tabs saving the same note at once would otherwise both see the old hash and both "win".
 * Keys are real paths, so a note saved through a symlink and through its target share a lock.
 */
export class PathLocks {
  /** The tail of each key's queue; removed once the last holder is done. */
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys currently held or waited for (tests check nothing leaks). */
  get size(): number {
    return this.tails.size;
  }
}
