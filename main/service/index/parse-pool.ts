/**
 * Parses many notes on worker threads. Callers pass paths; workers read and parse the files
 * themselves in batches (one message per ~100 files keeps messaging overhead small).
 *
 * No parse runs on the calling thread while workers work: a note the parser cannot finish
 * would stop the app (requests, events, shutdown) with it. Instead each note has a time budget
 * (`parseBudgetMs`): a watchdog reads which note each worker is on (shared memory, see
 * parse-worker.ts), terminates a worker that has spent longer than the budget on one note, and
 * starts another. That note is then parsed again by the linear safe-mode scanner (its result
 * says so in `safeMode`), and the rest of its batch is parsed again as usual. A worker that
 * crashes on a note is handled the same way. Only `size: 0`, or workers that cannot start at
 * all, parse on this thread, unbudgeted.
 *
 * Starting a worker, and its script (the worker entry), are in parse-pool-worker.ts.
 */
import type { VaultPath } from '../../core/types';
import type { VaultFs } from '../files/vault-fs';
import { describeError } from '../file-reports';
import type { NoteParser, ParseRequest, ParseResult } from './parse-files';
import type { WorkerRequest, WorkerResponse, WorkerTask } from './parse-worker';
import { scanVault, type ScanResult } from './scan-vault';
import { defaultPoolSize, givenUp, inThreadPath, noteInProgress, resolveWorkerScript, settleTask, spawnPoolWorker } from './parse-pool-worker';
import type { PendingTask, PoolWorker, TaskAnswer } from './parse-pool-worker';

export { defaultPoolSize, resolveWorkerScript } from './parse-pool-worker';

export const DEFAULT_PARSE_BUDGET_MS = 2_000;
/** The safe-mode parse is linear; it gets this many budgets (and at least the minimum) before a note is given up. */
const SAFE_MODE_BUDGET_FACTOR = 10;
const SAFE_MODE_MIN_BUDGET_MS = 10_000;

export interface ParsePoolOptions {
  /** Number of workers; default min(availableParallelism, 4). 0 parses everything in-thread, with no budget. */
  size?: number;
  batchSize?: number;
  workerScript?: string;
  /** Workers idle this long are stopped (they are restarted on the next job). */
  idleMs?: number;
  /** Workers kept running however long idle (default 0): a watching service's next edit then waits for a parse, not a worker's start. */
  keepWarm?: number;
  /** Told when workers fail and the pool falls back to parsing in-thread. */
  onWarning?: (message: string) => void;
  /** The longest a worker may spend reading and parsing one note, in ms (default 2000); then the note is parsed in safe mode. */
  parseBudgetMs?: number;
  /**
   * A module (absolute path) whose `parseNote(path, text)` export the workers use instead of the
   * real parser. Tests use it to make a parse slow or crash on purpose; the apps never set it.
   */
  parserModule?: string;
  /**
   * The storage port for what runs on this thread (default node:fs). One that is not the disk
   * (`onDisk: false`) needs `size: 0`: workers read the disk themselves.
   */
  fs?: VaultFs;
}

export type ParseSettings = Omit<ParseRequest, 'paths' | 'safeMode'>;

export class ParsePool {
  private readonly size: number;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly keepWarm: number;
  private readonly budgetMs: number;
  private readonly safeBudgetMs: number;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: PendingTask[] = [];
  private nextId = 1;
  private broken = false;
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(private readonly options: ParsePoolOptions = {}) {
    this.size = options.size ?? defaultPoolSize();
    if (options.fs?.onDisk === false && this.size !== 0)
      throw new Error('parse pool: a vault not on disk is parsed in-thread (size: 0); workers cannot read it');
    this.batchSize = options.batchSize ?? 100;
    this.idleMs = options.idleMs ?? 15_000;
    this.keepWarm = options.keepWarm ?? 0;
    this.budgetMs = options.parseBudgetMs ?? DEFAULT_PARSE_BUDGET_MS;
    if (!(this.budgetMs > 0)) throw new Error(`parse budget must be a positive number of ms, got ${this.budgetMs}`);
    this.safeBudgetMs = Math.max(this.budgetMs * SAFE_MODE_BUDGET_FACTOR, SAFE_MODE_MIN_BUDGET_MS);
  }

