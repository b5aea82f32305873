/**
 * Progressive rendering of a long note in the reading view (split-blocks.ts cuts it). The chunk
 * holding the address's heading or block (found by a line scan, target-scan.ts, and confirmed
 * by drawing that one chunk), else the first, is drawn at once; the others fill in, nearest
 * first, in slices of a bounded time and size (progressive-fill.ts), so input is handled between them. Chunks not drawn yet are placeholders
 * of an estimated height, and the scroll anchor keeps the reader's place while those above fill
 * in. The chunks follow one another without wrappers: once all are drawn, the DOM is the
 * one-pass DOM.
 */
import { Fragment, startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { Root as HastRoot } from 'hast';
import { markdownToHast } from '../markdown/pipeline';
import { DEFAULT_SPLIT, splitForProgressive, type Chunk, type SplitOptions } from '../markdown/split-blocks';
import { eachElement } from '../markdown/each-element';
import { chunkOfLine, scanChunk, targetIndex } from '../markdown/target-scan';
import { renderRefusal } from '../../../main/core/parse/render-guard/render-refusal';
import { PLACEHOLDER_CLASS, useScrollAnchor } from './scroll-anchor';
import { inSlice, SLICE_CHARS } from './progressive-fill';
import { openChunksAhead, type WantedChunk } from '../markdown/chunks-ahead';

/** Asks a long note drawn under `root` to draw the chunk holding an element id (a heading at a line, when known). */
export const SHOW_TARGET_EVENT = 'plexus-show-target';

export interface ShowTargetDetail {
  /** The element id asked for; null: only the line's chunk (a search hit's line). */
  id: string | null;
  /** 1-based line of the note (the index's heading line): tells repeated headings apart. */
  line: number | null;
  /** Set by the view: the element, once drawn (for a line alone, the note's body). */
  element: HTMLElement | null;
}

function askToShow(root: ParentNode, detail: ShowTargetDetail): HTMLElement | null {
  for (const body of root.querySelectorAll('.markdown-body[aria-busy="true"]')) body.dispatchEvent(new CustomEvent(SHOW_TARGET_EVENT, { detail }));
  return detail.element;
}

/** The element the request names, drawn first if a long note under `root` had not yet; null when no long note answered. */
export function showTarget(root: ParentNode, id: string, line: number | null): HTMLElement | null {
  return askToShow(root, { id, line, element: null });
}

/** Draws at once the chunk holding a 1-based line of a long note under `root` (a search hit's); false when no long note was still drawing. */
export function showLine(root: ParentNode, line: number): boolean {
  return askToShow(root, { id: null, line, element: null }) !== null;
}

interface Drawn {
  content: ReactNode;
  empty: boolean;
  /** How many elements carry each id (headings repeat). */
  ids: Map<string, number>;
}

function idsOf(hast: HastRoot): Map<string, number> {
  const ids = new Map<string, number>();
  eachElement(hast, (el) => {
    const id = el.properties?.id;
    if (typeof id === 'string') ids.set(id, (ids.get(id) ?? 0) + 1);
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

interface View {
  chunks: Chunk[] | null;
  target: string | null;
  drawn: readonly boolean[];
  /** The chunk the idle slices fill out from. */
  focus: number;
  /** The address's target is not in a chunk drawn so far (the scan missed it): each slice looks for it. */
  seeking: boolean;
}

/** The undrawn chunk nearest the focus, the one after it on a tie; -1 when all are drawn. */
function nextToDraw(view: View): number {
  const n = view.drawn.length;
  for (let d = 1; d <= n; d++) {
    if (view.focus + d < n && !view.drawn[view.focus + d]) return view.focus + d;
    if (view.focus - d >= 0 && !view.drawn[view.focus - d]) return view.focus - d;
  }
  return view.drawn[view.focus] === false ? view.focus : -1;
}

const withDrawn = (drawn: readonly boolean[], k: number): boolean[] => drawn.map((d, i) => d || i === k);

/** The undrawn chunks in the order the fill will draw them. */
function* fillOrder(view: View): Generator<number> {
  for (let k = nextToDraw(view); k >= 0; k = nextToDraw(view)) {
    yield k;
    view = { ...view, drawn: withDrawn(view.drawn, k) };
  }
}

/** Before the browser can lay any out: a line of text is about this tall for this many characters. */
const PX_PER_CHAR = 0.3;

export interface Progressive {
  element: ReactNode;
  /** True until every chunk is drawn. */
  pending: boolean;
}

/** Null when the note renders in one pass (short, guarded, or with footnotes). */
export function useProgressive(
  markdown: string,
  enabled: boolean,
  strictLineBreaks: boolean,
  sourceLines: boolean,
  targetId: string | null,
  toElement: (hast: HastRoot) => ReactNode,
  bodyRef: RefObject<HTMLElement | null>,
  onTargetDrawn: (() => void) | undefined,
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
  // The parts the fill draws next run through the pipeline in the markdown worker; a part needed
  // before it has come back (the first, an outline click) is drawn here, as without a worker.
  const [arrivals, setArrivals] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one per text and settings, as the cache
  const ahead = useMemo(() => (chunks ? openChunksAhead(() => setArrivals((n) => n + 1)) : null), [chunks, strictLineBreaks, sourceLines]);
  useEffect(() => () => ahead?.close(), [ahead]);
  const wanted = function* (view: View): Generator<WantedChunk> {
    for (const k of fillOrder(view)) {
      const chunk = chunks![k];
      if (!cache.has(k)) yield { chunk: k, text: chunk.text, options: { strictLineBreaks, sourceLines, lineOffset: chunk.startLine } };
    }
  };
  const draw = (k: number): Drawn => {
    let drawn = cache.get(k);
    if (!drawn) {
      const chunk = chunks![k];
      const hast = ahead?.take(k) ?? markdownToHast(chunk.text, { strictLineBreaks, sourceLines, lineOffset: chunk.startLine }).hast;
      drawn = { content: toElement(hast), empty: hast.children.length === 0, ids: idsOf(hast) };
      cache.set(k, drawn);
    }
    return drawn;
  };
  // Built on the first target asked for, once per text.
  const scanned = useRef<{ of: Chunk[]; index: Map<string, number[]> } | null>(null);
  const candidates = (id: string): number[] => {
    if (!chunks) return [];
    if (scanned.current?.of !== chunks) scanned.current = { of: chunks, index: targetIndex(chunks) };
    return scanned.current.index.get(id) ?? [];
  };
  /** The chunk that holds the id: the scan's candidates confirmed by drawing them (one, unless the scan was wrong). */
  const holder = (id: string): number | null => candidates(id).find((k) => draw(k).ids.has(id)) ?? null;

  const [view, setView] = useState<View>({ chunks: null, target: null, drawn: [], focus: 0, seeking: false });
  let current = view;
  const shown = useRef(view);
  if (chunks && (view.chunks !== chunks || view.target !== targetId)) {
    // A new text, or an address naming another target: draw its chunk now, keeping what is drawn of the same text.
    const kept = view.chunks === chunks ? view.drawn : chunks.map(() => false);
    const at = targetId ? holder(targetId) : null;
    const focus = at ?? (view.chunks === chunks ? view.focus : 0);
    current = { chunks, target: targetId, drawn: withDrawn(kept, focus), focus, seeking: targetId !== null && at === null };
    setView(current);
  }
  shown.current = current;
  const next = chunks && current.chunks === chunks ? nextToDraw(current) : -1;

  useEffect(() => {
    if (!chunks || guarded) return;
    return whenIdle(() => setRefused({ of: chunks, refused: renderRefusal(markdown) !== null }));
  }, [chunks, guarded, markdown]);

  useEffect(() => {
    if (!chunks || next < 0 || current.chunks !== chunks) return;
    ahead?.want(wanted(current));
    if (!guarded || (!cache.has(next) && ahead?.waitFor(next))) return;
    return inSlice((left) => {
      // The pipeline runs here, in the slice; the render that follows only reads the cache. The
      // slice goes on to the next nearest chunk while it has time and size left, and stops at
      // the address's target once found (the view scrolls to it on that commit).
      let view = current;
      let chars = 0;
      for (let k = next; k >= 0; k = nextToDraw(view)) {
        // A part still with the worker: commit what is drawn (or, if nothing is, wait for that part).
        if (!cache.has(k) && ahead?.pending(k)) {
          if (view === current) ahead.waitFor(k);
          break;
        }
        const { ids } = draw(k);
        const found = view.seeking && view.target !== null && ids.has(view.target);
        view = { ...view, drawn: withDrawn(view.drawn, k), focus: found ? k : view.focus, seeking: view.seeking && !found };
        chars += chunks[k].text.length;
        if (found || chars >= SLICE_CHARS || left() <= 0) break;
      }
      startTransition(() => setView(view));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draw reads the cache of these chunks
  }, [chunks, current, next, guarded, arrivals]);

  // The target was found late (the scan missed it): the note view scrolls to it now.
  const seeking = current.seeking;
  const wasSeeking = useRef(false);
  useLayoutEffect(() => {
    if (wasSeeking.current && !seeking) onTargetDrawn?.();
    wasSeeking.current = seeking;
  }, [seeking, onTargetDrawn]);

  // Outline clicks: draw the chunk of the heading asked for, at once, and hand back its element.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body || !chunks) return;
    const onShow = (event: Event) => {
      const detail = (event as CustomEvent<ShowTargetDetail>).detail;
      const id = detail.id;
      const byLine = detail.line !== null ? chunkOfLine(chunks, detail.line - 1) : null;
      const k = id === null || (byLine !== null && draw(byLine).ids.has(id)) ? byLine : (holder(id) ?? byLine);
      if (k === null) return;
      flushSync(() => setView((v) => (v.chunks === chunks ? { ...v, drawn: withDrawn(v.drawn, k), focus: k } : v)));
      detail.element = id === null ? body : elementIn(body, { chunks, cache, drawn: shown.current.drawn }, k, id, detail.line);
    };
    body.addEventListener(SHOW_TARGET_EVENT, onShow);
    return () => body.removeEventListener(SHOW_TARGET_EVENT, onShow);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draw and holder read the cache of these chunks
  }, [bodyRef, chunks, cache]);

  const drawnChars = useRef({ chars: 0, height: 0 });
  useScrollAnchor(bodyRef, chunks !== null);
  // What a drawn character is tall, for the placeholders' estimates.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body || !chunks || next < 0) return;
    let placeholders = 0;
    for (const p of body.querySelectorAll<HTMLElement>(`:scope > .${PLACEHOLDER_CLASS}`)) placeholders += p.offsetHeight;
    const chars = chunks.reduce((sum, c, k) => sum + (current.drawn[k] ? c.text.length : 0), 0);
    drawnChars.current = { chars, height: Math.max(0, body.offsetHeight - placeholders) };
  });

  if (!chunks) return null;
  const measured = drawnChars.current;
  const pxPerChar = measured.chars > 0 && measured.height > 0 ? Math.min(5, Math.max(0.05, measured.height / measured.chars)) : PX_PER_CHAR;
  const element: ReactNode[] = [];
  // One pass puts a newline between top-level blocks; a chunk's own tree has none before its first.
  let before = false;
  let gap: { from: number; chars: number } | null = null;
  const closeGap = () => {
    if (gap) element.push(<div key={`p${gap.from}`} className={PLACEHOLDER_CLASS} aria-hidden="true" style={{ height: Math.round(gap.chars * pxPerChar) }} />);
    gap = null;
  };
  chunks.forEach((chunk, k) => {
    if (!current.drawn[k]) {
      gap ??= { from: k, chars: 0 };
      gap.chars += chunk.text.length;
      return;
    }
    closeGap();
    const { content, empty } = draw(k);
    const separator = before && !empty ? '\n' : null;
    before ||= !empty;
    element.push(
      <Fragment key={k}>
        {separator}
        {content}
      </Fragment>,
    );
  });
  closeGap();
  return { element, pending: next >= 0 || !guarded };
}

/**
 * The element with the id drawn from chunk k: ids repeat, so those drawn from the chunks before
 * it, and those on earlier lines of the same chunk (the scan's lines), are counted off.
 */
function elementIn(
  body: HTMLElement,
  of: { chunks: Chunk[]; cache: Map<number, Drawn>; drawn: readonly boolean[] },
  k: number,
  id: string,
  line: number | null,
): HTMLElement | null {
  let earlier = 0;
  for (let j = 0; j < k; j++) if (of.drawn[j]) earlier += of.cache.get(j)?.ids.get(id) ?? 0;
  if (line !== null) earlier += scanChunk(of.chunks[k], k === 0).filter((t) => t.id === id && t.line < line - 1).length;
  const own = [...body.querySelectorAll<HTMLElement>(`[id="${CSS.escape(id)}"]`)].filter((el) => !el.parentElement?.closest('.embed'));
  return own[earlier] ?? own[0] ?? null;
}
