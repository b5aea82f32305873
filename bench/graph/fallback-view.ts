/**
 * The graph view's settings as the benchmark needs them, replicated from the view's documented
 * choices. The bench bundles the real modules from renderer/src/graph/ instead whenever they
 * build (see view-bundle.ts); this copy only keeps the bench runnable if the view moves on.
 * Every export here has the same name and shape as the view's.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import cytoscape, { type Core, type ElementDefinition, type StylesheetStyle } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../main/core/types';

export interface Theme {
  text: string;
  edge: string;
  accent: string;
  muted: string;
  background: string;
}
export const LIGHT: Theme = { text: '#1f2328', edge: '#b9bcc4', accent: '#5b5bd6', muted: '#9094a0', background: '#ffffff' };

function graphStyle(theme: Theme): StylesheetStyle[] {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(colour)',
        label: 'data(label)',
        'font-size': 11,
        color: theme.text,
        'text-valign': 'bottom',
        'min-zoomed-font-size': 9,
      },
    },
    { selector: 'node.hub', style: { 'font-size': 14, 'min-zoomed-font-size': 0 } },
    { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, 'line-color': theme.edge, opacity: 0.7, events: 'no' } },
  ];
}

export type RendererKind = 'canvas' | 'webgl';
export interface RendererChoice {
  kind: RendererKind;
  glRenderer: string | null;
  reason: string;
}
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|mesa offscreen|basic render driver/i;

export function chooseRenderer(glRenderer: string | null): RendererChoice {
  if (!glRenderer) return { kind: 'canvas', glRenderer, reason: 'WebGL renderer unknown: using canvas.' };
  if (SOFTWARE_GL.test(glRenderer)) return { kind: 'canvas', glRenderer, reason: 'Software GL detected: canvas is faster.' };
  return { kind: 'webgl', glRenderer, reason: 'GPU detected: using WebGL.' };
}

export function detectGlRenderer(doc: Document = document): string | null {
  const gl = doc.createElement('canvas').getContext('webgl');
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return typeof name === 'string' ? name : null;
}

function rendererOptions(kind: RendererKind): Record<string, unknown> {
  return {
    renderer: kind === 'webgl' ? { name: 'canvas', webgl: true } : { name: 'canvas' },
    textureOnViewport: true,
    hideEdgesOnViewport: false,
    pixelRatio: 1.01,
    motionBlur: false,
  };
}

/** Once the next frame is drawn, rebuild cytoscape's layered texture cache in one frame (renderer internals; see the view's layer-cache.ts). */
function rebuildLayerCacheAfterDraw(cy: Core): void {
  type Internals = { data?: { lyrTxrCache?: { firstGet: boolean } }; redrawHint?(g: string, v: boolean): void; redraw?(): void; flushRenderedStyleQueue?(): void };
  const r = (cy as unknown as { renderer(): Internals | undefined }).renderer?.();
  const cache = r?.data?.lyrTxrCache;
  if (!r || !cache) return;
  cy.one('render', () => {
    r.flushRenderedStyleQueue?.();
    cache.firstGet = true;
    r.redrawHint?.('eles', true);
    r.redraw?.();
  });
  r.redrawHint?.('eles', true);
  r.redraw?.();
}

/**
 * The view's GraphController reduced to what the bench calls, in its simplest form (nodes in
 * one add, edges a frame later, a layout result in one batch); the real one builds big graphs
 * progressively (renderer/src/graph/progressive-build.ts).
 */
export interface ControllerOptions {
  feedLayers?: boolean;
}
/** The view's layer feed as the bench reads it (the fallback has none). */
export interface LayerFeed {
  active(): boolean;
  stopReason(): string | null;
}

export class GraphController {
  readonly cy: Core;
  readonly lastFeed: LayerFeed | null = null;
  constructor(container: HTMLElement, theme: Theme, renderer: RendererKind, _handlers: object = {}, _options: ControllerOptions = {}) {
    this.cy = cytoscape({ container, style: graphStyle(theme), ...(rendererOptions(renderer) as cytoscape.CytoscapeOptions) });
  }
  async load(nodes: ElementDefinition[], edges: ElementDefinition[], onProgress: (p: { phase: 'nodes' | 'edges'; done: number; total: number }) => void): Promise<boolean> {
    this.cy.elements().remove();
    this.cy.add(nodes);
    this.cy.fit(undefined, 30);
    onProgress({ phase: 'nodes', done: nodes.length, total: nodes.length });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.cy.add(edges);
    onProgress({ phase: 'edges', done: edges.length, total: edges.length });
    rebuildLayerCacheAfterDraw(this.cy);
    return true;
  }
  async applyPositions(positions: Record<string, { x: number; y: number }>): Promise<boolean> {
    this.cy.batch(() => this.cy.nodes().forEach((n) => void n.position(positions[n.id()] ?? n.position())));
    this.cy.fit(undefined, 30);
    rebuildLayerCacheAfterDraw(this.cy);
    return true;
  }
  destroy(): void {
    this.cy.destroy();
  }
}

export function nodeSize(degree: number): number {
  return Math.min(64, 8 + 4 * Math.sqrt(degree));
}

export function hubDegreeFor(degrees: number[]): number {
  if (degrees.length <= 40) return 12;
  degrees.sort((a, b) => b - a);
  return Math.max(12, degrees[39]);
}

export function nodeElement(node: GraphNode, degree: number, colour: string, position?: { x: number; y: number }, hubDegree = 12): ElementDefinition {
  const classes = [node.kind, ...(node.kind === 'placeholder' ? ['ghost'] : []), ...(degree >= hubDegree ? ['hub'] : [])];
  const el: ElementDefinition = { group: 'nodes', data: { id: node.id, label: node.label, kind: node.kind, degree, size: nodeSize(degree), colour }, classes };
  if (position) el.position = { x: position.x, y: position.y };
  return el;
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  return { group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, count: edge.count } };
}

export function iterationsFor(nodes: number): number {
  if (nodes > 8000) return 150;
  if (nodes > 3000) return 250;
  return 400;
}

export interface LayoutRequest {
  nodes: string[];
  edges: [string, string][];
  positions: Record<string, { x: number; y: number }>;
  pinned: string[];
  iterations: number;
}
export type LayoutMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; positions: Record<string, { x: number; y: number }> }
  | { type: 'error'; message: string };

/** ForceAtlas2 with Barnes–Hut in chunks of 25 iterations, reporting progress after each. */
export function runForceAtlas(request: LayoutRequest, post: (m: LayoutMessage) => void): void {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of request.nodes) graph.addNode(id, { ...(request.positions[id] ?? { x: 0, y: 0 }) });
  for (const [s, t] of request.edges) if (s !== t && !graph.hasEdge(s, t)) graph.addEdge(s, t);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300, barnesHutTheta: graph.order > 3000 ? 1 : 0.5, scalingRatio: 20, gravity: 1 };
  for (let done = 0; done < request.iterations; ) {
    const step = Math.min(25, request.iterations - done);
    forceAtlas2.assign(graph, { iterations: step, settings, getEdgeWeight: null });
    done += step;
    post({ type: 'progress', done, total: request.iterations });
  }
  const positions: Record<string, { x: number; y: number }> = {};
  graph.forEachNode((id, attr) => (positions[id] = { x: attr.x as number, y: attr.y as number }));
  post({ type: 'done', positions });
}
