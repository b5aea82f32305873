/**
 * The parse pool's in-thread path: with `size: 0`, and for the tasks of workers that could not
 * start. Unbudgeted: a synchronous parse on this thread cannot be stopped.
 */
import type { VaultFs } from '../files/vault-fs';
import { parseFiles, type NoteParser, type ParseRequest, type ParseResult } from './parse-files';
import type { WorkerAnswer, WorkerTask } from './parse-worker';
import { scanVault } from './scan-vault';

/** A task a failed worker left behind, done on this thread instead. */
export async function runInThread(task: WorkerTask, parse: NoteParser | undefined, io?: VaultFs): Promise<WorkerAnswer> {
  if (task.kind === 'scan') return { id: 0, ok: true, kind: 'scan', scan: await scanVault(task.realRoot, io) };
  return { id: 0, ok: true, kind: 'parse', results: await inThread(task.request, parse, io) };
}

/** Parses one batch on the main thread, yielding first so progress events and I/O can interleave. */
export function inThread(request: ParseRequest, parse: NoteParser | undefined, io?: VaultFs): Promise<ParseResult[]> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(parseFiles(request, { parse, fs: io }));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
