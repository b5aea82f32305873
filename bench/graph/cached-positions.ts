/**
 * Remembered positions for the bench's graphs without a browser: a ForceAtlas2 run in Node (the
 * view's own), cached in the temp dir per size and links per note, so repeated runs draw the
 * same picture (profile-build.ts; graph-bench.ts --cached-positions).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateGraph } from './generate-graph';
import { runForceAtlas } from '../../renderer/src/graph/forceatlas-run';
import { iterationsFor } from '../../renderer/src/graph/layout-runner';

type Positions = Record<string, { x: number; y: number }>;

export function positionsFor(notes: number, links: number): Positions {
  const file = join(tmpdir(), `plexus-graph-positions-${notes}${links === 3 ? '' : `-${links}`}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Positions;
  const snapshot = generateGraph(notes, 7, links);
  let positions: Positions = {};
  const start: Positions = {};
  snapshot.nodes.forEach((n, i) => {
    const r = 10 * Math.sqrt(i + 1);
    start[n.id] = { x: r * Math.cos(i * 2.399963), y: r * Math.sin(i * 2.399963) };
  });
  const request = {
    nodes: snapshot.nodes.map((n) => n.id),
    edges: snapshot.edges.map((e) => [e.source, e.target] as [string, string]),
    positions: start,
    pinned: [],
    iterations: iterationsFor(snapshot.nodes.length),
  };
  runForceAtlas(request, (m) => {
    if (m.type === 'done') positions = m.positions;
  });
  writeFileSync(file, JSON.stringify(positions));
  return positions;
}
