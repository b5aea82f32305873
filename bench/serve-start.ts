/**
 * `plexus serve` started as a user starts it, warm (the vault's cache written already): the time
 * from spawning the process to its printed URL, and to its "notes indexed" line (the vault open
 * and answering). One run first, not counted, builds the CLI if its sources changed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ServeStart {
  urlMs: number;
  indexedMs: number;
}

const PLEXUS = join(__dirname, '..', 'bin', 'plexus.cjs');

function serveOnce(vault: string, cacheDir: string, configDir: string): Promise<ServeStart> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [PLEXUS, 'serve', vault, '--port', '0'], {
      env: { ...process.env, PLEXUS_CACHE_DIR: cacheDir, XDG_CONFIG_HOME: configDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let urlMs = NaN;
    let indexedMs = NaN;
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    const check = () => {
      if (Number.isNaN(urlMs) && /Open http/.test(stdout)) urlMs = performance.now() - started;
      if (Number.isNaN(indexedMs) && /notes indexed in/.test(stderr)) indexedMs = performance.now() - started;
      if (!Number.isNaN(urlMs) && !Number.isNaN(indexedMs)) child.kill('SIGTERM');
    };
    child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), check()));
    child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), check()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (Number.isNaN(urlMs) || Number.isNaN(indexedMs)) reject(new Error(`plexus serve exited (${code}) before it was ready:\n${stdout}\n${stderr}`));
      else resolve({ urlMs, indexedMs });
    });
  });
}

/** Medians of `repeats` warm starts. */
export async function timeServeStart(vault: string, cacheDir: string, repeats: number): Promise<ServeStart & { runs: ServeStart[] }> {
  const configDir = mkdtempSync(join(tmpdir(), 'plexus-bench-config-'));
  try {
    await serveOnce(vault, cacheDir, configDir);
    const runs: ServeStart[] = [];
    for (let i = 0; i < repeats; i++) runs.push(await serveOnce(vault, cacheDir, configDir));
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    return { urlMs: median(runs.map((r) => r.urlMs)), indexedMs: median(runs.map((r) => r.indexedMs)), runs };
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}
