/**
 * The graph controller's stylesheet state (graph-controller.ts): the theme, the graph settings'
 * display (node size, link thickness, arrows, text fade) and the label threshold derived from
 * how dense the graph is (label-density.ts). The stylesheet is replaced in place when the theme
 * or the display changes, so the accelerations installed on cytoscape's Style object stay; the
 * label threshold and the text fade are read through a function, so changing them restyles only
 * the nodes. Kept apart so the controller's loading code sees one small surface for all of it.
 */
import type { Core, StylesheetStyle } from 'cytoscape';
import { graphStyle, LABEL_FONT, MIN_ZOOMED_FONT, type Theme } from './graph-style';
import { labelMinZoomedFontSize, labelRoomFor } from './label-density';
import { rebuildLayerCacheAfterDraw, updateStyle } from './cytoscape-internals';
import { DEFAULT_DISPLAY, labelFadeFactor, sameDisplay, type GraphDisplay } from './graph-forces';

export class GraphAppearance {
  /** The min-zoomed-font-size in the stylesheet now (see label-density.ts), before the text fade setting. */
  labelThreshold = MIN_ZOOMED_FONT;
  /** The graph settings' display (graph-forces.ts) the stylesheet was made with. */
  private display: GraphDisplay = DEFAULT_DISPLAY;
  /** The text fade threshold's factor on labelThreshold. */
  private fade = 1;

  /** `cy` is a getter: the first stylesheet is needed before the cytoscape instance exists. */
  constructor(
    private theme: Theme,
    private readonly cy: () => Core,
  ) {}

  /** What the stylesheet reads for ordinary labels' min-zoomed-font-size. */
  readonly minZoomedFont = (): number => this.labelThreshold * this.fade;

  /** The stylesheet to create cytoscape with. */
  /** The theme and display drawn now (the overview draws in the same colours and sizes). */
  get current(): { theme: Theme; display: GraphDisplay } {
    return { theme: this.theme, display: this.display };
  }

  initialStyle(): StylesheetStyle[] {
    return graphStyle(this.theme, this.minZoomedFont);
  }

  /**
   * Applies the graph settings' display. Node size, link thickness and arrows are in the
   * stylesheet, replaced in place (the Style object, and the accelerations installed on it,
   * stay); the text fade changes only what the stylesheet's label function returns, so only
   * the nodes are restyled. Nothing happens when nothing changed (the defaults at start).
   * True when something was applied.
   */
  setDisplay(next: GraphDisplay): boolean {
    const cy = this.cy();
    if (cy.destroyed() || sameDisplay(next, this.display)) return false;
    const before = this.display;
    this.display = next;
    this.fade = labelFadeFactor(next.textFade);
    if (before.arrows !== next.arrows || before.nodeSize !== next.nodeSize || before.linkThickness !== next.linkThickness) {
      this.replaceStylesheet();
    } else {
      updateStyle(cy.nodes());
      rebuildLayerCacheAfterDraw(cy);
    }
    return true;
  }

  /**
   * Redraws in another theme's colours (the app's theme was switched while the graph is open).
   * The stylesheet is replaced in place, as setDisplay does, so the accelerations stay.
   */
  setTheme(next: Theme): void {
    if (this.cy().destroyed() || next === this.theme) return;
    this.theme = next;
    this.replaceStylesheet();
  }

  private replaceStylesheet(): void {
    const cy = this.cy();
    cy.style()
      .fromJson(graphStyle(this.theme, this.minZoomedFont, this.display))
      .update();
    rebuildLayerCacheAfterDraw(cy);
  }

  /** Re-derives when ordinary labels appear from the node spread; restyles only on a real change. */
  updateLabelThreshold(): void {
    const cy = this.cy();
    if (cy.destroyed()) return;
    this.setLabelThreshold(
      labelMinZoomedFontSize(
        cy.nodes().map((n) => n.position()),
        LABEL_FONT,
        MIN_ZOOMED_FONT,
        labelRoomFor(cy.nodes().length),
      ),
    );
  }

  /** The label threshold for these node positions (they need not be in the graph yet); true when it changed. */
  setLabelThresholdFor(positions: { x: number; y: number }[]): boolean {
    return this.setLabelThreshold(labelMinZoomedFontSize(positions, LABEL_FONT, MIN_ZOOMED_FONT, labelRoomFor(positions.length)));
  }

  /**
   * Sets min-zoomed-font-size unless it moved by less than 2 px (invisible; a restyle of 10k
   * nodes is not). The stylesheet reads it through a function (graph-style.ts), so only the
   * nodes are marked for restyling (edges carry no labels); they are recomputed when next
   * drawn, or in chunks by a caller that passes `restyle` to moveProgressively. On an empty
   * graph, before a build, it costs nothing. True when the threshold changed.
   */
  private setLabelThreshold(next: number): boolean {
    if (Math.abs(next - this.labelThreshold) < 2) return false;
    this.labelThreshold = next;
    updateStyle(this.cy().nodes());
    return true;
  }
}
