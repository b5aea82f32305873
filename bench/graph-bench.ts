/**
 * `npm run bench:graph`: the graph view in headless Chromium on generated 1k/5k/10k/20k-note
 * graphs. Per size: a fresh ForceAtlas2 run in a Web Worker (time, longest main-thread block,
 * applying the result as the view does), then a fresh page building the view from those
 * remembered positions with the view's GraphController (first nodes, all nodes, full graph,
 * longest main-thread block), a scripted 3 s pan and zoom (fps), and the JS heap. Prints a markdown
 * table for docs/benchmarks.md. A benchmark, not a test: nothing here fails on slowness, but
 * every step has a timeout so a run never hangs.
 *
 * With `--modes cytoscape,overview` each size is drawn once per renderer in the same run (the
 * layout once), so before and after are compared under the same load; `--links N` sets the
 * average outgoing links per note (3 by default; 8 gives the dense case, ~77k edges at 10k).
 *
 * With the overview among the modes, each size also gets a first open with nothing remembered,
 * as the app does it (bench/graph/fresh-open.ts), in a page of its own (`--fresh-runs N` of
 * them; `--fresh-only` skips the other phases).
 *
 * Environment: PLEXUS_BENCH_POSITIONS=<file> keeps the layout's positions in a file and reuses
 * them (the layout phase is skipped once it exists: side-by-side runs draw the same graph);
 * PLEXUS_BENCH_PAN_PROFILE=<file> and PLEXUS_BENCH_PAN_TRACE=<file> write a CPU profile and a
 * Chromium trace (every thread) of the remembered graph's pan and zoom; PLEXUS_BENCH_NO_LAYOUT=1
 * skips the layout phase and draws the seeded start spiral (the 50k graph's layout phase does
 * not end within the bench's budget).
 *
 * `--cached-positions` skips the layout phase: the remembered build draws positions from a
 * ForceAtlas2 run in Node, cached in the temp dir (bench/graph/cached-positions.ts), so runs of
 * two trees draw the same picture and only the remembered phase is timed.
 *
 *   node scripts/run-ts.cjs bench/graph-bench.ts [--sizes 1000,5000] [--links 8] [--modes cytoscape,overview] [--fresh-runs 2] [--fresh-only] [--cached-positions] [--json out.json]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateGraph } from './graph/generate-graph';
import { positionsFor } from './graph/cached-positions';
import { buildBench } from './graph/view-bundle';
import { serveDirectory } from './graph/static-server';
import { launchBrowser, measureFreshOpen, measureSize, type DrawMode, type FreshOpenRow, type SizeResult } from './graph/browser-run';

const DEFAULT_SIZES = [1000, 5000, 10000, 20000];
const TOTAL_BUDGET_MS = 12 * 60_000;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function row(r: SizeResult): string {
  const f = (n: number | undefined, digits = 0) => (n === undefined ? 'n/a' : n.toFixed(digits));
  const mode = r.mode ?? 'cytoscape';
  if (r.error) return `| ${r.notes} | ${r.edges} | ${mode} | error: ${r.error} | | | | | | | | | | | | |`;
  const layout = r.layoutError ? `failed: ${r.layoutError} (render used the start spiral)` : `${f(r.layoutMs)} (${r.iterations} it.)`;
  const level = r.level ? ` (${r.level}${r.levelAfterGesture && r.levelAfterGesture !== r.level ? ` → ${r.levelAfterGesture}` : ''})` : '';
  return `| ${r.notes} | ${r.edges} | ${mode}${level} | ${f(r.nodesVisibleMs)} | ${f(r.allNodesMs)} | ${f(r.pictureMs)} | ${f(r.fullGraphMs)} | ${f(r.completeMs)} | ${f(r.buildLongestBlockMs)} | ${f(r.fps, 1)} (worst frame ${f(r.worstFrameMs)} ms, input ${f(r.inputPerSecond)}/s, rAF ${f(r.rafFps)}/s; a mouse move ${f(r.firstMoveMs, 1)} ms first, ${f(r.nextMovesMs, 1)} ms after) | ${layout} | ${f(r.longestBlockMs)} | ${f(r.applyMs)} | ${f(r.applyLongestBlockMs)} | ${r.heapError ? `n/a (${r.heapError})` : f(r.heapMB, 1)} | ${r.renderer} |`;
}

function freshRow(r: FreshOpenRow): string {
  const f = (n: number | undefined, digits = 0) => (n === undefined ? 'n/a' : n.toFixed(digits));
  if (r.error) return `| ${r.notes} | ${r.edges} | error: ${r.error} | | | | | | | | | | |`;
  const streams = r.streams ? `${r.streams} (first ${f(r.firstStreamMs)} ms, longest gap ${f(r.longestStreamGapMs)} ms)` : 'none';
  return `| ${r.notes} | ${r.edges} | ${r.flow} (${r.iterations} it.) | ${f(r.loadAtStart, 1)} | ${f(r.firstPictureMs)} | ${f(r.structureMs)} | ${streams} | ${f(r.convergedMs)} | ${f(r.finalPictureMs)} | ${f(r.appliedMs)} | ${f(r.worstFrameGapMs)} / ${f(r.longestTaskMs)} | ${f(r.applyWorstFrameGapMs)} | ${f(r.maxPositionError, 2)} | ${f(r.heapMB, 1)} |`;
}

async function main(): Promise<void> {
  const sizes = (argument('--sizes') ?? DEFAULT_SIZES.join(','))
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const jsonOut = argument('--json');
  const links = Number(argument('--links') ?? 3);
  if (!(links >= 1)) throw new Error('--links takes an average number of links per note, at least 1');
  const modes = (argument('--modes') ?? 'cytoscape').split(',').filter(Boolean) as DrawMode[];
  for (const m of modes) if (m !== 'cytoscape' && m !== 'overview') throw new Error(`--modes: unknown renderer ${m} (cytoscape, overview)`);
  const watchdog = setTimeout(() => {
    console.error(`bench:graph: gave up after ${TOTAL_BUDGET_MS / 60000} minutes`);
    process.exit(1);
  }, TOTAL_BUDGET_MS);
  watchdog.unref();

  const dir = mkdtempSync(join(tmpdir(), 'plexus-graph-bench-'));
  const bundle = await buildBench(dir);
  const server = await serveDirectory(dir);
  const browser = await launchBrowser();
  const results: SizeResult[] = [];
  const fresh: FreshOpenRow[] = [];
  const freshOnly = process.argv.includes('--fresh-only');
  const freshRuns = Number(argument('--fresh-runs') ?? (modes.includes('overview') ? 1 : 0));
  try {
    console.log(
      `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; Chromium ${browser.version()}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (other work on the machine skews every figure)`,
    );
    console.log(`view modules: ${bundle.source}`);
    for (const notes of sizes) {
      const snapshot = generateGraph(notes, 7, links);
      process.stdout.write(`${notes} notes (${snapshot.nodes.length} nodes, ${snapshot.edges.length} edges)... `);
      // The app's first open (the overview draws it): its own page, before the other phases.
      for (let k = 0; k < freshRuns; k++) {
        const r = await measureFreshOpen(browser, server.url, snapshot, notes);
        fresh.push(r);
        console.log(`\nfresh open: ${freshRow(r)}\n  frame gaps: ${r.frameGaps ?? ''}${r.trace ? `\n${r.trace}` : ''}`);
      }
      if (freshOnly) continue;
      const cached = process.argv.includes('--cached-positions') ? positionsFor(notes, links) : undefined;
      const rows = await measureSize(browser, server.url, snapshot, notes, modes, cached);
      results.push(...rows);
      // Each row as soon as it exists, so a run stopped by the watchdog still leaves its figures.
      console.log(`\n${rows.map(row).join('\n')}`);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    '\n| notes | edges | renderer drawing (level at the end of the build → after the gesture) | first nodes visible (ms) | all nodes (ms) | overview picture complete (ms) | settled: full graph (ms) | cytoscape holds every element (ms) | longest block until then (ms) | pan/zoom fps | fresh FA2 layout in worker (ms) | longest main-thread block during layout (ms) | apply result (ms) | longest block while applying (ms) | JS heap (MB) | renderer |',
  );
  console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) console.log(row(r));
  if (fresh.length > 0) {
    console.log(
      '\nFirst open, nothing remembered (overview):\n| notes | edges | flow | load at start | first picture (ms) | structure visible (ms) | streamed batches | layout converged (ms) | its picture (ms) | cytoscape moved to it (ms) | worst frame gap / longest task (ms) | worst gap after convergence (ms) | max position error | JS heap (MB) |',
    );
    console.log('| ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |');
    for (const r of fresh) console.log(freshRow(r));
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ date: new Date().toISOString(), bundle, results, fresh }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
