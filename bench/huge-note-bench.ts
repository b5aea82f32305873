/**
 * How long the main thread is held while a vault with one huge note opens and its full-text
 * index is built: `node scripts/run-ts.cjs bench/huge-note-bench.ts` (sizes in MB with
 * PLEXUS_BENCH_HUGE_MB, default "8,40"). A 5 ms probe timer records every gap over 100 ms; the
 * parse itself runs on a worker (in safe mode once over the budget). Not a test: the numbers
 * depend on the machine and its load, printed beside them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { VaultService } from '../main/service/vault-service';

const LINE = 'Some words here and [[Small]] with #big and [md](Small.md) more text.\n';
const SIZES_MB = (process.env.PLEXUS_BENCH_HUGE_MB ?? '8,40').split(',').map(Number);

async function measure(megabytes: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-huge-bench-'));
  try {
    writeFileSync(join(dir, 'Small.md'), '# Small\n');
    writeFileSync(join(dir, 'Big.md'), LINE.repeat(Math.ceil((megabytes * 1_000_000) / LINE.length)));
    const stalls: { at: number; ms: number }[] = [];
    const started = performance.now();
    let last = started;
    const probe = setInterval(() => {
      const now = performance.now();
      if (now - last > 100) stalls.push({ at: Math.round(last - started), ms: Math.round(now - last) });
      last = now;
    }, 5);
    const phases: string[] = [];
    const service = await VaultService.open(dir, {
      cacheDir: null,
      watch: false,
      maxFileBytes: (megabytes + 1) * 1_000_000,
      onProgress: (event) => {
        if (event.type === 'status' && event.status.state !== 'indexing') phases.push(`${event.status.state} at ${Math.round(performance.now() - started)} ms`);
      },
    });
    await service.search('words');
    const total = Math.round(performance.now() - started);
    clearInterval(probe);
    const longest = stalls.reduce((max, stall) => Math.max(max, stall.ms), 0);
    console.log(
      `${megabytes} MB note: ${service.graph.linkCount()} links, safe mode: ${service.safeModeNotes().length > 0}; ${phases.join(', ')}; ` +
        `searchable at ${total} ms; longest stall ${longest} ms; stalls over 100 ms: ${JSON.stringify(stalls)} (load ${loadavg()[0].toFixed(1)})`,
    );
    await service.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  for (const size of SIZES_MB) await measure(size);
}

void main();
