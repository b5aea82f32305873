/** The graph view's ForceAtlas2 run and its messages, for the bench's layout worker (see view-modules.ts). */
export { runForceAtlas } from '../../renderer/src/graph/forceatlas-run';
export type { LayoutMessage, LayoutRequest } from '../../renderer/src/graph/layout-protocol';
