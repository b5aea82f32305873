/**
 * `plexus serve` without --port serves a vault on the same port every time (the browser keeps the
 * app's tabs, bookmarks and settings per address), and on any free port, saying so, when that
 * one is taken.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VAULT_PORT_COUNT, VAULT_PORT_FIRST, vaultPort } from '../../main/cli/serve-port';

const REPO = join(__dirname, '..', '..');
jest.setTimeout(120_000);

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

/** Runs `plexus serve vault` until it prints its link, then stops it; resolves with the link's port and the output. */
async function serveOnce(vault: string, state: string): Promise<{ port: number; output: string }> {
  const child = spawn(process.execPath, [join(REPO, 'bin', 'plexus.cjs'), 'serve', vault, '--no-cache'], {
    cwd: REPO,
    env: { ...process.env, PLEXUS_CACHE_DIR: state, PLEXUS_DATA_DIR: join(state, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/127\.0\.0\.1:(\d+)\/\?token=/);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`plexus serve exited before printing its link:\n${output}`)));
  });
  child.kill('SIGTERM');
  await exited;
  return { port, output };
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

test('the port is the same for a folder, within its range, and differs between folders', () => {
  const roots = Array.from({ length: 200 }, (_, i) => `/home/someone/vaults/vault-${i}`);
  const ports = roots.map(vaultPort);
  expect(roots.map(vaultPort)).toEqual(ports);
  for (const port of ports) {
    expect(port).toBeGreaterThanOrEqual(VAULT_PORT_FIRST);
    expect(port).toBeLessThan(VAULT_PORT_FIRST + VAULT_PORT_COUNT);
  }
  expect(new Set(ports).size).toBeGreaterThan(190);
});

test("serve uses the vault's port on every start, and another free one when it is taken", async () => {
  const vault = tempDir('plexus-port-vault-');
  writeFileSync(join(vault, 'A.md'), '# A\n');
  const state = tempDir('plexus-port-state-');
  const own = vaultPort(vault);

  expect((await serveOnce(vault, state)).port).toBe(own);
  expect((await serveOnce(vault, state)).port).toBe(own);

  const blocker = await occupy(own);
  try {
    const again = await serveOnce(vault, state);
    expect(again.port).not.toBe(own);
    expect(again.output).toContain(`this vault's usual port ${own} is in use`);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
