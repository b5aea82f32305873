/**
 * Filling the full-text index after a vault opens: every note's text is read and indexed in
 * slices of a few milliseconds, yielding between them, because reading and indexing 10k notes
 * takes seconds and a watcher event waiting behind a long chunk is an edit the user sees late.
 */
import type { ParsedNote, VaultPath } from '../../core/types';
import type { SearchIndex } from './search-index';

/** Longest stretch the background indexing holds the event loop. */
const SLICE_MS = 8;

export interface FillSource {
  /** True once the vault is closing: stop early. */
  stopped(): boolean;
  /** The note's current parse, or undefined when it was removed meanwhile. */
  note(vaultPath: VaultPath): ParsedNote | undefined;
  /** Its text on disk, or null when unreadable. */
  text(vaultPath: VaultPath): string | null;
}

export async function fillSearchIndex(index: SearchIndex, paths: VaultPath[], source: FillSource): Promise<void> {
  let next = 0;
  while (next < paths.length && !source.stopped()) {
    await new Promise((resolve) => setImmediate(resolve));
    const sliceEnd = performance.now() + SLICE_MS;
    while (next < paths.length && !source.stopped() && performance.now() < sliceEnd) {
      const vaultPath = paths[next++];
      const note = source.note(vaultPath);
      // Skip notes removed meanwhile, or already indexed from a newer watcher update.
      if (note === undefined || index.has(vaultPath)) continue;
      const text = source.text(vaultPath);
      if (text !== null) index.upsert(vaultPath, note.title, note.aliases, text);
    }
  }
}
