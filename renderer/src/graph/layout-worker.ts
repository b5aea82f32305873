/// <reference lib="webworker" />
/** The ForceAtlas2 Web Worker: one request in, progress messages and a result out. */
import { runForceAtlas } from './forceatlas-run';
import type { LayoutMessage, LayoutRequest } from './layout-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  // Streamed positions are handed over, not copied.
  const post = (m: LayoutMessage) => scope.postMessage(m, m.type === 'positions' ? [m.xy.buffer] : []);
  try {
    runForceAtlas(event.data, post);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
