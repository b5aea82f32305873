/**
 * Starts the real `plexus serve` command (bin/plexus.cjs) on a temp copy of a vault and waits
 * for the URL it prints. End-to-end means the same process a user runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');

export interface ServedVault {
  url: string;
  origin: string;
  vaultDir: string;
  output(): string;
  stop(): Promise<void>;
}

export function copyVault(source = join(REPO, 'vault')): string {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-e2e-vault-'));
  cpSync(source, dir, { recursive: true });
  return dir;
}

/**
 * `stateDir` holds the parse cache and the app data (graph layout, settings); pass the same one to reopen a vault as a returning user.
 * `checkout` serves another checkout's build (benches compare an older commit side by side).
 */
export async function serveVault(vaultDir: string, extraArgs: string[] = [], stateDir?: string, checkout = REPO): Promise<ServedVault> {
  const cacheDir = stateDir ?? mkdtempSync(join(tmpdir(), 'plexus-e2e-cache-'));
  const child: ChildProcess = spawn(process.execPath, [join(checkout, 'bin', 'plexus.cjs'), 'serve', vaultDir, ...extraArgs], {
    cwd: checkout,
    // PLEXUS_TEST_HOOKS: the renderer build with the graph test hook (renderer/src/build-flags.ts).
    env: { ...process.env, PLEXUS_TEST_HOOKS: '1', PLEXUS_CACHE_DIR: cacheDir, PLEXUS_DATA_DIR: join(cacheDir, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ownCache = () => {
    if (stateDir === undefined) rmSync(cacheDir, { recursive: true, force: true });
  };
  const printed = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`plexus serve printed no URL in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`plexus serve exited with ${code}:\n${output}`));
    });
  });
  let url: string;
  try {
    url = await printed;
  } catch (error) {
    // No link: stop the server (the UI build may still be running) and leave no folder behind.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    ownCache();
    throw error;
  }
  return {
    url,
    origin: new URL(url).origin,
    vaultDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      ownCache();
    },
  };
}
