/**
 * One benchmark phase in its own process, so timings and peak memory are not polluted by the
 * previous phase. Prints one JSON line. Run by bench/index-bench.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNote } from '../main/core/parse/parse-note';
import { VaultService } from '../main/service/vault-service';
import { measureFloor } from './floor';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Opening as the apps do (awaitDiskCheck: false): `ms` is when open resolves, the graph built
 * (from the cache on a warm start); `checkedMs` is when the scan for changes made while the
 * vault was closed has been applied too (a cold index waits for its scan, so both agree).
 */
async function timeOpen(vault: string, cacheDir: string): Promise<Record<string, number>> {
  const started = performance.now();
  const service = await VaultService.open(vault, { cacheDir, watch: false, awaitDiskCheck: false });
  const ms = performance.now() - started;
  await service.settled();
  const checkedMs = performance.now() - started;
  const stats = service.graph.stats();
  await service.close();
  return { ms, checkedMs, notes: stats.notes, links: stats.links };
}

/** The core's cost of one edited note: read it, parse it, update the graph (what the watcher does per note). */
async function timeUpdates(vault: string, cacheDir: string): Promise<Record<string, number>> {
  const service = await VaultService.open(vault, { cacheDir, watch: false });
  const paths = service.graph.notePaths();
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const path = paths[(i * 7919) % paths.length];
    const file = join(vault, path);
    const original = readFileSync(file, 'utf8');
    const edited = `${original}\nEdited ${i}: see [[${service.graph.getNote(paths[(i * 31) % paths.length])!.title}]] and [[New Idea ${i}]].\n`;
    writeFileSync(file, edited);
    const started = performance.now();
    const parsed = parseNote(path, readFileSync(file, 'utf8'));
    service.graph.applyChanges({ upsertNotes: [parsed] });
    samples.push(performance.now() - started);
    writeFileSync(file, original);
    service.graph.applyChanges({ upsertNotes: [parseNote(path, original)] });
  }
  await service.close();
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1] };
}

/** An external edit, end to end: write the file, wait for the watcher's graph event. */
async function timeWatchLatency(vault: string, cacheDir: string): Promise<Record<string, number>> {
  const service = await VaultService.open(vault, { cacheDir, watch: true });
  // Edits to a watched vault: the watcher starts after open returns (see VaultService.open).
  await service.whenWatching();
  const paths = service.graph.notePaths();
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const path = paths[(i * 104729) % paths.length];
    const file = join(vault, path);
    const original = readFileSync(file, 'utf8');
    const seen = new Promise<void>((resolve) => {
      const off = service.onEvent((event) => {
        if (event.type === 'graph' && event.delta.nodesAdded.some((n) => n.label === `Latency Probe ${i}`)) {
          off();
          resolve();
        }
      });
    });
    const started = performance.now();
    writeFileSync(file, `${original}\n[[Latency Probe ${i}]]\n`);
    await seen;
    samples.push(performance.now() - started);
    writeFileSync(file, original);
    await new Promise((r) => setTimeout(r, 150));
  }
  await service.close();
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1] };
}

async function main(): Promise<void> {
  const [phase, vault, cacheDir] = process.argv.slice(2);
  let result: Record<string, number>;
  if (phase === 'floor') {
    const floor = measureFloor(vault);
    result = { ms: floor.ms, files: floor.files, bytes: floor.bytes, wikiLinks: floor.wikiLinks };
  } else if (phase === 'cold' || phase === 'warm') result = await timeOpen(vault, cacheDir);
  else if (phase === 'update') result = await timeUpdates(vault, cacheDir);
  else if (phase === 'latency') result = await timeWatchLatency(vault, cacheDir);
  else throw new Error(`unknown phase ${phase}`);
  const usage = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMb: usage.maxRSS / 1024, heapMb: process.memoryUsage().heapUsed / 1048576 })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
