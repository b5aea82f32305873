/**
 * What the snapshot store's lock (`main/service/snapshots/store-lock.ts`) costs
 * (`node scripts/run-ts.cjs bench/store-lock-bench.ts`): taking and releasing it around an empty
 * section; a 10 KB blob written to a pack with and without it (interleaved, so the machine's
 * load drifts over both alike); and the wait to take it while a second process takes it in a
 * loop too (two windows on one vault, or the CLI beside the app), and how the turns went between
 * the two (each one's share, the longest run of one's turns). Prints a markdown table.
 * Not a test: numbers depend on the machine; nothing here asserts a time.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PackSnapshotBackend } from '../main/service/snapshots/pack-snapshot-backend';
import { withStoreLock } from '../main/service/snapshots/store-lock';

const ROUNDS = Number(process.env.PLEXUS_BENCH_ROUNDS ?? 400);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const row = (label: string, times: number[]) =>
  `| ${label} | ${times.length} | ${percentile(times, 50).toFixed(2)} ms | ${percentile(times, 95).toFixed(2)} ms | ${Math.max(...times).toFixed(2)} ms |`;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function blob(i: number): { hash: string; compressed: Uint8Array } {
  const text = Buffer.from(`${'lorem ipsum dolor sit amet, consectetur adipiscing elit\n'.repeat(180).slice(0, 10 * 1024)}\nblob ${i}\n`);
  return { hash: createHash('sha256').update(text).digest('hex'), compressed: gzipSync(text) };
}

/** Lock taken and released around nothing, and a blob write with and without it. */
async function uncontended(dir: string): Promise<string[]> {
  const empty: number[] = [];
  const locked: number[] = [];
  const unlocked: number[] = [];
  const backend = new PackSnapshotBackend(join(dir, 'store'));
  await backend.listBlobs();
  for (let i = 0; i < ROUNDS + 20; i++) {
    // The first rounds warm up the JIT and the fs.
    const keep = i >= 20;
    const a = await timed(() => withStoreLock(dir, async () => undefined));
    const b = await timed(() => backend.withLock(() => backend.writeBlobs([blob(2 * i)])));
    const c = await timed(() => backend.writeBlobs([blob(2 * i + 1)]));
    if (keep) {
      empty.push(a);
      locked.push(b);
      unlocked.push(c);
    }
  }
  const added = locked.map((t, i) => t - unlocked[i]);
  return [
    row('take and release, empty section', empty),
    row('write a 10 KB blob to a pack, under the lock', locked),
    row('the same write without the lock', unlocked),
    `| the lock's share of a blob write (per pair) | ${added.length} | ${percentile(added, 50).toFixed(2)} ms | ${percentile(added, 95).toFixed(2)} ms | ${Math.max(...added).toFixed(2)} ms |`,
  ];
}

/** Appends who held the lock to `<dir>/turns.log` (inside the section): fairness is read from it. */
const holdAndLog = (dir: string, who: string) => async () => {
  appendFileSync(join(dir, 'turns.log'), who);
  await new Promise((resolve) => setTimeout(resolve, 1));
};

/**
 * Both processes' turns from the log, from this process's first turn to its last (the other
 * loops before and after): each one's share, and the longest run of one process's turns.
 */
function fairness(dir: string): string {
  const whole = readFileSync(join(dir, 'turns.log'), 'utf8');
  const log = whole.slice(whole.indexOf('m'), whole.lastIndexOf('m') + 1);
  const mine = [...log].filter((c) => c === 'm').length;
  const runs = log.match(/m+|c+/g) ?? [];
  const longest = (c: string) => Math.max(0, ...runs.filter((r) => r[0] === c).map((r) => r.length));
  return `| turns while both loop: this process / the other | ${log.length} | ${mine} / ${log.length - mine} | longest run: ${longest('m')} / ${longest('c')} | |`;
}

/** A second process takes the same lock in a loop (holding it ~1 ms each time) while this one does too. */
async function contended(dir: string): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--child', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
  });
  const waits: number[] = [];
  try {
    for (let i = 0; i < Math.min(ROUNDS, 200); i++) {
      waits.push(await timed(() => withStoreLock(dir, holdAndLog(dir, 'm'))));
    }
  } finally {
    child.kill();
  }
  return [row('take, hold ~1 ms, release, while another process does the same in a loop', waits), fairness(dir)];
}

async function childLoop(dir: string): Promise<void> {
  process.stdout.write('ready\n');
  for (;;) await withStoreLock(dir, holdAndLog(dir, 'c'));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return childLoop(process.argv[3]);
  const dir = mkdtempSync(join(tmpdir(), 'plexus-lockbench-'));
  try {
    console.log('| snapshot store lock | runs | p50 | p95 | max |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const line of await uncontended(dir)) console.log(line);
    for (const line of await contended(dir)) console.log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
