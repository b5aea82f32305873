/**
 * Viewport helpers for the graph controller (graph-controller.ts): focusing a node, a node's
 * position in page pixels (what e2e tests click on) and saving or restoring the camera. They
 * only read or move cytoscape's viewport, so they live apart from the controller's loading and
 * styling code; the controller keeps them as methods of its public API.
 */
import type { Core } from 'cytoscape';

export interface Camera {
  zoom: number;
  pan: { x: number; y: number };
}

/** Selects and centres a node; false when it is not in the view. */
export function focusNode(cy: Core, id: string): boolean {
  const node = cy.getElementById(id);
  if (node.empty()) return false;
  cy.batch(() => {
    cy.nodes('.focus').removeClass('focus');
    node.addClass('focus');
  });
  cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 400 });
  return true;
}

/** A node's centre in page pixels (for e2e tests), or null when absent or hidden. */
export function pagePosition(cy: Core, id: string): { x: number; y: number } | null {
  const node = cy.getElementById(id);
  if (node.empty() || !node.visible()) return null;
  const p = node.renderedPosition();
  const rect = cy.container()?.getBoundingClientRect();
  return { x: p.x + (rect?.left ?? 0) + window.scrollX, y: p.y + (rect?.top ?? 0) + window.scrollY };
}

export function cameraOf(cy: Core): Camera {
  return { zoom: cy.zoom(), pan: { ...cy.pan() } };
}

export function setCamera(cy: Core, camera: Camera): void {
  cy.viewport({ zoom: camera.zoom, pan: camera.pan });
}
