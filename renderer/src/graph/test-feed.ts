/**
 * The last progressive build's layer feed per controller, for the graph bench and tests. Only
 * recorded behind TEST_HOOKS (build-flags.ts), so the production bundle drops this module.
 */
import type { LayerFeed } from './cytoscape-internals';

// Created on first use: a module-level `new WeakMap()` could keep the module in the bundle.
let feeds: WeakMap<object, LayerFeed | null> | undefined;

export function recordFeed(controller: object, feed: LayerFeed | null): void {
  feeds ??= new WeakMap();
  feeds.set(controller, feed);
}

/** The controller's last layer feed; null when it had none or nothing was recorded. */
export function lastFeedOf(controller: object): LayerFeed | null {
  return feeds?.get(controller) ?? null;
}
