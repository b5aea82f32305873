/**
 * One worker of the parse pool (parse-pool.ts): how many to run, which script to start, and a
 * started worker with the shared memory through which it says which note it is on and since
 * when (parse-worker.ts), which the pool's watchdog reads to stop a note over its budget; and
 * how its answer settles a task; the in-thread path and the given-up result the pool falls back
 * to. Kept apart so the pool itself holds only the scheduling: the queue, the budgets and the fallbacks.
 *
 * Worker entry: the bundled `parse-worker.js` next to this module (the Electron build in
 * dist/main, the CLI build in dist/cli), else `parse-worker-bootstrap.cjs`, which registers tsx
 * and loads the TypeScript worker (jest, and scripts run through scripts/run-ts.cjs).
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeError } from '../file-reports';
import { unpackResults } from './packed-parse-results';
import type { WorkerAnswer, WorkerResponse, WorkerSetup, WorkerTask } from './parse-worker';
import type { ParseResult } from './parse-files';
import type { VaultPath } from '../../core/types';

/** What a task ends with: the worker's answer, or the note it was stopped on. */
export type TaskAnswer = WorkerAnswer | { kind: 'stopped'; index: number; reason: string };

export interface PendingTask {
  task: WorkerTask;
  resolve: (answer: TaskAnswer) => void;
  reject: (error: Error) => void;
}

export interface PoolWorker {
  worker: Worker;
  current: { id: number; pending: PendingTask } | null;
  /** Index + 1 of the file the worker is on (0: none), and when it started on it (ms since the epoch). */
  fileIndex: Int32Array;
  fileStarted: Float64Array;
}

export function defaultPoolSize(): number {
  const parallelism = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(parallelism, 4));
}

export function resolveWorkerScript(baseDir: string = __dirname): string {
  const bundled = path.join(baseDir, 'parse-worker.js');
  if (existsSync(bundled)) return bundled;
  const bootstrap = path.join(baseDir, 'parse-worker-bootstrap.cjs');
  if (existsSync(bootstrap)) return bootstrap;
  throw new Error(`parse worker not found next to ${baseDir} (expected parse-worker.js or parse-worker-bootstrap.cjs)`);
}

/** Starts a worker on `script`, idle, with its progress memory; the caller listens to it. */
export function spawnPoolWorker(script: string, parserModule: string | null): PoolWorker {
  // Int32 at byte 0, Float64 at byte 8 (see WorkerSetup).
  const progress = new SharedArrayBuffer(16);
  const setup: WorkerSetup = { progress, parserModule };
  return {
    worker: new Worker(script, { workerData: setup }),
    current: null,
    fileIndex: new Int32Array(progress, 0, 1),
    fileStarted: new Float64Array(progress, 8, 1),
  };
}

/** The index in its batch of the note the worker is on; -1 when it is on none. */
export function noteInProgress(entry: PoolWorker): number {
  return Atomics.load(entry.fileIndex, 0) - 1;
}

/**
 * Settles a task with its worker's answer. Packed results are unpacked first, over several
 * turns (see unpackResults), while the worker takes its next task.
 */
export function settleTask(pending: PendingTask, response: WorkerResponse): void {
  if (!response.ok) pending.reject(new Error(`parse worker failed: ${response.error}`));
  else if (response.kind !== 'packed') pending.resolve(response);
  else
    unpackResults(response.packed).then(
      (results) => pending.resolve({ id: response.id, ok: true, kind: 'parse', results }),
      (error: unknown) => pending.reject(new Error(`parse worker's answer could not be unpacked: ${describeError(error)}`)),
    );
}

/**
 * The in-thread path, loaded on first use: it brings the whole parser (and the yaml package)
 * onto this thread, which a process whose parses all run on workers, or that finds every note
 * in its cache, never needs (about a third of `plexus check`'s start-up on a small vault).
 */
export function inThreadPath(): typeof import('./parse-in-thread') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand: most runs never parse in-thread
  return require('./parse-in-thread') as typeof import('./parse-in-thread');
}

/** A note that even the safe-mode parse could not finish: reported, not indexed. */
export function givenUp(path: VaultPath, firstReason: string, reason: string): ParseResult {
  return { path, ok: false, report: { path, problem: 'parse-error', message: `not indexed: ${firstReason}, and in safe mode ${reason}` } };
}