  /** Parses `paths`; `onProgress(done)` is called as batches complete. Results keep the input order. */
  async parse(settings: ParseSettings, paths: VaultPath[], onProgress?: (done: number) => void): Promise<ParseResult[]> {
    if (this.closed) throw new Error('parse pool is closed');
    const batches: VaultPath[][] = [];
    for (let i = 0; i < paths.length; i += this.batchSize) batches.push(paths.slice(i, i + this.batchSize));
    const useWorkers = this.size > 0 && !this.broken;
    let done = 0;
    const parts = await Promise.all(
      batches.map(async (batchPaths) => {
        const request: ParseRequest = { ...settings, paths: batchPaths };
        const results = useWorkers ? await this.parseOnWorker(request) : await inThreadPath().inThread(request, this.replacementParser(), this.options.fs);
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
  async scan(realRoot: string, options: { onWorker: boolean; sliceMs?: number } = { onWorker: true }): Promise<ScanResult> {
    if (this.closed) throw new Error('parse pool is closed');
    if (!options.onWorker || this.size === 0 || this.broken) return scanVault(realRoot, this.options.fs, { sliceMs: options.sliceMs });
    const answer = await this.runOnWorker({ kind: 'scan', realRoot });
    if (answer.kind !== 'scan') throw new Error('parse worker answered a scan with parse results');
    return answer.scan;
  }

  /** Stops every worker at once, mid-parse or not; what was still running or queued fails with 'parse pool closed'. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.stopWatchdog();
    const error = new Error('parse pool closed');
    for (const pending of this.queue.splice(0)) pending.reject(error);
    const workers = this.workers.splice(0);
    for (const entry of workers) {
      entry.current?.pending.reject(error);
      entry.current = null;
    }
    await Promise.all(workers.map((entry) => entry.worker.terminate()));
  }

  /**
   * One batch on a worker. When the worker was stopped on a note (over budget, or crashed), that
   * note is parsed again in safe mode, or given up if that was already the safe-mode parse, and
   * the batch's other notes are parsed again (the stopped worker's results are lost with it).
   */
  private async parseOnWorker(request: ParseRequest): Promise<ParseResult[]> {
    const answer = await this.runOnWorker({ kind: 'parse', request });
    if (answer.kind === 'parse') return answer.results;
    if (answer.kind !== 'stopped') throw new Error('parse worker answered a parse with a scan');
    const slowPath = request.paths[answer.index];
    const others = request.paths.filter((_, i) => i !== answer.index);
    const [rest, slow] = await Promise.all([
      others.length === 0 ? [] : this.parseOnWorker({ ...request, paths: others }),
      request.safeMode !== undefined
        ? [givenUp(slowPath, request.safeMode, answer.reason)]
        : this.parseOnWorker({ ...request, paths: [slowPath], safeMode: answer.reason }),
    ]);
    return [...rest.slice(0, answer.index), ...slow, ...rest.slice(answer.index)];
  }

  private runOnWorker(task: WorkerTask): Promise<TaskAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.ensureWorkers();
      this.dispatch();
    });
  }

  /** As many workers as there are tasks to run now, up to the pool size (one small update boots one worker). */
  private ensureWorkers(): void {
    if (this.idleTimer !== null) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.broken || this.closed) return;
    const busy = this.workers.filter((entry) => entry.current !== null).length;
    while (this.workers.length < Math.min(busy + this.queue.length, this.size)) this.workers.push(this.startWorker());
  }

  private startWorker(): PoolWorker {
    const script = this.options.workerScript ?? resolveWorkerScript();
    const entry = spawnPoolWorker(script, this.options.parserModule ?? null);
    entry.worker.on('message', (response: WorkerResponse) => this.onMessage(entry, response));
    entry.worker.on('error', (error) => this.onWorkerFailure(entry, describeError(error)));
    entry.worker.on('exit', (code) => this.onWorkerFailure(entry, `exited with code ${code}`));
    return entry;
  }

