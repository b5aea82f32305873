/**
 * Worker-thread entry of the parse pool. Receives batches of paths (not texts, so nothing big
 * is copied in) and answers with parse results. Bundled as dist/main/parse-worker.js for
 * Electron; run from source through parse-worker-bootstrap.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { describeError } from './file-reports';
import { parseFiles, type ParseRequest } from './parse-files';

export interface WorkerRequest {
  id: number;
  request: ParseRequest;
}

export type WorkerResponse =
  | { id: number; ok: true; results: ReturnType<typeof parseFiles> }
  | { id: number; ok: false; error: string };

const port = parentPort;
if (port === null) throw new Error('parse-worker must run in a worker thread');

port.on('message', (message: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: message.id, ok: true, results: parseFiles(message.request) };
  } catch (error) {
    // parseFiles reports per-file problems itself; reaching here is a bug, passed to the pool to throw.
    response = { id: message.id, ok: false, error: describeError(error) };
  }
  port.postMessage(response);
});
