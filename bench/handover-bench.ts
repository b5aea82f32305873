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
 * The worker reads and parses the note while this thread only waits, so a gap of the 5 ms
 * probe timer during `parse` is the handover (the answer's deserialisation and its garbage)
 * or the machine's load (the same probe on an idle thread beforehand shows how much);
 * `graph.load` runs synchronously afterwards and is timed as a whole. Not a test: the figures
 * depend on the machine and its load, printed beside them. The parse budget is raised so a
 * loaded machine still measures the full parse, not the safe-mode one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ParsePool as ParsePoolClass } from '../main/service/index/parse-pool';
import type { VaultGraph as VaultGraphClass } from '../main/core/graph/vault-graph';

const LINE = 'Some words here and [[Small]] with #big and [md](Small.md) more text.\n';
const SIZES_MB = (process.env.PLEXUS_BENCH_HUGE_MB ?? '8').split(',').map(Number);
const ROUNDS = Number(process.env.PLEXUS_BENCH_ROUNDS ?? '3');
const SOURCES = (process.env.PLEXUS_BENCH_SRC ?? resolve(__dirname, '..')).split(',').map((src) => resolve(src));

interface Modules {
  ParsePool: typeof ParsePoolClass;
  VaultGraph: typeof VaultGraphClass;
}

function load(src: string): Modules {
  /* eslint-disable @typescript-eslint/no-require-imports -- the checkout to measure is named at run time */
  const { ParsePool } = require(join(src, 'main/service/index/parse-pool')) as typeof import('../main/service/index/parse-pool');
  const { VaultGraph } = require(join(src, 'main/core/graph/vault-graph')) as typeof import('../main/core/graph/vault-graph');
  /* eslint-enable @typescript-eslint/no-require-imports */
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
    await pool.parse(settings, ['Small.md']);
    // The noise floor: the longest gap of the same probe while this thread has nothing to do.
    const idle = await longestIdleGap(2_000);
    let longest = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const results = await pool.parse(settings, ['Big.md']);
    const parseMs = performance.now() - started;
    // The gap that ends here holds the answer's arrival: its deserialisation and the pool's work on it.
    const handoverStall = performance.now() - last;
    longest = Math.max(longest, handoverStall);
    clearInterval(probe);
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
      `parse ${Math.round(parseMs)} ms, handover stall ${Math.round(handoverStall)} ms (longest gap ${Math.round(longest)} ms); ` +
      `graph.load ${Math.round(loadMs)} ms (${graph.linkCount()} links); ` +
      `event-loop delay max ${Math.round(delay.max / 1e6)} ms; idle probe's longest gap ${Math.round(idle)} ms`
    );
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function longestIdleGap(ms: number): Promise<number> {
  return new Promise((resolve) => {
    let longest = 0;
    let last = performance.now();
    const started = last;
    const probe = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (now - started >= ms) {
        clearInterval(probe);
        resolve(longest);
      }
    }, 5);
  });
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
