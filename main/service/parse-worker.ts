/**
 * Worker-thread entry of the parse pool. Receives batches of paths (not texts, so nothing big
 * is copied in) and answers with parse results; also scans the vault folder on request, so a
 * warm start can list the files while the main thread loads the parse cache and builds the
 * graph. Bundled as dist/main/parse-worker.js for Electron; run from source through
 * parse-worker-bootstrap.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { describeError } from './file-reports';
import type { ParseRequest, ParseResult } from './parse-files';
import { scanVault, type ScanResult } from './scan-vault';

export type WorkerTask = { kind: 'parse'; request: ParseRequest } | { kind: 'scan'; realRoot: string };

export interface WorkerRequest {
  id: number;
  task: WorkerTask;
}

export type WorkerResponse =
  | { id: number; ok: true; kind: 'parse'; results: ParseResult[] }
  | { id: number; ok: true; kind: 'scan'; scan: ScanResult }
  | { id: number; ok: false; error: string };

const port = parentPort;
if (port === null) throw new Error('parse-worker must run in a worker thread');

// The parser (and the yaml package) load on the first parse task, not at boot: a warm start
// only asks for a scan, and wants it answered as soon as possible.
let parseFiles: typeof import('./parse-files').parseFiles | null = null;
function parser(): typeof import('./parse-files').parseFiles {
  parseFiles ??= (require('./parse-files') as typeof import('./parse-files')).parseFiles;
  return parseFiles;
}

async function run(message: WorkerRequest): Promise<WorkerResponse> {
  const { id, task } = message;
  try {
    if (task.kind === 'scan') return { id, ok: true, kind: 'scan', scan: await scanVault(task.realRoot) };
    return { id, ok: true, kind: 'parse', results: parser()(task.request) };
  } catch (error) {
    // parseFiles and scanVault report per-file problems themselves; reaching here is a bug,
    // passed to the pool to throw.
    return { id, ok: false, error: describeError(error) };
  }
}

port.on('message', (message: WorkerRequest) => {
  void run(message).then((response) => port.postMessage(response));
});
