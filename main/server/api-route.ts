/**
 * `POST /api/<method>`: body is a JSON array of arguments (at most MAX_BODY_BYTES), the reply is
 * the method's JSON result with status 200. Anything that is not a method result is a non-200
 * reply with body `{ ok: false, error: { code, message } }`, which the client turns into a throw.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ApiHandlers, ApiMethodName } from '../contract/api-contract';
import { isApiMethodName, RESULT_METHODS, WRITE_METHODS } from '../contract/api-methods';
import { err, ok, type Err, type Result } from '../core/result';
import { answerBody } from './answer-body';
import { sendJson, sendJsonBody } from './security';
import { MAX_ATTACHMENT_BASE64 } from '../service/files/attachment-bytes';

/** Room for the largest call: writeAttachment's 50 MB as base64, plus its path and the JSON around it. */
export const MAX_BODY_BYTES = MAX_ATTACHMENT_BASE64 + 1024 * 1024;

export interface ApiRouteHost {
  handlers: ApiHandlers;
  readOnly: boolean;
  port: number;
  log: (message: string, error?: unknown) => void;
}

function failure(code: ApiError['code'], message: string): Err<ApiError> {
  return err({ code, message });
}

/** The body's text, or 'too-large' past MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<Result<string, 'too-large'>> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      // Do not read a body we will refuse; the socket is closed after the reply.
      resolve(err('too-large'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        resolve(err('too-large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(ok(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

async function call(host: ApiRouteHost, name: ApiMethodName, args: unknown[]): Promise<unknown> {
  // The handlers validate every argument; the host only guarantees the arity is an array.
  const handler = host.handlers[name] as (...a: unknown[]) => Promise<unknown>;
  return handler.apply(host.handlers, args);
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, host: ApiRouteHost): Promise<void> {
  if (!isApiMethodName(method)) {
    req.resume();
    sendJson(res, host.port, 404, failure('not-found', `Unknown API method: ${method}`));
    return;
  }
  const body = await readBody(req);
  if (!body.ok) {
    res.setHeader('Connection', 'close');
    sendJson(res, host.port, 413, failure('too-large', `Request body over ${MAX_BODY_BYTES} bytes`));
    return;
  }
  let args: unknown;
  try {
    args = body.value === '' ? [] : JSON.parse(body.value);
  } catch {
    sendJson(res, host.port, 400, failure('invalid-input', 'Request body is not valid JSON'));
    return;
  }
  if (!Array.isArray(args)) {
    sendJson(res, host.port, 400, failure('invalid-input', 'Request body must be a JSON array of arguments'));
    return;
  }
  if (host.readOnly && WRITE_METHODS.has(method)) {
    // Every write method returns a Result, so this is an ordinary (200) result, not a transport error.
    sendJson(res, host.port, 200, failure('read-only', `The vault is open read-only; ${method} is not allowed`));
    return;
  }
  let result: unknown;
  try {
    result = await call(host, method, args);
  } catch (error) {
    host.log(`plexus: API method ${method} threw`, error);
    const message = error instanceof Error ? error.message : String(error);
    if (RESULT_METHODS.has(method)) {
      sendJson(res, host.port, 200, failure('io-error', message));
    } else {
      sendJson(res, host.port, 500, failure('io-error', message));
    }
    return;
  }
  sendJsonBody(res, host.port, 200, answerBody(result));
}
