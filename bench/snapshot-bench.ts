/**
 * File recovery costs (`node scripts/run-ts.cjs bench/snapshot-bench.ts`): what a snapshot adds to
 * saving a 10 KB note (p95, every save snapshotted: interval 0, the worst case), and the size
 * and time of keeping every note's text in the store after indexing, for the sample vault and
 * generated vaults (PLEXUS_BENCH_SIZES, default 10000). Prints a markdown table.
 * PLEXUS_BENCH_ONLY=saves runs only the saves, =checkout only the checkout burst.
 * Not a test: numbers depend on the machine; nothing here asserts a time.
 */
import * as fs from 'node:fs';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiHandlers } from '../main/service/api-handlers';
import { openNoteWriter } from '../main/service/write/note-writer';
import { copySampleVault } from './snapshot-bench-vaults';
import { generateVault } from './generate-vault';
import { VaultService } from '../main/service/vault-service';
import { vp } from '../tests/support/vault-path';

const SIZES = (process.env.PLEXUS_BENCH_SIZES ?? '10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const SAVES = Number(process.env.PLEXUS_BENCH_SAVES ?? 300);

/** Apparent bytes (file sizes) and allocated bytes (disk blocks: small files take a whole block each). */
function folderBytes(dir: string): { bytes: number; allocated: number; files: number } {
  let bytes = 0;
  let allocated = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else {
        const stats = statSync(abs);
        bytes += stats.size;
        allocated += stats.blocks * 512;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, allocated, files };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A vault with a writer for timing saves, with or without snapshots (interval 0: every save keeps one). */
async function saveTarget(scratch: string, name: string, snapshots: boolean, intervalMs: number) {
  const vault = join(scratch, name);
  generateVault(vault, { notes: 50, seed: 7 });
  const dataDir = join(scratch, `${name}-data`);
  const service = await VaultService.open(vault, {
    cacheDir: null,
    workers: 0,
    watch: false,
    snapshots: snapshots ? { dataDir, take: true, intervalMs } : null,
  });
  await service.snapshotsSettled();
  const writer = await openNoteWriter({ root: service.realRoot, service });
  const api = createApiHandlers(service, { kind: 'browser', readOnly: false, openExternal: () => undefined, writer, dataDir });
  let hash: string | null = null;
  const times: number[] = [];
  const cpu: number[] = [];
  const hook: number[] = [];
  // The snapshot's own part of the save: the recorder's call, timed around it (it does its work in memory).
  let inHook = 0;
  const recorder = service.snapshots;
  if (recorder !== null) {
    const beforeSave = recorder.beforeSave.bind(recorder);
    recorder.beforeSave = (...args) => {
      const started = performance.now();
      beforeSave(...args);
      inHook += performance.now() - started;
    };
  }
  return {
    service,
    times,
    cpu,
    hook,
    async save(content: string, record: boolean) {
      inHook = 0;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const result = await api.writeNote(vp('Bench 10k.md'), content, hash);
      const elapsed = performance.now() - started;
      if (!result.ok) throw new Error(result.error.message);
      hash = result.value.hash;
      // The background write the snapshot queued (compression, pack, index) counts in its CPU time.
      await service.snapshotsSettled();
      const used = process.cpuUsage(cpuBefore);
      if (record) {
        times.push(elapsed);
        cpu.push((used.user + used.system) / 1000);
        hook.push(inHook);
      }
    },
  };
}

/**
 * p50/p95 of writeNote on a 10 KB note in three vaults, saves interleaved (none, a snapshot on
 * every save, the default 5-minute interval) so the machine's load drifts over all three alike.
 */
async function saveLatencies(): Promise<Record<'none' | 'every' | 'usual', { p50: number; p95: number }>> {
  const scratch = mkdtempSync(join(tmpdir(), 'plexus-snapbench-'));
  try {
    const targets = {
      none: await saveTarget(scratch, 'none', false, 0),
      every: await saveTarget(scratch, 'every', true, 0),
      usual: await saveTarget(scratch, 'usual', true, 5 * 60_000),
    };
    const base = 'lorem ipsum dolor sit amet, consectetur adipiscing elit\n'.repeat(180).slice(0, 10 * 1024);
    for (let i = 0; i < SAVES + 20; i++) {
      // The first saves warm up the JIT and the fs.
      for (const target of Object.values(targets)) await target.save(`${base}\nsave ${i}\n`, i >= 20);
    }
    const out = {} as Record<'none' | 'every' | 'usual', { p50: number; p95: number }>;
    for (const [name, target] of Object.entries(targets) as ['none' | 'every' | 'usual', (typeof targets)['none']][]) {
      await target.service.close();
      out[name] = { p50: percentile(target.times, 50), p95: percentile(target.times, 95) };
      const p = (values: number[]) => `${percentile(values, 50).toFixed(2)} / ${percentile(values, 95).toFixed(2)} ms`;
      console.log(`| ${name}: CPU of the save and its background writes; the recorder's call (p50 / p95) | ${p(target.cpu)} | ${p(target.hook)} |`);
    }
    console.log('');
    return out;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Opens the vault with snapshots and waits for every note's text to be stored; then reopens (nothing new to store). */
async function storeSize(label: string, vault: string): Promise<string> {
  const data = mkdtempSync(join(tmpdir(), 'plexus-snapbench-data-'));
  try {
    const vaultSize = folderBytes(vault);
    let started = performance.now();
    const first = await VaultService.open(vault, { cacheDir: null, watch: false, snapshots: { dataDir: data, take: true } });
    const opened = performance.now() - started;
    started = performance.now();
    await first.snapshotsSettled();
    const baselineMs = performance.now() - started;
    await first.close();
    const store = folderBytes(data);
    started = performance.now();
    const second = await VaultService.open(vault, { cacheDir: null, watch: false, snapshots: { dataDir: data, take: true } });
    await second.snapshotsSettled();
    const againMs = performance.now() - started;
    // A prune of the reopened store over every version and blob (sizes from the pack index).
    started = performance.now();
    await second.snapshots!.prune();
    const pruneMs = performance.now() - started;
    await second.close();
    const ratio = ((100 * store.bytes) / vaultSize.bytes).toFixed(0);
    const allocatedRatio = ((100 * store.allocated) / vaultSize.allocated).toFixed(0);
    return `| ${label} | ${vaultSize.files} files, ${mb(vaultSize.bytes)} (${mb(vaultSize.allocated)} on disk) | ${store.files} files, ${mb(store.bytes)} = ${ratio}% (${mb(store.allocated)} on disk = ${allocatedRatio}%) | ${Math.round(opened)} ms | ${Math.round(baselineMs)} ms | ${Math.round(againMs)} ms | ${Math.round(pruneMs)} ms |`;
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

/**
 * A `git checkout` while the app is open: CHANGED notes of a copy of the vault rewritten at
 * once. Reports how long until every one is listed as a version, the longest event-loop stall
 * meanwhile (what the UI would feel), and whether the index saw every change.
 */
async function checkoutBurst(source: string, changed: number, snapshots: boolean): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'plexus-snapbench-burst-'));
  try {
    const vault = join(scratch, 'vault');
    cpSync(source, vault, { recursive: true });
    const service = await VaultService.open(vault, { cacheDir: null, snapshots: snapshots ? { dataDir: join(scratch, 'data'), take: true } : null });
    await service.whenWatching();
    await service.snapshotsSettled();
    const paths = [...service.vaultState.notes.keys()].slice(0, changed);
    const api = createApiHandlers(service, { kind: 'browser', readOnly: true, openExternal: () => undefined, dataDir: join(scratch, 'data') });
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const profile = process.env.PLEXUS_BENCH_PROFILE ? await startProfile() : null;
    const mainCpuBefore = mainThreadCpuMs();
    const started = performance.now();
    // Written asynchronously, so the stall measured is the app's, not this loop's.
    const written = new Map<string, number>();
    for (let i = 0; i < paths.length; i += 50) {
      await Promise.all(
        paths.slice(i, i + 50).map(async (p) => {
          const abs = join(vault, p);
          const text = `${await fs.promises.readFile(abs, 'utf8')}\nchanged by checkout\n`;
          await fs.promises.writeFile(abs, text);
          written.set(p, Buffer.byteLength(text));
        }),
      );
    }
    let listed = 0;
    // Sizes known from the writes: a statSync of every path per poll held this loop itself for ~100 ms.
    const indexedNow = () => paths.filter((p) => service.vaultState.notes.get(p)?.size === written.get(p)).length;
    // Only the index is polled meanwhile (cheap), so the stall measured is the app's own.
    while (indexedNow() < paths.length && performance.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await service.settled();
    }
    await service.snapshotsSettled();
    const elapsed = performance.now() - started;
    const mainCpu = mainThreadCpuMs() - mainCpuBefore;
    lag.disable();
    if (profile !== null) await profile(`${process.env.PLEXUS_BENCH_PROFILE}-${snapshots ? 'on' : 'off'}.cpuprofile`);
    if (snapshots) {
      for (const p of paths) {
        const versions = await api.listVersions(p);
        if (versions.ok && versions.value.some((v) => v.reason === 'external-change')) listed++;
      }
    }
    const indexed = indexedNow();
    await service.close();
    const versions = snapshots ? `${listed} / ${changed} kept as versions` : 'snapshots off';
    return `| ${changed} notes rewritten at once (10k vault) | ${versions} (${Math.round(elapsed)} ms) | longest event-loop stall ${Math.round(lag.max / 1e6)} ms, p99 ${Math.round(lag.percentile(99) / 1e6)} ms, main thread's CPU ${Math.round(mainCpu)} ms | ${indexed} / ${changed} changes indexed |`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.env.PLEXUS_BENCH_ONLY === 'checkout') return burstOnly();
  const { none, every, usual } = await saveLatencies();
  printSaves(none, every, usual);
  if (process.env.PLEXUS_BENCH_ONLY === 'saves') return;
  console.log('');
  console.log('| vault | notes on disk | snapshot store after open | open | storing every note (background) | reopen + check | prune (reopened) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const sample = copySampleVault();
  try {
    console.log(await storeSize('sample vault', sample));
  } finally {
    rmSync(sample, { recursive: true, force: true });
  }
  for (const size of SIZES) {
    const vault = generateVault(join(__dirname, 'vaults', `snap-${size}`), { notes: size });
    console.log(await storeSize(`generated ${size}`, vault));
  }
  const burst = Number(process.env.PLEXUS_BENCH_CHECKOUT ?? 5000);
  const burstVault = SIZES.length > 0 ? join(__dirname, 'vaults', `snap-${SIZES[SIZES.length - 1]}`) : null;
  if (burst > 0 && burstVault !== null) {
    console.log('');
    console.log('| outside change | versions | UI | watcher |');
    console.log('| --- | --- | --- | --- |');
    console.log(await checkoutBurst(burstVault, burst, false));
    console.log(await checkoutBurst(burstVault, burst, true));
  }
}

type Latency = { p50: number; p95: number };

function printSaves(none: Latency, every: Latency, usual: Latency): void {
  console.log(`| save of a 10 KB note (${SAVES} saves each, interleaved) | p50 | p95 |`);
  console.log('| --- | --- | --- |');
  console.log(`| without snapshots | ${none.p50.toFixed(2)} ms | ${none.p95.toFixed(2)} ms |`);
  console.log(`| a snapshot before every save (interval 0) | ${every.p50.toFixed(2)} ms | ${every.p95.toFixed(2)} ms |`);
  console.log(`| default interval (5 min) | ${usual.p50.toFixed(2)} ms | ${usual.p95.toFixed(2)} ms |`);
  console.log(`| added by a snapshot on every save | ${(every.p50 - none.p50).toFixed(2)} ms | ${(every.p95 - none.p95).toFixed(2)} ms |`);
}

async function burstOnly(): Promise<void> {
  const size = SIZES[SIZES.length - 1];
  const vault = generateVault(join(__dirname, 'vaults', `snap-${size}`), { notes: size });
  const burst = Number(process.env.PLEXUS_BENCH_CHECKOUT ?? 5000);
  // PLEXUS_BENCH_BURST=on (or off) runs only that half.
  const which = process.env.PLEXUS_BENCH_BURST ?? 'off,on';
  if (which.includes('off')) console.log(await checkoutBurst(vault, burst, false));
  if (which.includes('on')) console.log(await checkoutBurst(vault, burst, true));
}

/**
 * CPU time of this process's main thread alone (Linux: its task's utime + stime, in clock ticks
 * of 10 ms), less sensitive to the machine's load than wall-clock stalls; workers and the thread
 * pool are not in it.
 */
function mainThreadCpuMs(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A CPU profile of this thread from now until the returned function is called with the file to write. */
async function startProfile(): Promise<(file: string) => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  // A 2 ms probe: its gaps over 30 ms (end time on the profile's clock, µs; length, ms) name the stalls to look up in it.
  const gaps: [number, number][] = [];
  let last = process.hrtime.bigint();
  const probe = setInterval(() => {
    const now = process.hrtime.bigint();
    const gap = Number(now - last) / 1e6;
    if (gap > 30) gaps.push([Number(now / 1000n), gap]);
    last = now;
  }, 2);
  return async (file) => {
    clearInterval(probe);
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    fs.writeFileSync(`${file}.gaps.json`, JSON.stringify(gaps));
    session.disconnect();
  };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
