/**
 * The graph view's own modules, as the bench page uses them: the bench measures what the app
 * ships, so there is no copy to fall back to. When these move or stop building, the type check
 * and the bench's bundle step fail, naming this file.
 */
export { LIGHT } from '../../renderer/src/graph/graph-style';
export { chooseRenderer, detectGlRenderer } from '../../renderer/src/graph/renderer-choice';
export { nodeElement, edgeElement, hubDegreeFor } from '../../renderer/src/graph/graph-elements';
export { iterationsFor, layoutRequestFromDefinitions } from '../../renderer/src/graph/layout-runner';
export { runStreamedLayout, placedAt } from '../../renderer/src/graph/layout-stream';
export { GraphController, type ControllerOptions } from '../../renderer/src/graph/graph-controller';
export { lastFeedOf } from '../../renderer/src/graph/test-feed';
export type { LayoutMessage, LayoutRequest } from '../../renderer/src/graph/layout-protocol';
export { onEveryFrame } from '../../renderer/src/graph/overview/graph-overview';
