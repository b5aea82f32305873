/**
 * A read-only hook for end-to-end tests: canvas nodes have no DOM, so tests ask where a node is
 * drawn (page pixels) to click or drag it. Set while a graph view is mounted; it exposes no data
 * beyond what the canvas already shows.
 */
import type { GraphController } from './graph-controller';
import { activeAccelerations, type Acceleration } from './cytoscape-internals';
import { CULLED, drawnLabelBoxes } from './label-cull';
import type { LabelBox } from './label-culling';
import { revealLog } from './graph-animate';

export interface PlexusGraphTestHook {
  /** Centre of the node in page pixels, or null when it is not shown. */
  nodePosition(id: string): { x: number; y: number } | null;
  /** Ids of the nodes currently in the view. */
  nodeIds(): string[];
  /** How many edges are in the view. */
  edgeCount(): number;
  /** A node's drawn width in graph coordinates (its style: size times the node size setting), or null when absent. */
  nodeWidth(id: string): number | null;
  /** A node's position in graph coordinates (what the layout stores), or null when absent. */
  modelPosition(id: string): { x: number; y: number } | null;
  /** A node's computed style property (e.g. its label 'color'), or null when absent. */
  nodeStyle(id: string, property: string): string | null;
  /** Ids of the nodes carrying a style class, e.g. 'path' for a highlighted path. */
  nodesWithClass(className: string): string[];
  /** Which cytoscape accelerations are active (as the settings panel lists them). */
  accelerations(): Acceleration[];
  /** The boxes (graph coordinates, label-cull.ts's estimate) of the labels drawn now: shown at this zoom and not culled. */
  drawnLabels(): LabelBox[];
  /** The node ids in the order the last "Animate" revealed them. */
  revealed(): string[];
  /** The current zoom. */
  zoom(): number;
  /** Which renderer draws: 'overview', 'detail' (cytoscape, on a graph big enough for an overview) or null (cytoscape only). */
  level(): string | null;
  /** Mouse moves cytoscape has handled (each one hit-tests its elements) since the hook was installed. */
  cytoscapeMoves(): number;
  readonly about: string;
}

type HookWindow = Window & { __plexusGraph?: PlexusGraphTestHook };

export function installTestHook(controller: GraphController): () => void {
  const w = window as HookWindow;
  let moves = 0;
  const countMove = () => moves++;
  controller.cy.on('vmousemove', countMove);
  const hook: PlexusGraphTestHook = Object.freeze({
    nodePosition: (id: string) => controller.pagePosition(id),
    nodeIds: () => controller.cy.nodes().map((n) => n.id()),
    edgeCount: () => controller.cy.edges().length,
    nodeWidth: (id: string) => {
      const node = controller.cy.getElementById(id);
      return node.empty() ? null : node.width();
    },
    modelPosition: (id: string) => {
      const node = controller.cy.getElementById(id);
      return node.empty() ? null : { ...node.position() };
    },
    nodeStyle: (id: string, property: string) => {
      const node = controller.cy.getElementById(id);
      return node.empty() ? null : String(node.style(property));
    },
    nodesWithClass: (className: string) =>
      controller.cy
        .nodes()
        .filter((n) => n.hasClass(className))
        .map((n) => n.id()),
    accelerations: () => activeAccelerations(controller.cy),
    drawnLabels: () => drawnLabelBoxes(controller.cy).filter((b) => !controller.cy.getElementById(b.id).hasClass(CULLED)),
    zoom: () => controller.cy.zoom(),
    level: () => controller.level,
    cytoscapeMoves: () => moves,
    revealed: () => [...revealLog],
    about: 'Plexus graph view test hook: node positions for end-to-end tests (read-only).',
  });
  w.__plexusGraph = hook;
  return () => {
    if (!controller.cy.destroyed()) controller.cy.off('vmousemove', countMove);
    if (w.__plexusGraph === hook) delete w.__plexusGraph;
  };
}
