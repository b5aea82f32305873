/**
 * Which renderer draws the graph now. Small graphs are always cytoscape's (labels, styles,
 * hover fading). Big ones are drawn by the overview (points and lines from positions) while
 * many nodes are on screen, and by cytoscape again once the user has zoomed in so far that
 * few are: there its per-element drawing is cheap and its detail is worth having. The two
 * thresholds differ so a zoom that hovers around one does not switch back and forth.
 */

export type Level = 'overview' | 'detail';

/** Graphs with fewer elements (nodes + edges) are drawn by cytoscape alone. */
export const OVERVIEW_MIN_ELEMENTS = 5000;
/** Zoomed in until at most this many nodes are in the viewport: cytoscape draws. */
export const DETAIL_ENTER_NODES = 400;
/** In detail, zoomed out past this many nodes in the viewport: the overview draws again. */
export const DETAIL_LEAVE_NODES = 700;

export interface LevelInput {
  /** Nodes + edges in the graph. */
  elements: number;
  /** Nodes whose centre is in the viewport now. */
  visibleNodes: number;
  /** The level drawn now; null before the first choice. */
  current: Level | null;
}

export function chooseLevel({ elements, visibleNodes, current }: LevelInput): Level {
  if (elements < OVERVIEW_MIN_ELEMENTS) return 'detail';
  if (visibleNodes <= DETAIL_ENTER_NODES) return 'detail';
  if (visibleNodes > DETAIL_LEAVE_NODES) return 'overview';
  return current ?? 'overview';
}

/** Whether a graph this big gets an overview at all (the controller creates it only then). */
export function overviewApplies(elements: number): boolean {
  return elements >= OVERVIEW_MIN_ELEMENTS;
}
