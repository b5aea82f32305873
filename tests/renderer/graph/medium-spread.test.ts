/**
 * Medium vaults spread like Obsidian's (issue #19's target for a 310-node vault at the fit
 * zoom: under 5% of nodes overlapping another, no two drawn labels overlapping). The graph is
 * laid out as the view lays out one of this size: the layout request the view sends, the
 * worker's ForceAtlas2 run, then fitted to the node centres and labels culled as the view does.
 */
import type { Core } from 'cytoscape';
import { GraphController } from '../../../renderer/src/graph/graph-controller';
import { GraphModel } from '../../../renderer/src/graph/graph-model';
import { PositionCache, type Point } from '../../../renderer/src/graph/position-cache';
import { buildView } from '../../../renderer/src/graph/view-builder';
import { FCOSE_MAX_NODES, layoutRequest } from '../../../renderer/src/graph/layout-runner';
import { runForceAtlas } from '../../../renderer/src/graph/forceatlas-run';
import { CULLED, cullLabels, drawnLabelBoxes } from '../../../renderer/src/graph/label-cull';
import type { LabelBox } from '../../../renderer/src/graph/label-culling';
import { LIGHT } from '../../../renderer/src/graph/graph-style';
import { helpVaultGraph } from './help-vault-graph';

/** The share of nodes whose disc overlaps another node's disc. */
function overlappingShare(cy: Core): number {
  const ns = cy.nodes().map((n) => ({ id: n.id(), ...n.position(), r: n.width() / 2 }));
  const hit = new Set<string>();
  for (let i = 0; i < ns.length; i++) {
    for (let j = i + 1; j < ns.length; j++) {
      const a = ns[i];
      const b = ns[j];
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) hit.add(a.id).add(b.id);
    }
  }
  return hit.size / ns.length;
}

function overlappingPairs(boxes: LabelBox[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}

async function laidOut(): Promise<GraphController> {
  const model = new GraphModel(helpVaultGraph());
  const view = buildView(model, new PositionCache(), { mode: 'global', centres: [], depth: 1 }, () => '#888888');
  expect(view.layout).toBe('full');
  const c = new GraphController(null, LIGHT, 'canvas');
  // Headless cytoscape is 1×1 px; give it the graph pane of the e2e window (1400×900, measured).
  const pane = { width: 810, height: 690 };
  Object.assign(c.cy, { size: () => pane });
  await c.load(view.nodes, view.edges, () => {});
  let positions: Record<string, Point> | null = null;
  runForceAtlas(layoutRequest(c.cy, new Set()), (m) => {
    if (m.type === 'done') positions = m.positions;
  });
  expect(positions).not.toBeNull();
  c.cy.nodes().positions((n) => positions![n.id()]);
  c.updateLabelThreshold();
  c.fit();
  // The view culls a moment after the viewport settles, once the always-on labels have their
  // size for this zoom (legible-labels.ts, at the next frame).
  await new Promise((resolve) => requestAnimationFrame(resolve));
  cullLabels(c.cy);
  return c;
}

describe('a help-vault-sized graph (310 notes, ~1,000 links) at the fit zoom', () => {
  let c: GraphController;
  beforeAll(async () => {
    c = await laidOut();
  });
  afterAll(() => c.destroy());

  it('is laid out by the worker, as the view lays out a graph of this size', () => {
    expect(helpVaultGraph().nodes.length).toBeGreaterThan(FCOSE_MAX_NODES);
  });

  it('has under 5% of its nodes overlapping another node', async () => {
    console.log(overlappingShare(c.cy), c.cy.zoom(), drawnLabelBoxes(c.cy).filter((b) => !c.cy.getElementById(b.id).hasClass(CULLED)).length);
    expect(overlappingShare(c.cy)).toBeLessThan(0.05);
  });

  it('draws labels, and no two drawn labels overlap', async () => {
    const drawn = drawnLabelBoxes(c.cy).filter((b) => !c.cy.getElementById(b.id).hasClass(CULLED));
    expect(overlappingPairs(drawn)).toEqual([]);
    // Readable labels are the point: more than the hubs alone.
    expect(drawn.length).toBeGreaterThan(30);
  });
});
