/** What the overview renderer (overview-view.ts) draws with: its colours, sizes and the input handlers it calls. */

export interface OverviewColours {
  edge: string;
  accent: string;
  background: string;
}

export interface OverviewHandlers {
  pan(dx: number, dy: number): void;
  tap(id: string, newTab: boolean): void;
  doubleTap(id: string): void;
  hover(id: string | null): void;
}

export interface OverviewOptions {
  colours: OverviewColours;
  nodeScale: number;
  edgeWidth: number;
  handlers: OverviewHandlers;
}
