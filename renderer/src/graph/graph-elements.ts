/**
 * Turns model nodes and edges into cytoscape element definitions: size by degree, colour by
 * the active scheme, classes for placeholders (ghost), attachments and hubs.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../main/core/types';
import type { GraphModel } from './graph-model';
import { topFolder } from './graph-colours';

export const MIN_NODE_SIZE = 8;
export const MAX_NODE_SIZE = 64;
/** Nodes with at least this degree can be hubs: always labelled. */
export const HUB_DEGREE = 12;
/** At most about this many hubs: always-on labels on hundreds of nodes clutter and slow big graphs. */
export const MAX_HUBS = 40;

/** The degree a node needs to count as a hub in this graph. */
export function hubThreshold(model: GraphModel): number {
  const degrees: number[] = [];
  for (const id of model.nodes.keys()) degrees.push(model.degree(id));
  return hubDegreeFor(degrees);
}

/** The hub degree for these node degrees (the array is sorted in place). */
export function hubDegreeFor(degrees: number[]): number {
  if (degrees.length <= MAX_HUBS) return HUB_DEGREE;
  degrees.sort((a, b) => b - a);
  return Math.max(HUB_DEGREE, degrees[MAX_HUBS - 1]);
}

/** Square-root growth keeps hubs big without letting one note swallow the picture. */
export function nodeSize(degree: number): number {
  return Math.min(MAX_NODE_SIZE, MIN_NODE_SIZE + 4 * Math.sqrt(degree));
}

export function nodeClasses(node: GraphNode, degree: number, hubDegree = HUB_DEGREE): string[] {
  const classes: string[] = [node.kind];
  if (node.kind === 'placeholder') classes.push('ghost');
  if (degree >= hubDegree) classes.push('hub');
  return classes;
}

export function nodeData(node: GraphNode, degree: number, colour: string): Record<string, unknown> {
  return {
    id: node.id,
    label: node.label,
    kind: node.kind,
    path: node.path,
    folder: topFolder(node),
    tags: node.tags,
    degree,
    size: nodeSize(degree),
    colour,
  };
}

export function nodeElement(node: GraphNode, degree: number, colour: string, position?: { x: number; y: number }, hubDegree = HUB_DEGREE): ElementDefinition {
  const el: ElementDefinition = {
    group: 'nodes',
    data: nodeData(node, degree, colour) as ElementDefinition['data'],
    classes: nodeClasses(node, degree, hubDegree),
  };
  if (position) el.position = { x: position.x, y: position.y };
  return el;
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  return { group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, count: edge.count } };
}

export interface BuildOptions {
  /** Only these node ids (a local graph); all nodes when absent. */
  include?: ReadonlySet<string>;
  colourOf(id: string): string;
  positionOf(id: string): { x: number; y: number } | undefined;
}

/** Node and edge definitions for the view; edges only where both ends are included. */
export function buildElements(model: GraphModel, options: BuildOptions): { nodes: ElementDefinition[]; edges: ElementDefinition[] } {
  const nodes: ElementDefinition[] = [];
  const hubDegree = hubThreshold(model);
  for (const node of model.nodes.values()) {
    if (options.include && !options.include.has(node.id)) continue;
    nodes.push(nodeElement(node, model.degree(node.id), options.colourOf(node.id), options.positionOf(node.id), hubDegree));
  }
  const has = (id: string) => model.nodes.has(id) && (!options.include || options.include.has(id));
  const edges: ElementDefinition[] = [];
  for (const edge of model.edges.values()) if (has(edge.source) && has(edge.target)) edges.push(edgeElement(edge));
  return { nodes, edges };
}
