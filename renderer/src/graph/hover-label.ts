/**
 * The hovered node's label as a DOM element over the canvas, for graphs too big to restyle on
 * hover. Any class change invalidates cytoscape's layer cache (cytoscape-internals/layer-cache.ts), and with 40k
 * elements the frames until it is rebuilt take ~1 s each: moving the mouse across a 10k-note
 * graph froze it. A positioned div costs nothing to draw.
 */
import type { Core } from 'cytoscape';

export class HoverLabel {
  private el: HTMLDivElement | null = null;

  constructor(private readonly cy: Core) {}

  show(id: string): void {
    const container = this.cy.container();
    const node = this.cy.getElementById(id);
    if (!container || node.empty()) return this.hide();
    if (!this.el) {
      this.el = container.ownerDocument.createElement('div');
      this.el.className = 'graph-hover-label';
      container.appendChild(this.el);
    }
    const p = node.renderedPosition();
    const below = (node.renderedHeight() as number) / 2 + 4;
    this.el.textContent = String(node.data('label') ?? id);
    this.el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y + below)}px) translateX(-50%)`;
    this.el.hidden = false;
  }

  hide(): void {
    if (this.el) this.el.hidden = true;
  }

  destroy(): void {
    this.el?.remove();
    this.el = null;
  }
}
