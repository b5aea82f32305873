/**
 * `plexus serve` as a user runs it (bin/plexus.cjs in a child process): SIGTERM and SIGINT end
 * it within 2 s even while a note is being parsed, and a note too slow to parse (an 8 MB note
 * against a 20 ms budget) is indexed in safe mode without stopping the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigNote } from './big-note';

const REPO = join(__dirname, '..', '..');
const STOP_WITHIN_MS = 2_000;
// Starting the CLI, parsing and indexing an 8 MB note in safe mode: seconds, more on a loaded machine.
jest.setTimeout(120_000);

interface Served {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const temps: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

function serve(vault: string, args: string[]): Served {
  const state = tempDir('plexus-serve-state-');
  const child = spawn(process.execPath, [join(REPO, 'bin', 'plexus.cjs'), 'serve', vault, '--no-cache', ...args], {
    cwd: REPO,
    env: { ...process.env, PLEXUS_CACHE_DIR: state, PLEXUS_DATA_DIR: join(state, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Resolves with the first match of `pattern` in the output; the first run may build the UI first. */
async function waitForOutput(served: Served, pattern: RegExp, timeoutMs = 100_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = served.output().match(pattern);
    if (match) return match;
    if (served.child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in the output of plexus serve:\n${served.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sends `signal` and resolves with how long the process took to exit, and how it exited. */
async function stopWith(served: Served, signal: NodeJS.Signals): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }> {
  const sent = Date.now();
  served.child.kill(signal);
  const outcome = await Promise.race([served.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
  if (outcome === null) throw new Error(`plexus serve was still running 10 s after ${signal}:\n${served.output()}`);
  return { ms: Date.now() - sent, ...outcome };
}

/** Opens the one-time sign-in link as a browser would and returns the session cookie it sets. */
function signIn(url: string): Promise<string> {
  const { port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path: pathname + search, agent: false }, (res) => {
      res.resume();
      const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
      if (cookie) resolve(cookie);
      else reject(new Error(`sign-in link answered ${res.statusCode} without a session cookie`));
    });
    req.on('error', reject);
    req.end();
  });
}

function callApi(url: string, cookie: string, method: string, args: unknown[]): Promise<unknown> {
  const { origin, port } = new URL(url);
  const body = JSON.stringify(args);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        // A connection per call: a kept-alive socket the server is closing as idle would reset a call (ECONNRESET) that never reached it.
        agent: false,
        headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error(`/api/${method} answered ${res.statusCode}: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function vaultWith(files: Record<string, string>): string {
  const dir = tempDir('plexus-serve-vault-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('plexus serve and signals', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)('%s while the vault is still being parsed stops it cleanly within 2 s', async (signal) => {
    const vault = vaultWith({ 'Big.md': bigNote(), 'Small.md': '# Small\n[[Big]]\n' });
    // A budget far longer than the test: the parse is still running when the signal comes.
    const served = serve(vault, ['--parse-budget-ms', '600000']);
    await waitForOutput(served, /Indexing 0 \/ 2/);
    const stopped = await stopWith(served, signal);
    expect(stopped.ms).toBeLessThan(STOP_WITHIN_MS);
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
    expect(served.output()).toMatch(/plexus: stopped/);
  });

  test('a note too slow to parse, saved while serving, is indexed in safe mode; the server answers meanwhile; SIGTERM ends it within 2 s', async () => {
    const vault = vaultWith({ 'Small.md': '# Small\n[[Big]]\n' });
    const served = serve(vault, ['--parse-budget-ms', '20']);
    const [url] = await waitForOutput(served, /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/);
    const cookie = await signIn(url);
    writeFileSync(join(vault, 'Big.md'), bigNote());
    const deadline = Date.now() + 60_000;
    // A failed call says what the server printed: whether it logged a failed request or exited.
    const call = (method: string, args: unknown[]) =>
      callApi(url, cookie, method, args).catch((error: unknown) => {
        throw new Error(`/api/${method} failed (${String(error)}); plexus serve printed:\n${served.output()}`);
      });
    let meta = (await call('getNoteMeta', ['Big.md'])) as { ok: boolean; value?: { safeMode: string | null } };
    while (!meta.ok && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      meta = (await call('getNoteMeta', ['Big.md'])) as typeof meta;
    }
    expect(meta).toEqual({ ok: true, value: expect.objectContaining({ safeMode: 'parsing took longer than the 20 ms budget' }) });
    const backlinks = (await call('getBacklinks', ['Small.md'])) as { ok: true; value: { source: string }[] };
    expect(backlinks.value.map((group) => group.source)).toEqual(['Big.md']);
    const stopped = await stopWith(served, 'SIGTERM');
    expect(stopped.ms).toBeLessThan(STOP_WITHIN_MS);
    expect(stopped.code).toBe(0);
  });
});
