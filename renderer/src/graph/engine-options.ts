/** What the graph view hands its engine (use-graph-engine.ts): the view asked for, its filters and colours, and its callbacks. */
import type { RefObject } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import type { GraphFilters } from './graph-filters';
import type { GraphDisplay, GraphForces } from './graph-forces';
import type { ViewRequest } from './view-builder';
import type { VaultPath } from '../../../main/core/types';

export interface EngineOptions {
  api: PlexusApi;
  container: RefObject<HTMLDivElement | null>;
  request: ViewRequest;
  filters: GraphFilters;
  colourOf(id: string): string;
  currentPath: VaultPath | null;
  onTap(id: string, newTab: boolean): void;
  onDoubleTap(id: string): void;
  /** Called once with the graph's size when it first loads (the view picks local for huge vaults). */
  onLoaded(nodeCount: number): void;
  /** The graph settings' forces once they are loaded (null before): a change runs the layout again. */
  forces: GraphForces | null;
  /** The graph settings' display (node size, link thickness, arrows, text fade). */
  display: GraphDisplay;
}
