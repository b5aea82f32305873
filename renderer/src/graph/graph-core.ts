/**
 * The cytoscape instance a graph controller owns (graph-controller.ts): its options (zoom limits,
 * wheel sensitivity, the renderer, or headless for tests) and the node events the view's
 * handlers get. Kept apart so the controller reads as loading and drawing.
 */
import cytoscape, { type Core, type NodeSingular, type StylesheetStyle } from 'cytoscape';
import { rendererOptions, type RendererKind } from './renderer-choice';
import { withNewTabKey, type ControllerHandlers } from './controller-options';

/** cytoscape's wheel sensitivity here; it zooms by the wheel whichever renderer draws (overview-input.ts). */
const WHEEL_SENSITIVITY = 0.3;

export function createGraphCore(container: HTMLElement | null, renderer: RendererKind, style: StylesheetStyle[], handlers: ControllerHandlers): Core {
  const cy = cytoscape({
    ...(container ? { container, ...rendererOptions(renderer) } : { headless: true, styleEnabled: true }),
    style,
    minZoom: 0.02,
    maxZoom: 4,
    wheelSensitivity: WHEEL_SENSITIVITY,
    boxSelectionEnabled: false,
  } as cytoscape.CytoscapeOptions);
  cy.on('tap', 'node', (e) => handlers.onTap?.(e.target.id(), withNewTabKey(e.originalEvent)));
  cy.on('dbltap', 'node', (e) => handlers.onDoubleTap?.(e.target.id()));
  cy.on('dragfree', 'node', (e) => {
    const n = e.target as NodeSingular;
    handlers.onDragged?.(n.id(), { ...n.position() });
  });
  return cy;
}
