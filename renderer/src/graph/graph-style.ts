/**
 * The cytoscape stylesheet. Labels fade in with zoom through min-zoomed-font-size; hubs,
 * hovered, selected and path nodes keep theirs at every zoom. Edges are haystack (the fastest
 * kind, measured) and carry no arrows unless the graph settings ask for them.
 */
import type { NodeSingular, StylesheetStyle } from 'cytoscape';
import { DEFAULT_DISPLAY, type GraphDisplay } from './graph-forces';

export interface Theme {
  text: string;
  edge: string;
  accent: string;
  muted: string;
  background: string;
}

export const LIGHT: Theme = { text: '#1f2328', edge: '#b9bcc4', accent: '#5b5bd6', muted: '#9094a0', background: '#ffffff' };
export const DARK: Theme = { text: '#dcdde1', edge: '#4a4c55', accent: '#9d9cf5', muted: '#7d818c', background: '#1c1d21' };

/** Labels smaller than this many screen pixels are not drawn, so they appear as you zoom in. */
export const MIN_ZOOMED_FONT = 9;

/** Font size of ordinary (non-hub) labels. */
export const LABEL_FONT = 11;
/** Font size of hub labels (legible-labels.ts enlarges them when zoomed far out). */
export const HUB_FONT = 14;

/**
 * `minZoomedFont` comes from the graph's density (label-density.ts); hubs and hovered nodes
 * ignore it. As a function (cytoscape evaluates it per node when the node is styled) it can
 * change without a new stylesheet: swapping stylesheets restyles every element, edges
 * included (~0.2 s for the swap alone and ~1 s of restyling at 10k notes / 30k edges,
 * measured), where a changed function value needs only the nodes restyled.
 *
 * `display` is the graph settings' node size, link thickness and arrows (graph-forces.ts). At
 * the defaults the stylesheet is exactly what it was before those settings: sizes straight
 * from the data, haystack edges without arrows (the fast path of plain-edge-draw.ts).
 */
export function graphStyle(theme: Theme, minZoomedFont: number | (() => number) = MIN_ZOOMED_FONT, display: GraphDisplay = DEFAULT_DISPLAY): StylesheetStyle[] {
  const scale = display.nodeSize;
  const size = scale === 1 ? 'data(size)' : (n: NodeSingular) => (Number(n.data('size')) || 0) * scale;
  const thick = display.linkThickness;
  // Haystack edges cannot carry arrows; straight ones can (and are drawn cytoscape's way).
  const edgeShape = display.arrows
    ? { 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': theme.edge, 'arrow-scale': 0.8 }
    : { 'curve-style': 'haystack' };
  return [
    {
      selector: 'node',
      style: {
        width: size,
        height: size,
        'background-color': 'data(colour)',
        label: 'data(label)',
        'font-size': LABEL_FONT,
        color: theme.text,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'min-zoomed-font-size': minZoomedFont,
        // No text outline and no border here: both default to 0 width. cytoscape applies every
        // listed property to every element one by one, so each property left out is ~5% less
        // styling work at 10k notes (measured). Outlined text (a second glyph pass per label)
        // is only for the few always-on labels below.
      },
    },
    // Hubs draw after ordinary nodes: their always-on labels were cut by nodes drawn on top of them.
    {
      selector: 'node.hub',
      style: {
        'font-size': HUB_FONT,
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
        'text-outline-width': 2,
        'text-outline-color': theme.background,
        'z-index': 5,
      },
    },
    {
      selector: 'node.ghost',
      style: { 'background-opacity': 0, 'border-width': 1.5, 'border-style': 'dashed', 'border-color': theme.muted, color: theme.muted, opacity: 0.75 },
    },
    { selector: 'node.attachment', style: { shape: 'round-rectangle', 'background-color': theme.muted } },
    // Labels that would overlap a better-connected node's (label-cull.ts).
    { selector: 'node.label-culled', style: { 'text-opacity': 0 } },
    {
      selector: 'edge',
      // events: no takes edges out of cytoscape's hit test, a linear scan on every mouse move:
      // ~200 ms per move with 30k edges (measured). Nothing in the view listens to edge events.
      // haystack-radius is left at its default, 0 (fewer properties per edge, see above).
      style: { ...edgeShape, width: thick, 'line-color': theme.edge, opacity: 0.7, events: 'no' },
    },
    { selector: '.dimmed', style: { opacity: 0.12 } },
    { selector: '.faded', style: { opacity: 0.1 } },
    { selector: '.hidden', style: { display: 'none' } },
    // Not yet shown by "Animate" (graph-animate.ts).
    { selector: 'node.unrevealed', style: { display: 'none' } },
    { selector: 'node.neighbour', style: { 'min-zoomed-font-size': 0, opacity: 1 } },
    { selector: 'edge.neighbour', style: { 'line-color': theme.accent, ...arrowColour(display, theme.accent), opacity: 1, width: 1.5 * thick } },
    {
      selector: 'node.hover, node:selected, node.focus, node.current',
      style: {
        'min-zoomed-font-size': 0,
        'text-outline-width': 2,
        'text-outline-color': theme.background,
        'border-width': 3,
        'border-color': theme.accent,
        'border-style': 'solid',
        opacity: 1,
        'z-index': 10,
      },
    },
    { selector: 'node.path', style: { 'min-zoomed-font-size': 0, 'border-width': 3, 'border-color': '#e8743b', opacity: 1, 'z-index': 9 } },
    { selector: 'edge.path', style: { 'line-color': '#e8743b', ...arrowColour(display, '#e8743b'), width: 4 * thick, opacity: 1, 'z-index': 9 } },
    { selector: 'node.pinned', style: { 'border-width': 2, 'border-color': theme.text, 'border-style': 'double' } },
  ];
}

/** An arrow's colour to go with a line colour, only where arrows are drawn (fewer properties otherwise). */
function arrowColour(display: GraphDisplay, colour: string): Record<string, string> {
  return display.arrows ? { 'target-arrow-color': colour } : {};
}
