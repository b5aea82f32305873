/**
 * `npm run bench`: indexing speed and memory on generated vaults of 1k and 10k notes
 * (`PLEXUS_BENCH_SIZES=1000,10000,50000` adds the 50k vault). Per-note costs are printed beside
 * the totals, so growth with the vault's size shows. `PLEXUS_BENCH_LINKS` (wiki links per note,
 * default 3) and `PLEXUS_BENCH_NOTE_BYTES` (default ~2 KB) shape the notes: 8.6 and 4300 give
 * #22's 50k vault (~215 MB, ~430k links).
 * Each phase runs in a fresh process. Prints a markdown table for docs/benchmarks.md.
 * Not a test: numbers depend on the machine; nothing here asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateVault } from './generate-vault';
import { timeServeStart } from './serve-start';

const SIZES = (process.env.PLEXUS_BENCH_SIZES ?? '1000,10000').split(',').map(Number);
/** Cold and warm opens are repeated and the median reported: one run on a shared 2-core machine swings by ±20%. */
const REPEATS = Number(process.env.PLEXUS_BENCH_REPEATS ?? 5);
const VAULTS_DIR = join(__dirname, 'vaults');
const LINKS = process.env.PLEXUS_BENCH_LINKS ? Number(process.env.PLEXUS_BENCH_LINKS) : undefined;
const NOTE_BYTES = process.env.PLEXUS_BENCH_NOTE_BYTES ? Number(process.env.PLEXUS_BENCH_NOTE_BYTES) : undefined;
/** The default shape keeps its old folder name, so vaults generated before are reused. */
const shape = (LINKS === undefined ? '' : `-links${LINKS}`) + (NOTE_BYTES === undefined ? '' : `-bytes${NOTE_BYTES}`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Runs a phase REPEATS times (cold: each time from an empty cache); the run with the median time, plus the range. */
function repeated(name: 'cold' | 'warm', vault: string, cacheDir: string): Record<string, number> {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < REPEATS; i++) {
    if (name === 'cold') {
      rmSync(cacheDir, { recursive: true, force: true });
      mkdirSync(cacheDir, { recursive: true });
    }
    runs.push(phase(name, vault, cacheDir));
  }
  const times = runs.map((run) => run.ms);
  const mid = runs.find((run) => run.ms === median(times))!;
  return { ...mid, min: Math.min(...times), max: Math.max(...times), checkedMedian: median(runs.map((run) => run.checkedMs)) };
}

/**
 * The phases run as the app ships: bench-phase.ts and the parse worker bundled by esbuild, as
 * `npm run build` bundles the Electron main process and its worker. (Through tsx, every process
 * and every worker would first transpile its TypeScript on a loader thread, a cost the app does
 * not have and that competes for the same two cores.)
 */
async function bundlePhases(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-bench-bundle-'));
  const { bundleOne } = require('../scripts/build.cjs') as { bundleOne(entry: string, outfile: string): Promise<unknown> };
  await bundleOne('bench/bench-phase.ts', join(dir, 'bench-phase.js'));
  await bundleOne('main/service/index/parse-worker.ts', join(dir, 'parse-worker.js'));
  return join(dir, 'bench-phase.js');
}

let phaseScript = '';

function phase(name: string, vault: string, cacheDir: string): Record<string, number> {
  const out = execFileSync(process.execPath, [phaseScript, name, vault, cacheDir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  phaseScript = await bundlePhases();
  console.log(
    `Plexus index benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  const rows: string[] = [];
  for (const notes of SIZES) {
    const vault = generateVault(join(VAULTS_DIR, `vault-${notes}${shape}`), { notes, linksPerNote: LINKS, noteBytes: NOTE_BYTES });
    const cacheDir = mkdtempSync(join(tmpdir(), 'plexus-bench-cache-'));
    try {
      const floor = phase('floor', vault, cacheDir);
      const cold = repeated('cold', vault, cacheDir);
      const warm = repeated('warm', vault, cacheDir);
      const update = phase('update', vault, cacheDir);
      const latency = phase('latency', vault, cacheDir);
      const serve = await timeServeStart(vault, cacheDir, REPEATS);
      console.log(`\n${fmt(notes)} notes, ${fmt(floor.bytes / 1e6, 1)} MB, ${fmt(cold.links)} links`);
      console.log(`  floor (read + scan [[)   ${fmt(floor.ms)} ms`);
      console.log(
        `  cold index               ${fmt(cold.ms)} ms (median of ${REPEATS}, range ${fmt(cold.min)}-${fmt(cold.max)})   peak RSS ${fmt(cold.peakRssMb)} MB`,
      );
      console.log(
        `  warm start (cache)       ${fmt(warm.ms)} ms (median of ${REPEATS}, range ${fmt(warm.min)}-${fmt(warm.max)})   peak RSS ${fmt(warm.peakRssMb)} MB`,
      );
      console.log(`    disk check applied at  ${fmt(warm.checkedMedian)} ms (median)`);
      console.log(
        `  per note                 cold ${fmt((cold.ms * 1000) / notes)} µs, ${fmt((cold.peakRssMb * 1024) / notes, 1)} KB peak RSS; ` +
          `warm ${fmt((warm.ms * 1000) / notes)} µs, ${fmt((warm.peakRssMb * 1024) / notes, 1)} KB peak RSS`,
      );
      console.log(`  one-note update          p50 ${fmt(update.p50, 2)} ms, p95 ${fmt(update.p95, 2)} ms`);
      console.log(`  external edit → event    p50 ${fmt(latency.p50)} ms, p95 ${fmt(latency.p95)} ms`);
      console.log(
        `  plexus serve, warm       URL printed ${fmt(serve.urlMs)} ms, notes indexed ${fmt(serve.indexedMs)} ms (medians of ${REPEATS}, whole process)`,
      );
      rows.push(
        `| ${fmt(notes)} | ${fmt(floor.bytes / 1e6, 1)} MB | ${fmt(floor.ms)} ms | ${fmt(cold.ms)} ms | ${fmt(warm.ms)} ms (${fmt(warm.checkedMedian)} ms) | ${fmt(update.p50, 2)} / ${fmt(update.p95, 2)} ms | ${fmt(latency.p50)} / ${fmt(latency.p95)} ms | ${fmt(serve.urlMs)} / ${fmt(serve.indexedMs)} ms | ${fmt(cold.peakRssMb)} MB | ${fmt((cold.ms * 1000) / notes)} / ${fmt((warm.ms * 1000) / notes)} µs, ${fmt((cold.peakRssMb * 1024) / notes, 1)} / ${fmt((warm.peakRssMb * 1024) / notes, 1)} KB |`,
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  console.log(
    `\nload average at the end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    '\n| notes | size | floor | cold index | warm start (disk check applied) | update p50 / p95 | edit → event p50 / p95 | serve: URL / indexed | peak RSS (cold) | per note: cold / warm time, cold / warm peak RSS |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  rmSync(join(phaseScript, '..'), { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
