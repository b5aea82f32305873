/**
 * The first step of a parse-cache save: every note's encoded parse with its links' resolutions,
 * taken from one state of the graph. At 50k notes that pass held the main thread long enough to
 * delay an edit's graph event behind it, so with a graph that counts its changes it goes in
 * slices; when the graph changed between them, what was gathered may mix two states (a link
 * resolved before its target note came), and it is gathered again in one go.
 */
import type { ParsedNote, VaultPath } from '../../core/types';
import type { Resolution } from '../../core/resolve/resolve-link';
import { encodeNote } from './parse-cache-codec';

/** What is gathered of the graph (parse-cache.ts's GraphForCache). */
export interface GatherGraph {
  resolutionsOf(path: VaultPath, parsed: ParsedNote): readonly Resolution[] | null;
  changeCount?(): number;
}

export interface GatheredNote<E> {
  entry: E;
  note: ParsedNote;
  resolutions: readonly Resolution[] | null;
}

export interface Gathered<E> {
  kept: GatheredNote<E>[];
  /** Every note is there with its resolutions (a note left out would make the others' wrong). */
  complete: boolean;
}

/** Notes gathered between two turns of the event loop. */
export const GATHER_SLICE = 2000;

/** `entries` is read twice when the graph changed during the first, sliced pass. */
export async function gatherEntries<E extends { parsed: ParsedNote }>(entries: Iterable<[VaultPath, E]>, graph: GatherGraph | undefined): Promise<Gathered<E>> {
  const changeCount = graph?.changeCount;
  if (changeCount === undefined) return gatherSlice(entries, graph, false);
  const before = changeCount();
  const sliced = await gatherSlice(entries, graph, true);
  return changeCount() === before ? sliced : gatherSlice(entries, graph, false);
}

async function gatherSlice<E extends { parsed: ParsedNote }>(
  entries: Iterable<[VaultPath, E]>,
  graph: GatherGraph | undefined,
  sliced: boolean,
): Promise<Gathered<E>> {
  let complete = graph !== undefined;
  const kept: GatheredNote<E>[] = [];
  for (const [entryPath, entry] of entries) {
    if (sliced && kept.length > 0 && kept.length % GATHER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    if (entry.parsed.path !== entryPath) throw new Error(`parse cache: entry ${entryPath} holds the parse of ${entry.parsed.path}`);
    const note = encodeNote(entry.parsed);
    const resolutions = graph?.resolutionsOf(entryPath, entry.parsed) ?? null;
    if (note === null || resolutions === null) complete = false;
    if (note !== null) kept.push({ entry, note, resolutions });
  }
  return { kept, complete };
}
