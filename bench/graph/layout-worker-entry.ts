/// <reference lib="webworker" />
/** The bench's layout worker: the view's ForceAtlas2 run, one request in, messages out. */
import { runForceAtlas, type LayoutMessage, type LayoutRequest } from './worker-modules';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const post = (m: LayoutMessage) => scope.postMessage(m);
  try {
    runForceAtlas(event.data, post);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
