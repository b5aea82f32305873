/**
 * Decides what the view shows and where: the whole graph or a local neighbourhood, with
 * remembered positions where known, new nodes next to their neighbours, and a flag for
 * whether a layout has to run at all (only when nothing is remembered, or for local graphs).
 */
import type { ElementDefinition } from 'cytoscape';
import { placeNewNodes } from '../../../main/core/analysis';
import { buildElements } from './graph-elements';
import { neighbourhood, type GraphModel } from './graph-model';
import { provisionalPosition, type Point, type PositionCache } from './position-cache';

export type GraphMode = 'global' | 'local';

export interface ViewRequest {
  mode: GraphMode;
  /** Local graph centres: the current note plus nodes expanded by double-click. */
  centres: string[];
  depth: number;
}

export interface BuiltView {
  nodes: ElementDefinition[];
  edges: ElementDefinition[];
  /** Node ids shown in a local graph; null for the global graph. */
  include: Set<string> | null;
  /** 'none' when every position was remembered or placed next to remembered neighbours. */
  layout: 'none' | 'full';
}

export function buildView(model: GraphModel, cache: PositionCache, request: ViewRequest, colourOf: (id: string) => string): BuiltView {
  const include = request.mode === 'local' ? neighbourhood(model, request.centres, request.depth) : null;
  const ids = include ? [...include] : [...model.nodes.keys()];
  const known: Record<string, Point> = {};
  const missing: string[] = [];
  for (const id of ids) {
    const p = cache.get(id);
    if (p) known[id] = p;
    else missing.push(id);
  }
  const rememberedAny = ids.length - missing.length > 0;
  let placed: Record<string, Point> = {};
  if (missing.length > 0) {
    if (rememberedAny) placed = placeNewNodes(known, model.snapshot(), missing);
    else for (const id of missing) placed[id] = provisionalPosition(id, ids.length);
  }
  const { nodes, edges } = buildElements(model, {
    include: include ?? undefined,
    colourOf,
    positionOf: (id) => known[id] ?? placed[id],
  });
  const layout = include !== null || !rememberedAny ? 'full' : 'none';
  return { nodes, edges, include, layout };
}
