/**
 * Worker-thread entry of the vault watcher: runs chokidar off the main thread and forwards its
 * events in order. chokidar re-lists a whole folder (an lstat per entry) after any event in it,
 * at most once a second per folder but again as soon as a listing ends: during a 5,000-note
 * `git checkout` that was about a third of the main thread's work and most of its longest
 * blocks. Events are sent in one message per turn of this thread's event loop, in the order
 * chokidar emitted them. Bundled as watch-worker.js next to the Electron main bundle and in
 * dist/cli; run from source through watch-worker-bootstrap.cjs.
 */
import { watch, type ChokidarOptions } from 'chokidar';
import { promises as fsp, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ignoredUnder } from './watch-ignore';

/** Options that cross to the worker (the ignore rule is the vault's, rebuilt here). */
export type WorkerWatchOptions = Pick<ChokidarOptions, 'ignoreInitial' | 'followSymlinks' | 'usePolling' | 'interval' | 'binaryInterval'>;

export interface WatchWorkerSetup {
  root: string;
  options: WorkerWatchOptions;
}

export type WatchWorkerMessage =
  | { kind: 'events'; events: [event: string, path: string][] }
  | { kind: 'error'; code: string | null; message: string }
  | { kind: 'ready' }
  | { kind: 'closed' };

export type WatchWorkerCommand = { kind: 'close' };

/**
 * Linux: this thread's scheduling priority, a few steps below the main thread's. On a busy
 * machine the two share the cores, and the main thread (requests, events to the window) should
 * win; the watcher's events are then late, never lost. setpriority on a thread's id applies to
 * that thread alone, and /proc/thread-self names it.
 */
function yieldToMainThread(): void {
  if (process.platform !== 'linux') return;
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  setPriority(tid, Math.min(19, getPriority(tid) + 5));
}

async function run(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('watch-worker: not started as a worker thread');
  const setup = workerData as WatchWorkerSetup;
  // The process's thread pool starts with its first use and its threads inherit the starter's
  // priority: used once first, so it never runs below the main thread's priority.
  await fsp.stat(setup.root);
  try {
    yieldToMainThread();
  } catch (error) {
    // Watching works without it; the receiver reports it as a watcher error.
    port.postMessage({
      kind: 'error',
      code: null,
      message: `could not lower the watch thread's priority: ${error instanceof Error ? error.message : String(error)}`,
    } satisfies WatchWorkerMessage);
  }
  const watcher = watch(setup.root, { ...setup.options, ignored: ignoredUnder(setup.root) });
  let queued: [string, string][] = [];
  let flushing = false;
  const flush = () => {
    flushing = false;
    if (queued.length === 0) return;
    port.postMessage({ kind: 'events', events: queued } satisfies WatchWorkerMessage);
    queued = [];
  };
  watcher.on('all', (event: string, absolute: string) => {
    queued.push([event, absolute]);
    if (!flushing) {
      flushing = true;
      setImmediate(flush);
    }
  });
  watcher.on('error', (error: unknown) => {
    // Events seen before the error go first: the receiver may restart the watch on it.
    flush();
    const code = (error as { code?: unknown }).code;
    port.postMessage({
      kind: 'error',
      code: typeof code === 'string' ? code : null,
      message: error instanceof Error ? error.message : String(error),
    } satisfies WatchWorkerMessage);
  });
  watcher.once('ready', () => port.postMessage({ kind: 'ready' } satisfies WatchWorkerMessage));
  port.on('message', (command: WatchWorkerCommand) => {
    if (command.kind !== 'close') return;
    void watcher.close().then(() => {
      flush();
      port.postMessage({ kind: 'closed' } satisfies WatchWorkerMessage);
      port.close();
    });
  });
}

// A failure to start (the vault folder gone) ends the thread with that error, uncaught: the
// receiver hears of it as the worker's failure and watches on the main thread.
run().catch((error: unknown) =>
  setImmediate(() => {
    throw error;
  }),
);
