/**
 * Progressive rendering of a long note in the reading view (split-blocks.ts cuts it): the first
 * chunk, or every chunk up to the one holding the address's heading or block, is drawn at once,
 * the rest one chunk per idle slice, so input is handled between them. The chunks follow one
 * another without wrappers: once all are drawn, the DOM is the one-pass DOM.
 */
import { Fragment, startTransition, useEffect, useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { Root as HastRoot } from 'hast';
import { markdownToHast } from '../markdown/pipeline';
import { DEFAULT_SPLIT, splitForProgressive, type Chunk, type SplitOptions } from '../markdown/split-blocks';
import { eachElement } from '../markdown/each-element';
import { renderRefusal } from '../../../main/core/parse/render-guard/render-refusal';

/** Asks the long notes drawn under `root` to draw the rest now (before looking up a heading in them). */
export const RENDER_ALL_EVENT = 'plexus-render-all';

export function renderAllPending(root: ParentNode): void {
  for (const body of root.querySelectorAll('.markdown-body[aria-busy="true"]')) body.dispatchEvent(new Event(RENDER_ALL_EVENT));
}

interface Drawn {
  content: ReactNode;
  empty: boolean;
  ids: Set<string>;
}

function idsOf(hast: HastRoot): Set<string> {
  const ids = new Set<string>();
  eachElement(hast, (el) => {
    const id = el.properties?.id;
    if (typeof id === 'string') ids.add(id);
  });
  return ids;
}

function whenIdle(run: () => void): () => void {
  const w = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    // The timeout keeps the note coming while the window is busy (a rendering pane never idles long).
    const handle = w.requestIdleCallback(run, { timeout: 200 });
    return () => w.cancelIdleCallback!(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

export interface Progressive {
  element: ReactNode;
  /** True until every chunk is drawn. */
  pending: boolean;
  /** Draw every chunk now (synchronously). */
  renderAll(): void;
}

/** Null when the note renders in one pass (short, guarded, or with footnotes). */
export function useProgressive(
  markdown: string,
  enabled: boolean,
  strictLineBreaks: boolean,
  sourceLines: boolean,
  targetId: string | null,
  toElement: (hast: HastRoot) => ReactNode,
  split: SplitOptions = DEFAULT_SPLIT,
): Progressive | null {
  const cut = useMemo(() => (enabled ? splitForProgressive(markdown, split) : null), [markdown, enabled, split]);
  // A text the render guard refuses is refused whole, as in one pass. The guard reads the whole
  // note (over a second for 1 MB on a loaded machine), so it runs in the first idle slice; until
  // then each chunk is guarded on its own by the pipeline.
  const [refused, setRefused] = useState<{ of: Chunk[] | null; refused: boolean } | null>(null);
  const chunks = refused?.of === cut && refused.refused ? null : cut;
  const guarded = refused?.of === cut;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new text or setting starts a new cache
  const cache = useMemo(() => new Map<number, Drawn>(), [chunks, strictLineBreaks, sourceLines]);
  const draw = (chunk: Chunk, k: number): Drawn => {
    let drawn = cache.get(k);
    if (!drawn) {
      const { hast } = markdownToHast(chunk.text, { strictLineBreaks, sourceLines, lineOffset: chunk.startLine });
      drawn = { content: toElement(hast), empty: hast.children.length === 0, ids: idsOf(hast) };
      cache.set(k, drawn);
    }
    return drawn;
  };
  const [shown, setShown] = useState<{ chunks: Chunk[] | null; count: number }>({ chunks, count: 1 });
  let count = shown.chunks === chunks ? shown.count : 1;
  if (chunks && targetId) {
    // Up to the chunk that holds the address's target (all, when none does).
    let k = 0;
    while (k < chunks.length && !draw(chunks[k], k).ids.has(targetId)) k++;
    count = Math.max(count, Math.min(k + 1, chunks.length));
  }
  const total = chunks?.length ?? 0;

  useEffect(() => {
    if (!chunks || guarded) return;
    return whenIdle(() => setRefused({ of: chunks, refused: renderRefusal(markdown) !== null }));
  }, [chunks, guarded, markdown]);

  useEffect(() => {
    if (!chunks || count >= total || !guarded) return;
    return whenIdle(() => {
      // The pipeline runs here, in the idle slice; the render that follows only reads the cache.
      draw(chunks[count], count);
      startTransition(() => setShown({ chunks, count: count + 1 }));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draw reads the cache of these chunks
  }, [chunks, count, total, guarded]);

  if (!chunks) return null;
  // One pass puts a newline between top-level blocks; a chunk's own tree has none before its first.
  let before = false;
  const element = chunks.slice(0, count).map((chunk, k) => {
    const { content, empty } = draw(chunk, k);
    const separator = before && !empty ? '\n' : null;
    before ||= !empty;
    return (
      <Fragment key={k}>
        {separator}
        {content}
      </Fragment>
    );
  });
  return {
    element,
    pending: count < total || !guarded,
    renderAll: () => flushSync(() => setShown({ chunks, count: total })),
  };
}
