/**
 * Applies a service GraphDelta to the elements in cytoscape in place: no rebuild, no re-layout.
 * The model must already hold the delta (GraphModel.applyDelta), so degrees are current.
 * New nodes go next to their placed neighbours (analysis placeNewNodes).
 */
import type { Core } from 'cytoscape';
import type { GraphDelta } from '../../../main/core/types';
import { placeNewNodes, type Point } from '../../../main/core/analysis';
import type { GraphModel } from './graph-model';
import { edgeElement, hubThreshold, nodeClasses, nodeData, nodeElement, nodeSize } from './graph-elements';

export interface DeltaContext {
  model: GraphModel;
  /** Node ids the view shows; absent means every node (the global graph). */
  include?: ReadonlySet<string>;
  colourOf(id: string): string;
  /** Remembered position, if any (a node re-added after a rename keeps nothing, but a restore might). */
  rememberedPosition(id: string): Point | undefined;
}

/** Returns the ids of nodes added to cytoscape, with the positions they were given. */
export function applyDeltaToCy(cy: Core, delta: GraphDelta, touched: ReadonlySet<string>, ctx: DeltaContext): Map<string, Point> {
  const inView = (id: string) => ctx.model.nodes.has(id) && (!ctx.include || ctx.include.has(id));
  const added = new Map<string, Point>();
  const hubDegree = hubThreshold(ctx.model);
  cy.batch(() => {
    for (const id of delta.edgesRemoved) cy.getElementById(id).remove();
    for (const id of delta.nodesRemoved) cy.getElementById(id).remove();

    const fresh = delta.nodesAdded.filter((n) => inView(n.id) && cy.getElementById(n.id).empty());
    const needPlacing = fresh.filter((n) => !ctx.rememberedPosition(n.id)).map((n) => n.id);
    const placed = needPlacing.length > 0 ? placeNewNodes(currentPositions(cy), ctx.model.snapshot(), needPlacing) : {};
    for (const n of fresh) {
      const position = ctx.rememberedPosition(n.id) ?? placed[n.id];
      cy.add(nodeElement(n, ctx.model.degree(n.id), ctx.colourOf(n.id), position, hubDegree));
      if (position) added.set(n.id, position);
    }
    for (const n of delta.nodesChanged) {
      const el = cy.getElementById(n.id);
      if (el.empty()) continue;
      el.data(nodeData(n, ctx.model.degree(n.id), ctx.colourOf(n.id)));
      el.classes([...nodeClasses(n, ctx.model.degree(n.id), hubDegree), ...keptClasses(el.classes())]);
    }
    for (const e of [...delta.edgesAdded, ...delta.edgesChanged]) {
      const el = cy.getElementById(e.id);
      if (el.nonempty()) {
        el.data({ count: e.count });
        continue;
      }
      if (inView(e.source) && inView(e.target) && cy.getElementById(e.source).nonempty() && cy.getElementById(e.target).nonempty()) cy.add(edgeElement(e));
    }
    for (const id of touched) {
      const el = cy.getElementById(id);
      const node = ctx.model.nodes.get(id);
      if (el.empty() || !node) continue;
      const degree = ctx.model.degree(id);
      el.data({ degree, size: nodeSize(degree) });
      el.classes([...nodeClasses(node, degree, hubDegree), ...keptClasses(el.classes())]);
    }
  });
  return added;
}

/** View-state classes (filters, hover, path, pinned) survive a data update; kind classes are recomputed. */
function keptClasses(classes: string[] | string): string[] {
  const list = Array.isArray(classes) ? classes : classes.split(/\s+/);
  const derived = new Set(['note', 'attachment', 'placeholder', 'ghost', 'hub']);
  return list.filter((c) => c && !derived.has(c));
}

export function currentPositions(cy: Core): Record<string, Point> {
  const out: Record<string, Point> = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    out[n.id()] = { x: p.x, y: p.y };
  });
  return out;
}
