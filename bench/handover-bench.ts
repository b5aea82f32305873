/**
 * How long the main thread is held while one huge note's parse comes back from a parse worker
 * and goes into the graph: `node scripts/run-ts.cjs bench/handover-bench.ts`.
 *
 * PLEXUS_BENCH_HUGE_MB: note sizes in MB (default "8"). PLEXUS_BENCH_ROUNDS: rounds (default 3).
 * PLEXUS_BENCH_SRC: comma-separated checkouts whose parse pool and graph are measured, in turn
 * within each round (default this one), so a before/after comparison shares the machine's load:
 * e.g. an older commit unpacked with `git archive <commit> main | tar -x -C /tmp/base` and a
 * node_modules symlink beside it.
 *
 * The worker reads and parses the note while this thread only waits: the 5 ms probe timer's
 * gaps then are the machine's load. From the answer's arrival until the results are back, they
 * are the handover (deserialising, unpacking, their garbage);
 * `graph.load` runs synchronously afterwards and is timed as a whole. Not a test: the figures
 * depend on the machine and its load, printed beside them. The parse budget is raised so a
 * loaded machine still measures the full parse, not the safe-mode one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import type { ParsePool as ParsePoolClass } from '../main/service/index/parse-pool';
import type { VaultGraph as VaultGraphClass } from '../main/core/graph/vault-graph';
import { vp } from '../tests/support/vault-path';

const LINE = 'Some words here and [[Small]] with #big and [md](Small.md) more text.\n';
const SIZES_MB = (process.env.PLEXUS_BENCH_HUGE_MB ?? '8').split(',').map(Number);
const ROUNDS = Number(process.env.PLEXUS_BENCH_ROUNDS ?? '3');
const SOURCES = (process.env.PLEXUS_BENCH_SRC ?? resolve(__dirname, '..')).split(',').map((src) => resolve(src));

interface Modules {
  ParsePool: typeof ParsePoolClass;
  VaultGraph: typeof VaultGraphClass;
}

/** The checkout to measure is named at run time, so its modules are required, not imported. */
function load(src: string): Modules {
  const { ParsePool } = require(join(src, 'main/service/index/parse-pool')) as typeof import('../main/service/index/parse-pool');
  const { VaultGraph } = require(join(src, 'main/core/graph/vault-graph')) as typeof import('../main/core/graph/vault-graph');
  return { ParsePool, VaultGraph };
}

async function measure(src: string, modules: Modules, megabytes: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-handover-bench-'));
  const pool = new modules.ParsePool({ size: 1, parseBudgetMs: 120_000, workerScript: join(src, 'main/service/index/parse-worker-bootstrap.cjs') });
  try {
    writeFileSync(join(dir, 'Small.md'), '# Small\n');
    writeFileSync(join(dir, 'Big.md'), LINE.repeat(Math.ceil((megabytes * 1_000_000) / LINE.length)));
    const settings = { root: dir, maxFileBytes: (megabytes + 1) * 1_000_000, withText: false };
    // Boots the worker and loads its parser, so the measured parse is only read, parse and handover.
    await pool.parse(settings, [vp('Small.md')]);
    // The pool's own listener runs first: by the time this one runs the answer is deserialised
    // (the old handover's cost) and unpacking has begun (the new one's, spread over turns).
    const worker = (pool as unknown as { workers: { worker: Worker }[] }).workers[0].worker;
    let answerAfterTick = Infinity;
    let last = performance.now();
    worker.once('message', () => {
      answerAfterTick = last;
    });
    const gaps: { from: number; ms: number }[] = [];
    const probe = setInterval(() => {
      const now = performance.now();
      gaps.push({ from: last, ms: now - last });
      last = now;
    }, 5);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const results = await pool.parse(settings, [vp('Big.md')]);
    const parseMs = performance.now() - started;
    gaps.push({ from: last, ms: performance.now() - last });
    clearInterval(probe);
    // The handover: every gap from the last tick before the answer arrived until the results are back.
    const handoverStall = Math.max(...gaps.filter((gap) => gap.from >= answerAfterTick).map((gap) => gap.ms));
    // The machine's noise meanwhile: the gaps while the worker parsed and this thread only waited.
    const waitingGap = Math.max(0, ...gaps.filter((gap) => gap.from < answerAfterTick).map((gap) => gap.ms));
    const handoverMs = performance.now() - answerAfterTick;
    const result = results[0];
    if (!result.ok) throw new Error(`Big.md did not parse: ${result.report.message}`);
    const graph = new modules.VaultGraph();
    const loadStarted = performance.now();
    graph.load({ upsertNotes: [result.parsed] });
    const loadMs = performance.now() - loadStarted;
    // The histogram records a stall when its timer next fires.
    await new Promise((done) => setTimeout(done, 30));
    delay.disable();
    return (
      `parse ${Math.round(parseMs)} ms; handover ${Math.round(handoverMs)} ms, longest stall in it ${Math.round(handoverStall)} ms ` +
      `(longest gap while the worker parsed: ${Math.round(waitingGap)} ms); ` +
      `graph.load ${Math.round(loadMs)} ms (${graph.linkCount()} links); ` +
      `event-loop delay max ${Math.round(delay.max / 1e6)} ms`
    );
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const loaded = SOURCES.map((src) => ({ src, modules: load(src) }));
  for (const megabytes of SIZES_MB) {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const { src, modules } of loaded) {
        const line = await measure(src, modules, megabytes);
        console.log(`${megabytes} MB, round ${round}, ${src}: ${line} (load ${loadavg()[0].toFixed(1)})`);
      }
    }
  }
}

void main();
