/**
 * Hover highlighting for the graph controller (graph-controller.ts): the hovered node and its
 * neighbours marked, the rest faded, on graphs small enough for a class change on every element
 * to be cheap. Past FADE_MAX_ELEMENTS nothing is restyled (a class change there invalidates the
 * layer cache for seconds) and a DOM label names the node instead (hover-label.ts). Kept apart
 * from the controller so that its loading and styling code does not carry the hover state.
 */
import type { Core } from 'cytoscape';
import { HoverLabel } from './hover-label';

/** Fading every other element on hover is a class change on all of them; past this it is skipped. */
export const FADE_MAX_ELEMENTS = 8000;

export class GraphHover {
  private hovered: string | null = null;
  private readonly label: HoverLabel;

  constructor(private readonly cy: Core) {
    this.label = new HoverLabel(cy);
  }

  /**
   * Highlights a node and its neighbours; fades the rest when the graph is small enough. Past
   * FADE_MAX_ELEMENTS, or with `labelOnly` (the overview draws the graph, not cytoscape's
   * styles), nothing is restyled: a DOM label names the node (hover-label.ts).
   */
  set(id: string | null, labelOnly = false): void {
    if (id === this.hovered) return;
    const cy = this.cy;
    const fade = cy.elements().length <= FADE_MAX_ELEMENTS;
    if ((!fade || labelOnly) && cy.container()) {
      this.hovered = id;
      if (id) this.label.show(id);
      else this.label.hide();
      return;
    }
    cy.batch(() => {
      if (this.hovered) {
        cy.elements('.neighbour').removeClass('neighbour');
        cy.getElementById(this.hovered).removeClass('hover');
        if (fade) cy.elements('.faded').removeClass('faded');
      }
      this.hovered = id;
      if (!id) return;
      const node = cy.getElementById(id);
      if (node.empty()) return;
      const hood = node.closedNeighborhood();
      node.addClass('hover');
      hood.addClass('neighbour');
      if (fade) cy.elements().not(hood).addClass('faded');
    });
  }

  /** Forgets the hovered node without touching classes (every element is about to be replaced). */
  forget(): void {
    this.hovered = null;
  }

  /** Hides the DOM label (the viewport moved, so it would point at the wrong place). */
  hideLabel(): void {
    this.label.hide();
  }

  destroy(): void {
    this.label.destroy();
  }
}
