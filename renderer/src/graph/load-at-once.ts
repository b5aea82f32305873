/**
 * How the graph controller fills cytoscape with a small graph (below PROGRESSIVE_MIN_ELEMENTS;
 * big ones: progressive-build.ts): every node at once with its position, fitted before the first
 * frame, then the edges in chunks a frame apart. Resolves false when a newer load superseded it.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { planChunks, type BuildProgress } from './progressive-build';
import { nextFrame } from './yield-to-page';

/** Edges added per chunk between frames while loading a small graph (big ones: progressive-build.ts). */
export const EDGE_CHUNK = 15000;

export interface AtOnceHost {
  fit(): void;
  updateLabelThreshold(): void;
  onProgress(p: BuildProgress): void;
  stillWanted(): boolean;
}

export async function loadAtOnce(cy: Core, nodes: ElementDefinition[], edges: ElementDefinition[], host: AtOnceHost): Promise<boolean> {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(nodes);
  });
  // Fit before the first frame: drawing 10k nodes at zoom 1 (labels on, big textures) is slow.
  host.fit();
  host.updateLabelThreshold();
  host.onProgress({ phase: 'nodes', done: nodes.length, total: nodes.length });
  for (const { start, end } of planChunks(edges.length, EDGE_CHUNK)) {
    await nextFrame();
    if (!host.stillWanted()) return false;
    cy.add(edges.slice(start, end));
    host.onProgress({ phase: 'edges', done: end, total: edges.length });
  }
  return host.stillWanted();
}
