/**
 * Worker-thread entry of the parse pool. Receives batches of paths (not texts, so nothing big
 * is copied in) and answers with parse results; also scans the vault folder on request, so a
 * warm start can list the files while the main thread loads the parse cache and builds the
 * graph. Bundled as dist/main/parse-worker.js for Electron and dist/cli/parse-worker.js for the
 * CLI; run from source through parse-worker-bootstrap.cjs.
 *
 * Before each file of a batch the worker writes, into memory shared with the pool, the file's
 * index (plus one) and when it started: the pool's watchdog reads them to find a note over its
 * parse budget, and terminates this worker (a synchronous parse cannot be interrupted any other
 * way). Between batches the index is 0.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { describeError } from '../file-reports';
import { listItems, packResults, PACK_MIN_ITEMS, type PackedResults } from './packed-parse-results';
import type { NoteParser, ParseRequest, ParseResult } from './parse-files';
import { scanVault, type ScanResult } from './scan-vault';

export type WorkerTask = { kind: 'parse'; request: ParseRequest } | { kind: 'scan'; realRoot: string };

export interface WorkerRequest {
  id: number;
  task: WorkerTask;
}

/**
 * A parse answers with its results as they are, or packed (packed-parse-results.ts) when they
 * hold so many links, tags and headings that deserialising them would hold the main thread.
 */
export type WorkerResponse =
  | { id: number; ok: true; kind: 'parse'; results: ParseResult[] }
  | { id: number; ok: true; kind: 'packed'; packed: PackedResults }
  | { id: number; ok: true; kind: 'scan'; scan: ScanResult }
  | { id: number; ok: false; error: string };

/** A task's answer as the pool hands it on: a parse's results unpacked. */
export type WorkerAnswer = Extract<WorkerResponse, { kind: 'parse' | 'scan' }>;

export interface WorkerSetup {
  /** 16 bytes (laid out by the pool): Int32 [0] = index + 1 of the file being parsed (0: none); Float64 [1] = its start, ms since the epoch. */
  progress: SharedArrayBuffer;
  /** A module whose `parseNote` export replaces the full parser (the pool's `parserModule` option). */
  parserModule: string | null;
}

const port = parentPort;
if (port === null) throw new Error('parse-worker must run in a worker thread');
const setup = workerData as WorkerSetup;
const current = new Int32Array(setup.progress, 0, 1);
const startedAt = new Float64Array(setup.progress, 8, 1);

// The parser (and the yaml package) load on the first parse task, not at boot: a warm start
// only asks for a scan, and wants it answered as soon as possible.
let parseFiles: typeof import('./parse-files').parseFiles | null = null;
let replacement: NoteParser | undefined;
function parser(): typeof import('./parse-files').parseFiles {
  if (parseFiles === null) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first parse task (see above)
    parseFiles = (require('./parse-files') as typeof import('./parse-files')).parseFiles;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module named at run time (tests' slow parsers)
    if (setup.parserModule !== null) replacement = (require(setup.parserModule) as { parseNote: NoteParser }).parseNote;
  }
  return parseFiles;
}

function onFile(index: number): void {
  // The start first: the pool reads the index, then the time, so it never pairs a new index with an old start.
  startedAt[0] = Date.now();
  Atomics.store(current, 0, index + 1);
}

async function run(message: WorkerRequest): Promise<{ response: WorkerResponse; transfer: ArrayBuffer[] }> {
  const { id, task } = message;
  try {
    if (task.kind === 'scan') return { response: { id, ok: true, kind: 'scan', scan: await scanVault(task.realRoot) }, transfer: [] };
    const parse = parser();
    const results = parse(task.request, { parse: replacement, onFile });
    if (listItems(results) < PACK_MIN_ITEMS) return { response: { id, ok: true, kind: 'parse', results }, transfer: [] };
    // Packing is this thread's work, after the last note: the budget watch is over.
    Atomics.store(current, 0, 0);
    const { packed, transfer } = packResults(results);
    return { response: { id, ok: true, kind: 'packed', packed }, transfer };
  } catch (error) {
    // parseFiles and scanVault report per-file problems themselves; reaching here is a bug,
    // passed to the pool to throw.
    return { response: { id, ok: false, error: describeError(error) }, transfer: [] };
  } finally {
    Atomics.store(current, 0, 0);
  }
}

port.on('message', (message: WorkerRequest) => {
  void run(message).then(({ response, transfer }) => port.postMessage(response, transfer));
});
