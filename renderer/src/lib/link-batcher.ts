/**
 * Resolves the reading view's links in batches (resolveLinks) instead of one call each: a long
 * note draws some thousand links, and one call per link queued behind the browser's few
 * connections to the server. Requests made in the same task (one commit's links) go out
 * together; while `slots` batches are in flight, new requests wait and go out together in the
 * next. A batch holds targets from one note, at most `batchSize`.
 */
import type { LinkTargetInfo, PlexusApi } from '../../../main/contract/api-contract';
import type { VaultPath } from '../../../main/core/types';

/** Targets per call: well under what the contract accepts (2,000), so one reply stays small. */
export const RESOLVE_BATCH_SIZE = 500;

const NO_TARGET: LinkTargetInfo = { resolved: null, kind: null, createPath: null };

interface Waiting {
  from: VaultPath;
  target: string;
  resolve(info: LinkTargetInfo): void;
  reject(error: unknown): void;
}

export type ResolveLink = (from: VaultPath, target: string) => Promise<LinkTargetInfo>;

export function createLinkBatcher(api: Pick<PlexusApi, 'resolveLinks'>, slots: number, batchSize = RESOLVE_BATCH_SIZE): ResolveLink {
  if (!Number.isInteger(slots) || slots < 1) throw new Error(`createLinkBatcher: slots must be a positive integer, got ${slots}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`createLinkBatcher: batchSize must be a positive integer, got ${batchSize}`);
  let waiting: Waiting[] = [];
  let running = 0;
  let scheduled = false;

  /** The next batch: the first waiting request's note, its first batchSize distinct targets (the rest keep their order). */
  const takeBatch = (): { from: VaultPath; targets: Map<string, Waiting[]> } => {
    const from = waiting[0].from;
    const targets = new Map<string, Waiting[]>();
    const rest: Waiting[] = [];
    for (const w of waiting) {
      const same = w.from === from ? targets.get(w.target) : undefined;
      if (same) same.push(w);
      else if (w.from === from && targets.size < batchSize) targets.set(w.target, [w]);
      else rest.push(w);
    }
    waiting = rest;
    return { from, targets };
  };

  const send = (from: VaultPath, targets: Map<string, Waiting[]>): Promise<void> =>
    api.resolveLinks(from, [...targets.keys()]).then(
      (answer) => {
        if (!answer.ok) {
          // What resolveLink answers for a note it does not hold or a path it refuses: no target.
          const refused = answer.error.code === 'not-found' || answer.error.code === 'outside-vault' || answer.error.code === 'invalid-input';
          const error = new Error(`resolving links from ${from}: ${answer.error.message}`);
          for (const list of targets.values()) {
            for (const w of list) {
              if (refused) w.resolve(NO_TARGET);
              else w.reject(error);
            }
          }
          return;
        }
        if (answer.value.length !== targets.size) throw new Error(`resolveLinks answered ${answer.value.length} of ${targets.size} targets`);
        let i = 0;
        for (const list of targets.values()) {
          const info = answer.value[i++];
          for (const w of list) w.resolve(info);
        }
      },
      (error: unknown) => {
        for (const list of targets.values()) for (const w of list) w.reject(error);
      },
    );

  const pump = () => {
    scheduled = false;
    while (running < slots && waiting.length > 0) {
      const { from, targets } = takeBatch();
      running++;
      send(from, targets)
        .catch((error: unknown) => {
          for (const list of targets.values()) for (const w of list) w.reject(error);
        })
        .finally(() => {
          running--;
          pump();
        });
    }
  };

  return (from, target) =>
    new Promise<LinkTargetInfo>((resolve, reject) => {
      waiting.push({ from, target, resolve, reject });
      if (!scheduled && running < slots) {
        scheduled = true;
        // After the task that asked: the rest of the commit's links join this batch.
        setTimeout(pump, 0);
      }
    });
}
