/**
 * Parses many notes on worker threads. Callers pass paths; workers read and parse the files
 * themselves in batches (one message per ~100 files keeps messaging overhead small). Small
 * jobs run in-thread because starting a worker costs more than parsing a few notes.
 *
 * Worker entry: the bundled `parse-worker.js` next to this module (the Electron build), else
 * `parse-worker-bootstrap.cjs`, which registers tsx and loads the TypeScript worker (jest, CLI).
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { VaultPath } from '../core/types';
import { describeError } from './file-reports';
import { parseFiles, type ParseRequest, type ParseResult } from './parse-files';
import type { WorkerRequest, WorkerResponse, WorkerTask } from './parse-worker';
import { scanVault, type ScanResult } from './scan-vault';

type WorkerAnswer = Extract<WorkerResponse, { ok: true }>;

export interface ParsePoolOptions {
  /** Number of workers; default min(availableParallelism, 4). 0 parses everything in-thread. */
  size?: number;
  batchSize?: number;
  /** Jobs with fewer files than this are parsed in-thread. */
  inThreadBelow?: number;
  workerScript?: string;
  /** Workers idle this long are stopped (they are restarted on the next big job). */
  idleMs?: number;
  /** Told when workers fail and the pool falls back to parsing in-thread. */
  onWarning?: (message: string) => void;
}

export type ParseSettings = Omit<ParseRequest, 'paths'>;

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

interface PendingBatch {
  task: WorkerTask;
  resolve: (answer: WorkerAnswer) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  current: { id: number; batch: PendingBatch } | null;
}

export class ParsePool {
  private readonly size: number;
  private readonly batchSize: number;
  private readonly inThreadBelow: number;
  private readonly idleMs: number;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: PendingBatch[] = [];
  private nextId = 1;
  private broken = false;
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ParsePoolOptions = {}) {
    this.size = options.size ?? defaultPoolSize();
    this.batchSize = options.batchSize ?? 100;
    this.inThreadBelow = options.inThreadBelow ?? 200;
    this.idleMs = options.idleMs ?? 15_000;
  }

  /** Parses `paths`; `onProgress(done)` is called as batches complete. Results keep the input order. */
  async parse(settings: ParseSettings, paths: VaultPath[], onProgress?: (done: number) => void): Promise<ParseResult[]> {
    if (this.closed) throw new Error('parse pool is closed');
    const batches: VaultPath[][] = [];
    for (let i = 0; i < paths.length; i += this.batchSize) batches.push(paths.slice(i, i + this.batchSize));
    const useWorkers = this.size > 0 && !this.broken && paths.length >= this.inThreadBelow;
    let done = 0;
    const parts = await Promise.all(
      batches.map(async (batchPaths) => {
        const request: ParseRequest = { ...settings, paths: batchPaths };
        const results = useWorkers ? await this.parseOnWorker(request) : await inThread(request);
        done += batchPaths.length;
        onProgress?.(done);
        return results;
      }),
    );
    return parts.flat();
  }

  /**
   * Lists the vault's files on a worker when workers are enabled, so the calling thread is free
   * meanwhile (a warm start loads the cache and builds the graph during the scan); in-thread
   * otherwise, or when `onWorker` is false (small vaults: booting a worker costs more than
   * the scan).
   */
  async scan(realRoot: string, options: { onWorker: boolean } = { onWorker: true }): Promise<ScanResult> {
    if (this.closed) throw new Error('parse pool is closed');
    if (!options.onWorker || this.size === 0 || this.broken) return scanVault(realRoot);
    const answer = await this.runOnWorker({ kind: 'scan', realRoot });
    if (answer.kind !== 'scan') throw new Error('parse worker answered a scan with parse results');
    return answer.scan;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    for (const pending of this.queue.splice(0)) pending.reject(new Error('parse pool closed'));
    await Promise.all(this.workers.splice(0).map((entry) => entry.worker.terminate()));
  }

  private async parseOnWorker(request: ParseRequest): Promise<ParseResult[]> {
    const answer = await this.runOnWorker({ kind: 'parse', request });
    if (answer.kind !== 'parse') throw new Error('parse worker answered a parse with a scan');
    return answer.results;
  }

  private runOnWorker(task: WorkerTask): Promise<WorkerAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      // A scan is one task: one worker does it, and booting more would only take the core the
      // calling thread needs meanwhile. Parsing wants them all.
      this.ensureWorkers(task.kind === 'scan' ? 1 : this.size);
      this.dispatch();
    });
  }

  private ensureWorkers(wanted: number): void {
    if (this.idleTimer !== null) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.broken) return;
    while (this.workers.length < Math.min(wanted, this.size)) {
      const script = this.options.workerScript ?? resolveWorkerScript();
      const entry: PoolWorker = { worker: new Worker(script), current: null };
      entry.worker.on('message', (response: WorkerResponse) => this.onMessage(entry, response));
      entry.worker.on('error', (error) => this.onWorkerFailure(entry, describeError(error)));
      entry.worker.on('exit', (code) => {
        if (!this.closed && this.workers.includes(entry)) this.onWorkerFailure(entry, `exited with code ${code}`);
      });
      this.workers.push(entry);
    }
  }

  private dispatch(): void {
    for (const entry of this.workers) {
      if (entry.current !== null) continue;
      const batch = this.queue.shift();
      if (batch === undefined) break;
      const id = this.nextId++;
      entry.current = { id, batch };
      entry.worker.ref();
      const message: WorkerRequest = { id, task: batch.task };
      entry.worker.postMessage(message);
    }
    if (this.queue.length === 0 && this.workers.every((entry) => entry.current === null)) this.scheduleIdleStop();
  }

  private onMessage(entry: PoolWorker, response: WorkerResponse): void {
    const current = entry.current;
    if (current === null || current.id !== response.id) throw new Error(`parse worker answered unknown request ${response.id}`);
    entry.current = null;
    // An idle worker must not keep a CLI process alive; a busy one must, or Node could exit mid-parse.
    entry.worker.unref();
    if (response.ok) current.batch.resolve(response);
    else current.batch.reject(new Error(`parse worker failed: ${response.error}`));
    this.dispatch();
  }

  /** A crashed or unloadable worker: stop using workers and finish everything in-thread. */
  private onWorkerFailure(entry: PoolWorker, reason: string): void {
    if (this.closed) return;
    this.broken = true;
    this.options.onWarning?.(`parse worker failed (${reason}); parsing in the main thread instead`);
    const orphaned: PendingBatch[] = [];
    for (const worker of this.workers.splice(0)) {
      if (worker.current !== null) orphaned.push(worker.current.batch);
      worker.current = null;
      if (worker !== entry) void worker.worker.terminate();
    }
    orphaned.push(...this.queue.splice(0));
    for (const batch of orphaned) runInThread(batch.task).then(batch.resolve, batch.reject);
  }

  private scheduleIdleStop(): void {
    if (this.idleTimer !== null || this.workers.length === 0) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      const idle = this.workers.splice(0);
      for (const entry of idle) void entry.worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }
}

/** A task a failed worker left behind, done on this thread instead. */
async function runInThread(task: WorkerTask): Promise<WorkerAnswer> {
  if (task.kind === 'scan') return { id: 0, ok: true, kind: 'scan', scan: await scanVault(task.realRoot) };
  return { id: 0, ok: true, kind: 'parse', results: await inThread(task.request) };
}

/** Parses one batch on the main thread, yielding first so progress events and I/O can interleave. */
function inThread(request: ParseRequest): Promise<ParseResult[]> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(parseFiles(request));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
