/**
 * Profiles the bench page with the CDP sampling profiler while it builds a graph from remembered
 * positions (and optionally while it pans and zooms), and prints where the time went: self time
 * and total time per function. For finding what to attack, not for figures (the profiler itself
 * slows the page by ~10-20%). Positions come from a ForceAtlas2 run in Node, cached in the temp
 * dir per size, so repeated runs profile the same picture.
 *
 *   node scripts/run-ts.cjs bench/graph/profile-build.ts [--notes 10000] [--top 40] [--out profile.cpuprofile] [--runs 1] [--no-profile] [--screenshot out.png] [--pan-zoom] [--apply] [--no-feed]
 *
 * --apply: profiles moving the graph from the start spiral to the positions (a layout's apply) instead.
 *
 * --fresh: profiles a first open with nothing remembered, as the app does it (fresh-open.ts);
 * --links N sets the links per note (3 by default, 8 for the dense case); --screenshot-at MS
 * takes the screenshot that long after the open starts instead of at the end.
 *
 * --pan-zoom: after the build, the bench's pan/zoom gesture; then only the gesture is profiled.
 *
 * --overview: the overview renderer draws the remembered graph (as the app does at this size), cytoscape built behind it.
 *
 * --no-feed: cytoscape draws the layers after the build, as before the layer feed (for comparing).
 *
 * --no-profile only prints the build's timings (for quick A/B runs; `npm run bench:graph` is the benchmark).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateGraph } from './generate-graph';
import { buildBench } from './view-bundle';
import { serveDirectory } from './static-server';
import { launchBrowser, panAndZoom } from './browser-run';
import { positionsFor } from './cached-positions';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Self and total ms per function (name + source line), biggest first. */
function summarise(profile: Profile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id)!;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`);
  return ['self time:', ...fmt(self), '', 'total time (inclusive):', ...fmt(total)];
}

async function main(): Promise<void> {
  const notes = Number(argument('--notes', '10000'));
  const top = Number(argument('--top', '40'));
  const out = argument('--out', '');
  const runs = Number(argument('--runs', '1'));
  const profiling = !process.argv.includes('--no-profile');
  const screenshot = argument('--screenshot', '');
  const gesture = process.argv.includes('--pan-zoom');
  const links = Number(argument('--links', '3'));
  const positions = process.argv.includes('--fresh') ? {} : positionsFor(notes, links);
  const snapshot = generateGraph(notes, 7, links);
  const dir = mkdtempSync(join(tmpdir(), 'plexus-graph-profile-'));
  await buildBench(dir);
  const server = await serveDirectory(dir);
  const browser = await launchBrowser();
  try {
    for (let run = 0; run < runs; run++) {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(server.url, { waitUntil: 'load' });
      await page.evaluate((data) => (window as any).plexusBench.prepare(data), snapshot); // eslint-disable-line @typescript-eslint/no-explicit-any -- the page's bench hooks are untyped on this side
      const cdp = await page.context().newCDPSession(page);
      const startProfiler = async () => {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      };
      if (process.argv.includes('--fresh')) {
        if (profiling) await startProfiler();
        const at = Number(argument('--screenshot-at', '0'));
        const shot = screenshot && at > 0 ? new Promise((r) => setTimeout(r, at)).then(() => page.screenshot({ path: screenshot })) : null;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's bench hooks are untyped on this side
        const r = await page.evaluate(([w, ms]) => (window as any).plexusBench.freshOpen(w, ms), [`${server.url}worker.js`, 600_000] as const);
        await shot;
        const { frameGaps, ...figures } = r as { frameGaps: string };
        console.log(`fresh open: ${JSON.stringify(figures)}; load ${loadavg()[0].toFixed(1)}\nframe gaps > 100 ms: ${frameGaps}`);
        if (profiling) {
          const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
          console.log(summarise(profile, top).join('\n'));
          if (out) writeFileSync(out, JSON.stringify(profile));
        }
        if (screenshot && !shot) await page.screenshot({ path: screenshot });
        await page.context().close();
        continue;
      }
      if (process.argv.includes('--apply')) {
        const warm = page.evaluate((p) => (window as any).plexusBench.applyOnly(p), positions); // eslint-disable-line @typescript-eslint/no-explicit-any -- the page's bench hooks are untyped on this side
        if (profiling) await startProfiler();
        const a = await warm;
        console.log(`apply: ${a.applyMs.toFixed(0)} ms; frame gaps > 100 ms: ${a.frameGaps}`);
        if (profiling) {
          const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
          console.log(summarise(profile, top).join('\n'));
          if (out) writeFileSync(out, JSON.stringify(profile));
        }
        await page.context().close();
        continue;
      }
      await cdp.send('Performance.enable');
      const metrics = async () =>
        Object.fromEntries(
          ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]),
        );
      const before = await metrics();
      if (profiling && !gesture) await startProfiler();
      const render = await page.evaluate(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's bench hooks are untyped on this side
        (p) => (window as any).plexusBench.renderRemembered(p.positions, p.feed, undefined, undefined, p.overview, p.atSettle),
        {
          positions,
          feed: !process.argv.includes('--no-feed'),
          overview: process.argv.includes('--overview'),
          // With the gesture, it starts once the load settled, as a user's would (a fill may still run).
          atSettle: gesture,
        },
      );
      console.log(
        `build${profiling ? ' (profiled)' : ''}: first nodes ${render.nodesVisibleMs.toFixed(0)} ms, all nodes ${render.allNodesMs.toFixed(0)} ms, picture ${render.pictureMs?.toFixed(0) ?? 'n/a'} ms, full graph ${render.fullGraphMs.toFixed(0)} ms, cytoscape holds all ${render.completeMs?.toFixed(0) ?? 'later'} ms, longest task ${render.longestTaskMs.toFixed(0)} ms, worst frame gap ${render.worstFrameGapMs.toFixed(0)} ms; load ${loadavg()[0].toFixed(1)}`,
      );
      const after = await metrics();
      const busy = (name: string) => ((after[name] - before[name]) * 1000).toFixed(0);
      console.log(
        `main thread busy: tasks ${busy('TaskDuration')} ms, script ${busy('ScriptDuration')} ms, heap ${(after.JSHeapUsedSize / 1048576).toFixed(0)} MB`,
      );
      console.log(`frame gaps > 100 ms: ${render.frameGaps}`);
      const snap = (await page.evaluate(() => (window as any).plexusBench.snapshot('build'))) as { layersComplete: boolean | null; layerSizes: string[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- the page's bench hooks are untyped on this side
      console.log(`layers: ${render.feed}; complete ${snap.layersComplete}; bitmaps ${snap.layerSizes.join(', ')}`);
      if (gesture) {
        if (profiling) await startProfiler();
        const m = await panAndZoom(page);
        console.log(
          `pan/zoom: ${m.fps.toFixed(1)} fps, rAF ${m.rafFps.toFixed(1)}/s, input ${m.inputPerSecond.toFixed(0)}/s, worst frame ${m.worstFrameMs.toFixed(0)} ms`,
        );
        // After the gesture: does the view settle (frames quick again), or keep redrawing slowly?
        // (A string: the TypeScript runner would wrap named functions in a helper the page lacks.)
        const after = (await page.evaluate(`new Promise((resolve) => {
          const gaps = [];
          const t0 = performance.now();
          let last = t0;
          const tick = (now) => {
            if (now - last > 50) gaps.push(Math.round(last - t0) + '+' + Math.round(now - last));
            last = now;
            if (now - t0 < 5000) requestAnimationFrame(tick);
            else resolve(gaps.join(' '));
          };
          requestAnimationFrame(tick);
        })`)) as string;
        console.log(`frame gaps > 50 ms in the 5 s after the gesture: ${after || 'none'}`);
      }
      if (profiling) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
        console.log(summarise(profile, top).join('\n'));
        if (out) writeFileSync(out, JSON.stringify(profile));
      }
      if (screenshot) await page.screenshot({ path: screenshot });
      await page.context().close();
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
