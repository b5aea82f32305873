/**
 * Keeps the app's writes to one note in the order they were made. Renaming or deleting a note
 * while editing it closes the editor first, which sends its unsaved text as a last writeNote;
 * the rename (or delete) must reach the service after that save has landed, or the save would
 * hit the old path after the move (refused as "deleted on disk", the text lost with the closed
 * editor) or be unlinked by it half-way. Every other call passes straight through.
 */
import type { PlexusApi } from '../../../main/contract/api-contract';
import { connectionOf, registerConnection } from './connection-registry';
import type { VaultPath } from '../../../main/core/types';

export function orderWrites(api: PlexusApi): PlexusApi {
  const inFlight = new Map<string, Set<Promise<unknown>>>();

  const track = <T>(path: VaultPath, call: Promise<T>): Promise<T> => {
    const set = inFlight.get(path) ?? new Set<Promise<unknown>>();
    inFlight.set(path, set);
    set.add(call);
    const done = () => {
      set.delete(call);
      if (set.size === 0 && inFlight.get(path) === set) inFlight.delete(path);
    };
    call.then(done, done);
    return call;
  };

  /** Resolves once no write to `paths` (every path when null) is on its way, including ones sent meanwhile. */
  const settled = async (paths: string[] | null): Promise<void> => {
    for (;;) {
      const keys = paths ?? [...inFlight.keys()];
      const pending = keys.flatMap((p) => [...(inFlight.get(p) ?? [])]);
      if (pending.length === 0) return;
      // A failed save is the editor's to report; here it only has to be over.
      await Promise.allSettled(pending);
    }
  };

  const ordered: PlexusApi = {
    ...api,
    writeNote: (path, content, expectedHash) => track(path, api.writeNote(path, content, expectedHash)),
    renameNote: async (from, to) => {
      await settled([from, to]);
      return api.renameNote(from, to);
    },
    // The undo token does not say which notes it touches: wait for every save.
    undoRename: async (token) => {
      await settled(null);
      return api.undoRename(token);
    },
    deleteNote: async (path) => {
      await settled([path]);
      return api.deleteNote(path);
    },
  };
  // The wrapper is the same client: whoever watches the connection finds it through either.
  const connection = connectionOf(api);
  if (connection) registerConnection(ordered, connection);
  return ordered;
}
