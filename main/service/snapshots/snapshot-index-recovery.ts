/**
 * The version list as the snapshot store opens it (snapshot-store.ts): the index's lines that
 * parse, and, when any did not, when the index is gone while blobs remain, or when it lists fewer
 * versions than the backend recorded, the journal's (the log's second copy) and the backend's
 * version records' (its third) merged in, minus what a prune dropped, oldest first.
 */
import type { SnapshotBackend } from './snapshot-backend';
import { decodeEntries } from './snapshot-index-codec';
import type { SnapshotEntry } from './snapshot-types';

export interface RecoveredEntries {
  entries: SnapshotEntry[];
  /** Index lines that could not be read. */
  damaged: number;
  /** Versions only the journal or the records had. */
  rebuilt: number;
  /** Versions only the records had. */
  fromRecords: number;
}

export async function recoverEntries(backend: SnapshotBackend, text: string, blobs: ReadonlyMap<string, number>): Promise<RecoveredEntries> {
  const { entries, damaged } = decodeEntries(text);
  let rebuilt = 0;
  let fromRecords = 0;
  if (damaged > 0 || (text.trim() === '' && blobs.size > 0) || entries.length < (await backend.countVersions())) {
    const records = await backend.listVersions();
    const known = new Set(entries.map((e) => e.id));
    for (const entry of decodeEntries(await backend.readJournal()).entries) {
      // A journal another session kept through a prune still names what the prune dropped.
      if (known.has(entry.id) || records.isDropped(entry.id)) continue;
      known.add(entry.id);
      entries.push(entry);
      rebuilt++;
    }
    for (const entry of records.entries) {
      if (known.has(entry.id)) continue;
      known.add(entry.id);
      entries.push(entry);
      rebuilt++;
      fromRecords++;
    }
    entries.sort((a, b) => a.time - b.time);
  }
  return { entries, damaged, rebuilt, fromRecords };
}
