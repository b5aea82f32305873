/** Test helpers: a fake ApiHandlers that records calls, a tiny raw-HTTP client, a temp static dir. */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApiHandlers, ApiMethodName, VaultEvent } from '../../main/contract/api-contract';
import { API_METHOD_NAMES } from '../../main/contract/api-methods';

export interface FakeHandlers {
  handlers: ApiHandlers;
  calls: { name: ApiMethodName; args: unknown[] }[];
}

/** Every method answers `{ ok: true, value: <its name> }`; `overrides` replace single methods. */
export function fakeHandlers(overrides: Partial<Record<ApiMethodName, (...args: unknown[]) => Promise<unknown>>> = {}): FakeHandlers {
  const calls: FakeHandlers['calls'] = [];
  const handlers: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of API_METHOD_NAMES) {
    handlers[name] = async (...args: unknown[]) => {
      calls.push({ name, args });
      const override = overrides[name];
      return override ? override(...args) : { ok: true, value: name };
    };
  }
  return { handlers: handlers as unknown as ApiHandlers, calls };
}

export function eventSource(): { subscribe: (l: (e: VaultEvent) => void) => () => void; emit: (e: VaultEvent) => void; count: () => number } {
  const listeners = new Set<(e: VaultEvent) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    count: () => listeners.size,
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const staticRoots: string[] = [];
// Every file that makes a static dir gets it removed when the file's tests are done.
afterAll(() => {
  for (const root of staticRoots.splice(0)) rmSync(root, { recursive: true, force: true });
});

export function makeStaticDir(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'plexus-static-'));
  staticRoots.push(root);
  const dir = path.join(root, 'renderer');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Plexus</title>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(dir, 'assets', 'logo.svg'), '<svg/>');
  // A file next to (outside) the static root that traversal must never reach.
  writeFileSync(path.join(root, 'secret.txt'), 'top secret');
  return dir;
}
