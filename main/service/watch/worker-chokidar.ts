/**
 * chokidar run in a worker thread (watch-worker.ts), seen from the main thread as the parts of a
 * chokidar watcher VaultWatcher uses: 'all', 'error' and 'ready' events, in the worker's order,
 * and close(). A worker that dies or cannot start is reported as an error with the code
 * WATCH_WORKER_LOST, on which VaultWatcher watches on the main thread instead.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WatchWorkerCommand, WatchWorkerMessage, WatchWorkerSetup } from './watch-worker';

export const WATCH_WORKER_LOST = 'EWATCHWORKER';

/** What VaultWatcher uses of a chokidar watcher (chokidar's own, or one in a worker). */
export interface WatchSource {
  on(event: 'all', listener: (event: string, path: string) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
  close(): Promise<void>;
}

/** The worker's script: the bundle beside this code (builds), or the bootstrap (sources); null when neither is there. */
export function watchWorkerScript(baseDir: string = __dirname): string | null {
  for (const name of ['watch-worker.js', 'watch-worker-bootstrap.cjs']) {
    const candidate = path.join(baseDir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export class WorkerChokidar extends EventEmitter implements WatchSource {
  private readonly worker: Worker;
  private closing: Promise<void> | null = null;
  private exited = false;
  private lostReported = false;

  constructor(script: string, setup: WatchWorkerSetup) {
    super();
    this.worker = new Worker(script, { workerData: setup });
    this.worker.on('message', (message: WatchWorkerMessage) => this.received(message));
    this.worker.on('error', (error: Error) => this.lost(`the watch worker failed: ${error.message}`));
    this.worker.on('exit', (code: number) => {
      this.exited = true;
      if (this.closing === null) this.lost(`the watch worker stopped (exit code ${code})`);
    });
  }

  close(): Promise<void> {
    this.closing ??= this.stop();
    return this.closing;
  }

  private async stop(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.on('message', (message: WatchWorkerMessage) => {
        if (message.kind === 'closed') resolve();
      });
    });
    this.worker.postMessage({ kind: 'close' } satisfies WatchWorkerCommand);
    await done;
    // chokidar has closed its watches; the thread itself goes now.
    await this.worker.terminate();
  }

  private received(message: WatchWorkerMessage): void {
    if (this.closing !== null) return;
    switch (message.kind) {
      case 'events':
        for (const [event, absolute] of message.events) this.emit('all', event, absolute);
        return;
      case 'error':
        this.emit('error', Object.assign(new Error(message.message), message.code === null ? {} : { code: message.code }));
        return;
      case 'ready':
        this.emit('ready');
        return;
      case 'closed':
        return;
    }
  }

  private lost(message: string): void {
    if (this.lostReported || this.closing !== null) return;
    this.lostReported = true;
    this.emit('error', Object.assign(new Error(message), { code: WATCH_WORKER_LOST }));
  }
}
