/** What the graph controller (graph-controller.ts) is created with: the view's handlers and the bench's switches. */

export interface ControllerHandlers {
  /** `newTab`: Ctrl/Cmd held (a note opens in a new tab, as from a link). */
  onTap?(id: string, newTab: boolean): void;
  onDoubleTap?(id: string): void;
  /** A node was dragged and let go at `position` (the view pins it). */
  onDragged?(id: string, position: { x: number; y: number }): void;
  /** The viewport moved or elements changed: recount and re-render overlays. */
  onViewportChange?(): void;
  /** cytoscape holds every link of a big load now (they went in after it, edge-fill.ts): recount, refilter. */
  onEdgesIn?(): void;
}

export interface ControllerOptions {
  /** Draw a big build's chunks straight into cytoscape's layers (cytoscape-internals/layer-feed.ts); on unless false (the bench compares both). */
  feedLayers?: boolean;
  /** Draw big graphs zoomed out with the overview renderer (overview/); on unless false (the bench compares both). */
  overview?: boolean;
}

/** Whether a tap asks for a new tab (Ctrl/Cmd held), as a Ctrl/Cmd+click on a link does. */
export function withNewTabKey(event: Event | undefined): boolean {
  const e = event as { ctrlKey?: boolean; metaKey?: boolean } | undefined;
  return e?.ctrlKey === true || e?.metaKey === true;
}
