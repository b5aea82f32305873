/**
 * Browser mode at scale: the big argument-free answers (listFiles, getSwitcherItems) and the small
 * requests a page sends beside them (getTags, readNote), as a reloaded page sends them, over HTTP
 * to `plexus serve`'s server in a child process (big-answers-server.ts). Two checkouts alternate in
 * one run (base, this one, this one, base, ...), so both see the same load.
 *   PLEXUS_BENCH_BASE=<base checkout> [PLEXUS_BENCH_NOTES=50000] [PLEXUS_BENCH_ROUNDS=2] \
 *     node scripts/run-ts.cjs bench/big-answers-bench.ts
 * (PLEXUS_BENCH_VARIANTS, below, runs other checkouts or the same one with other environments.)
 * Per server: 6 page loads with the vault unchanged, then 6 after an edit on disk (each waits for
 * the edit's 'files' event, then checks the next listFiles shows it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { generateVault, notePath } from './generate-vault';

const NOTES = Number(process.env.PLEXUS_BENCH_NOTES ?? 50_000);
const ROUNDS = Number(process.env.PLEXUS_BENCH_ROUNDS ?? 2);
const LOADS = 6;
const HERE = join(__dirname, '..');
const BASE = process.env.PLEXUS_BENCH_BASE;
const TSX = require.resolve('tsx/cli');

interface Server {
  child: ChildProcess;
  port: number;
  measures: unknown;
}

interface Variant {
  label: string;
  checkout: string;
  env: Record<string, string>;
}

/** PLEXUS_BENCH_VARIANTS=`label=checkout[;NAME=value...],...` (default `base=$PLEXUS_BENCH_BASE,new=<this checkout>`). */
function variants(): Variant[] {
  const spec = process.env.PLEXUS_BENCH_VARIANTS ?? `base=${BASE},new=${HERE}`;
  return spec.split(',').map((one) => {
    const [head, ...assignments] = one.split(';');
    const [label, checkout] = head.split('=');
    return { label, checkout, env: Object.fromEntries(assignments.map((a) => a.split('=') as [string, string])) };
  });
}

function startServer(variant: Variant, vault: string, cacheDir: string, dataDir: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, join(HERE, 'bench/big-answers-server.ts'), variant.checkout, vault, cacheDir, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...variant.env },
    });
    let out = '';
    let measures: unknown = null;
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of out.split('\n').slice(0, -1)) {
        const parsed = JSON.parse(line) as { measures?: unknown; port?: number };
        if (parsed.measures) measures = parsed.measures;
        if (parsed.port) resolve({ child, port: parsed.port, measures });
      }
      out = out.slice(out.lastIndexOf('\n') + 1);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

function call(port: number, method: string, args: unknown[] = []): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        // A fresh connection each call: a kept-alive one the server closes after its 5 s idle
        // timeout can be reset just as the next call is sent on it.
        agent: false,
        headers: { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'x-plexus-token': 'bench', 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${method}: ${res.statusCode}`));
          else resolve({ ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

type Load = Record<'listFiles' | 'getSwitcherItems' | 'getTags' | 'readNote', number>;

/** What a reloaded page asks at once: the file list, the switcher's read-ahead, the tags, a note. */
async function pageLoad(port: number, note: string): Promise<Load> {
  const [listFiles, getSwitcherItems, getTags, readNote] = await Promise.all([
    call(port, 'listFiles'),
    call(port, 'getSwitcherItems'),
    call(port, 'getTags'),
    call(port, 'readNote', [note]),
  ]);
  return { listFiles: listFiles.ms, getSwitcherItems: getSwitcherItems.ms, getTags: getTags.ms, readNote: readNote.ms };
}

function filesEvent(port: number): Promise<{ socket: WebSocket; next: (path: string) => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/events`, { headers: { origin: `http://127.0.0.1:${port}`, 'x-plexus-token': 'bench' } });
    const waiting = new Map<string, () => void>();
    socket.on('message', (data: Buffer) => {
      const event = JSON.parse(data.toString()) as { type: string; changed?: { path: string }[] };
      if (event.type !== 'files') return;
      for (const change of event.changed ?? []) waiting.get(change.path)?.();
    });
    socket.on('open', () => resolve({ socket, next: (path) => new Promise<void>((done) => waiting.set(path, done)) }));
    socket.on('error', reject);
  });
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function summary(loads: Load[]): string {
  const keys = Object.keys(loads[0]) as (keyof Load)[];
  return keys
    .map(
      (k) =>
        `${k} ${quantile(
          loads.map((l) => l[k]),
          0.5,
        ).toFixed(0)}/${Math.max(...loads.map((l) => l[k])).toFixed(0)}`,
    )
    .join(', ');
}

async function runOne(variant: Variant, vault: string, cacheDir: string, round: number): Promise<void> {
  const label = variant.label;
  const dataDir = mkdtempSync(join(tmpdir(), 'plexus-bench-data-'));
  const loadBefore = loadavg()[0];
  const server = await startServer(variant, vault, cacheDir, dataDir);
  try {
    const { socket, next } = await filesEvent(server.port);
    const note = notePath(7);
    const unchanged: Load[] = [];
    for (let i = 0; i < LOADS; i++) unchanged.push(await pageLoad(server.port, note));
    const edited: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      const path = notePath(100 + round * 50 + i);
      const file = join(vault, path);
      const seen = next(path);
      appendFileSync(file, `\nEdited in round ${round}, ${i}.\n`);
      await seen;
      edited.push(await pageLoad(server.port, note));
      const listed = (JSON.parse((await call(server.port, 'listFiles')).body) as { path: string; size: number }[]).find((f) => f.path === path);
      if (listed?.size !== statSync(file).size) throw new Error(`${label}: listFiles after an edit shows ${listed?.size}, the file is ${statSync(file).size}`);
    }
    socket.close();
    console.log(`${label} (load ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}) in-process ${JSON.stringify(server.measures)}`);
    console.log(`  unchanged, p50/max ms: ${summary(unchanged)}`);
    console.log(`  after an edit, p50/max ms: ${summary(edited)}`);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((done) => server.child.once('exit', done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!BASE && !process.env.PLEXUS_BENCH_VARIANTS) throw new Error('PLEXUS_BENCH_BASE: the base checkout to compare with');
  const all = variants();
  const vault = generateVault(join(HERE, 'bench', 'vaults', `vault-${NOTES}`), { notes: NOTES });
  // The edits grow notes; keep a copy of each to put back, so every run starts from the same vault.
  const touched = Array.from({ length: (ROUNDS * all.length + 1) * 50 }, (_, i) => notePath(100 + i)).map((p) => ({ p, text: readFileSync(join(vault, p)) }));
  const cacheDir = mkdtempSync(join(tmpdir(), 'plexus-bench-cache-'));
  try {
    // One open, not measured, writes the cache: every measured open is warm.
    await runOne({ label: 'warm-up (this checkout)', checkout: HERE, env: {} }, vault, cacheDir, ROUNDS * all.length);
    let run = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? all : [...all].reverse();
      for (const variant of order) await runOne({ ...variant, label: `${variant.label} r${round + 1}` }, vault, cacheDir, run++);
    }
  } finally {
    for (const { p, text } of touched) writeFileSync(join(vault, p), text);
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