  private dispatch(): void {
    for (const entry of this.workers) {
      if (entry.current !== null) continue;
      const pending = this.queue.shift();
      if (pending === undefined) break;
      const id = this.nextId++;
      entry.current = { id, pending };
      entry.worker.ref();
      const message: WorkerRequest = { id, task: pending.task };
      entry.worker.postMessage(message);
      if (pending.task.kind === 'parse') this.startWatchdog();
    }
    if (this.workers.every((entry) => entry.current === null)) {
      this.stopWatchdog();
      if (this.queue.length === 0) this.scheduleIdleStop();
    }
  }

  private onMessage(entry: PoolWorker, response: WorkerResponse): void {
    // A worker stopped over budget may have answered just before it was: its task is settled already.
    if (!this.workers.includes(entry)) return;
    const current = entry.current;
    if (current === null || current.id !== response.id) throw new Error(`parse worker answered unknown request ${response.id}`);
    entry.current = null;
    // An idle worker must not keep a CLI process alive; a busy one must, or Node could exit mid-parse.
    entry.worker.unref();
    settleTask(current.pending, response);
    this.dispatch();
  }

  private startWatchdog(): void {
    if (this.watchdog !== null) return;
    // Checks a few times per budget: a note is stopped between 1 and 1.25 budgets after it started.
    this.watchdog = setInterval(() => this.checkBudgets(), Math.min(100, Math.max(5, this.budgetMs / 4)));
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private checkBudgets(): void {
    const now = Date.now();
    for (const entry of [...this.workers]) {
      const task = entry.current?.pending.task;
      if (task?.kind !== 'parse') continue;
      const index = noteInProgress(entry);
      if (index < 0) continue;
      const budget = task.request.safeMode === undefined ? this.budgetMs : this.safeBudgetMs;
      if (now - entry.fileStarted[0] > budget) this.stopOnNote(entry, index, `parsing took longer than the ${budget} ms budget`);
    }
  }

  /** Ends `entry`'s task at the note it is on, replaces the worker, and carries on with the queue. */
  private stopOnNote(entry: PoolWorker, index: number, reason: string): void {
    const current = entry.current;
    if (current === null) throw new Error('stopOnNote: the worker has no task');
    entry.current = null;
    this.workers.splice(this.workers.indexOf(entry), 1);
    void entry.worker.terminate();
    current.pending.resolve({ kind: 'stopped', index, reason });
    this.ensureWorkers();
    this.dispatch();
  }

  /**
   * A worker that crashed on a note: that note is handled like one over budget. One that failed
   * otherwise (it could not load): stop using workers and finish everything in-thread.
   */
  private onWorkerFailure(entry: PoolWorker, reason: string): void {
    if (this.closed || !this.workers.includes(entry)) return;
    const index = noteInProgress(entry);
    if (entry.current?.pending.task.kind === 'parse' && index >= 0) {
      this.stopOnNote(entry, index, `the parser crashed (${reason})`);
      return;
    }
    this.broken = true;
    this.options.onWarning?.(`parse worker failed (${reason}); parsing in the main thread instead`);
    const orphaned: PendingTask[] = [];
    for (const worker of this.workers.splice(0)) {
      if (worker.current !== null) orphaned.push(worker.current.pending);
      worker.current = null;
      if (worker !== entry) void worker.worker.terminate();
    }
    orphaned.push(...this.queue.splice(0));
    this.stopWatchdog();
    for (const pending of orphaned) inThreadPath().runInThread(pending.task, this.replacementParser(), this.options.fs).then(pending.resolve, pending.reject);
  }

  /** The `parserModule` parser, for parsing in-thread as the workers would. */
  private replacementParser(): NoteParser | undefined {
    const module = this.options.parserModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module named at run time (tests' slow parsers), as the workers load it
    return module === undefined ? undefined : (require(module) as { parseNote: NoteParser }).parseNote;
  }

  private scheduleIdleStop(): void {
    if (this.idleTimer !== null || this.workers.length <= this.keepWarm) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      const idle = this.workers.splice(this.keepWarm);
      for (const entry of idle) void entry.worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }
}
