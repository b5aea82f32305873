import type { Collection } from 'cytoscape';
import { collectionProto, eleOf } from './private-shapes';

/**
 * Fills the bounding-box caches of elements whose rendered geometry was just computed. cytoscape
 * "dirties" the box cache of every element it measures for the first time, and dirtying
 * announces `bounds` per element: the renderer then queued each element again with its rendered
 * geometry marked unclean, and the next chunk's flush recomputed every label and edge
 * projection and re-checked every texture cache, besides one event object per element (~0.4 s
 * at 10k notes / 30k edges, CDP profile). An element with no cached box yet has nothing that event could
 * invalidate, so for those it is not emitted while they are measured; any other element's is.
 * Without these internals boundingBox() runs as is.
 */
export function measureSettled(eles: Collection): void {
  const proto = collectionProto(eles);
  const emit = proto.emitAndNotify;
  if (typeof emit !== 'function') {
    eles.boundingBox();
    return;
  }
  const fresh = new Set<unknown>();
  for (let i = 0; i < eles.length; i++) {
    if (eleOf(eles[i])._private?.bbCache == null) fresh.add(eles[i]);
  }
  proto.emitAndNotify = function (this: ArrayLike<unknown>, event: string, extra?: unknown) {
    if (event === 'bounds' && this.length === 1 && fresh.has(this[0])) return this;
    return emit.call(this, event, extra);
  };
  try {
    eles.boundingBox();
  } finally {
    proto.emitAndNotify = emit;
  }
}
