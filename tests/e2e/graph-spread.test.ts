/**
 * A help-vault-sized vault (310 notes, ~1,000 links, a few hubs, some orphans) opened in the
 * global graph, on `plexus serve` in headless Chromium: once the layout has run, under 5% of the
 * nodes overlap another and no two drawn labels overlap at the fit zoom (issue #19's target),
 * and the picture is saved for looking at (graph-spread-310.png).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';
import { helpVaultGraph } from '../renderer/graph/help-vault-graph';

jest.setTimeout(180_000);

interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
interface Hook {
  nodeIds(): string[];
  nodeWidth(id: string): number | null;
  modelPosition(id: string): { x: number; y: number } | null;
  drawnLabels(): Box[];
  nodesWithClass(className: string): string[];
  nodeStyle(id: string, property: string): string | null;
  zoom(): number;
}

let app: ServedApp;
let page: Page;

/** The vault's notes: each links to its targets by title. */
function writeVault(dir: string): void {
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
  const graph = helpVaultGraph();
  const title = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const out = new Map<string, string[]>();
  for (const e of graph.edges) out.set(e.source, [...(out.get(e.source) ?? []), title.get(e.target)!]);
  for (const n of graph.nodes) {
    const file = join(dir, n.path!);
    mkdirSync(dirname(file), { recursive: true });
    const links = (out.get(n.id) ?? []).map((t) => `- [[${t}]]`).join('\n');
    writeFileSync(file, `# ${n.label}\n\nSee also:\n${links}\n`);
  }
}

/** Share of nodes overlapping another, and the pairs of drawn labels that overlap. */
function measure(): Promise<{ nodes: number; overlapping: number; labels: number; hubs: number; labelOverlaps: number; zoom: number }> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __plexusGraph: Hook }).__plexusGraph;
    const ns = hook.nodeIds().map((id) => ({ id, ...hook.modelPosition(id)!, r: hook.nodeWidth(id)! / 2 }));
    const hit = new Set<string>();
    for (let i = 0; i < ns.length; i++)
      for (let j = i + 1; j < ns.length; j++) if (Math.hypot(ns[i].x - ns[j].x, ns[i].y - ns[j].y) < ns[i].r + ns[j].r) hit.add(ns[i].id).add(ns[j].id);
    // The hook's boxes estimate text widths; measure them as the canvas draws them.
    const ctx = document.createElement('canvas').getContext('2d')!;
    const boxes = hook.drawnLabels().map((b) => {
      const style = (p: string) => hook.nodeStyle(b.id, p) ?? '';
      ctx.font = `${style('font-style')} ${style('font-weight')} ${style('font-size')} ${style('font-family')}`;
      const w = ctx.measureText(style('label')).width;
      const cx = (b.x1 + b.x2) / 2;
      return { ...b, x1: cx - w / 2, x2: cx + w / 2 };
    });
    let labelOverlaps = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) labelOverlaps++;
      }
    return {
      nodes: ns.length,
      overlapping: hit.size / ns.length,
      labels: boxes.length,
      hubs: hook.nodesWithClass('hub').length,
      labelOverlaps,
      zoom: hook.zoom(),
    };
  });
}

beforeAll(async () => {
  app = await openServedApp({ prepare: writeVault, open: false });
  page = app.page;
});

afterAll(() => app?.close());

test('a 310-note vault spreads out: under 5% of nodes overlap, no drawn labels overlap, at the fit zoom', async () => {
  await page.goto(app.served.url);
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  const graph = page.getByRole('region', { name: 'Graph' });
  await graph.getByRole('button', { name: 'Global', exact: true }).click();
  await pollUntil(
    () => page.evaluate(() => (window as unknown as { __plexusGraph?: Hook }).__plexusGraph?.nodeIds().length ?? 0),
    (n) => n >= 310,
    60_000,
  );
  await graph.getByTestId('graph-building').waitFor({ state: 'detached', timeout: 60_000 });
  await graph.getByTestId('graph-layout-status').waitFor({ state: 'detached', timeout: 60_000 });
  // The move into the layout's result is animated and the culling follows it: wait for both to settle.
  const m = await pollUntil(measure, (v) => v.overlapping < 0.05 && v.labelOverlaps === 0 && v.labels > v.hubs, 20_000, 300);
  await page.screenshot({ path: artifactPath('graph-spread-310.png') });
  await graph.screenshot({ path: artifactPath('graph-spread-310-pane.png') });
  writeFileSync(artifactPath('graph-spread-310.json'), JSON.stringify(m, null, 2));
  expect(m.nodes).toBeGreaterThanOrEqual(310);
  expect(m.overlapping).toBeLessThan(0.05);
  expect(m.labelOverlaps).toBe(0);
  // Readable titles at the fit zoom, not only the hubs' always-on labels.
  expect(m.labels).toBeGreaterThan(m.hubs);
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
