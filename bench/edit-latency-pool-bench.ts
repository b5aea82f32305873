/**
 * Edit on disk -> graph event at 50k (index-bench.ts's `latency` phase), with the libuv thread
 * pool at its default size and larger, alternating in one run so both see the same load:
 *   [PLEXUS_BENCH_NOTES=50000] [PLEXUS_BENCH_ROUNDS=3] [PLEXUS_BENCH_POOL=16] \
 *     node scripts/run-ts.cjs bench/edit-latency-pool-bench.ts [checkout ...]
 * Each checkout given (default this one) is bundled as index-bench.ts bundles it; every round
 * runs each checkout with the pool unset (Node's default, 4 unless the code raises it) and with
 * UV_THREADPOOL_SIZE set from outside.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVault } from './generate-vault';

const NOTES = Number(process.env.PLEXUS_BENCH_NOTES ?? 50_000);
const ROUNDS = Number(process.env.PLEXUS_BENCH_ROUNDS ?? 3);
const POOL = process.env.PLEXUS_BENCH_POOL ?? '16';
const HERE = join(__dirname, '..');

async function bundle(checkout: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-bench-bundle-'));
  const { bundleOne } = require(join(checkout, 'scripts/build.cjs')) as { bundleOne(entry: string, outfile: string): Promise<unknown> };
  // Entries relative to the checkout: bundleOne builds from its own root.
  await bundleOne('bench/bench-phase.ts', join(dir, 'bench-phase.js'));
  await bundleOne('main/service/index/parse-worker.ts', join(dir, 'parse-worker.js'));
  return join(dir, 'bench-phase.js');
}

function phase(script: string, name: string, vault: string, cacheDir: string, pool: string | null): Record<string, number> {
  const env = { ...process.env };
  delete env.UV_THREADPOOL_SIZE;
  if (pool !== null) env.UV_THREADPOOL_SIZE = pool;
  const out = execFileSync(process.execPath, [script, name, vault, cacheDir], { encoding: 'utf8', maxBuffer: 1 << 26, env });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  const checkouts = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [HERE];
  const scripts = await Promise.all(checkouts.map(bundle));
  const vault = generateVault(join(HERE, 'bench', 'vaults', `vault-${NOTES}`), { notes: NOTES });
  const cacheDir = mkdtempSync(join(tmpdir(), 'plexus-bench-cache-'));
  try {
    phase(scripts[0], 'cold', vault, cacheDir, null); // writes the cache: every latency run is warm
    for (let round = 0; round < ROUNDS; round++) {
      const runs = scripts.flatMap((script, i) => [null, POOL].map((pool) => ({ script, label: `${checkouts[i]} pool ${pool ?? 'unset'}`, pool })));
      if (round % 2 === 1) runs.reverse();
      for (const run of runs) {
        const before = loadavg()[0];
        const r = phase(run.script, 'latency', vault, cacheDir, run.pool);
        console.log(
          `r${round + 1} ${run.label}: p50 ${r.p50.toFixed(0)} p95 ${r.p95.toFixed(0)} max ${r.max.toFixed(0)} ms (load ${before.toFixed(1)} -> ${loadavg()[0].toFixed(1)})`,
        );
      }
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
    for (const script of scripts) rmSync(join(script, '..'), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
