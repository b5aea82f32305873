/**
 * The open note's headings as a tree ("Outline"). A click scrolls the note to the heading; while
 * the note scrolls, the section being read (the last heading above the top edge) is marked.
 * It reads the active pane's note (main.note-pane), so it follows the active tab.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HeadingInfo, VaultPath } from '../../../main/core/types';
import type { NoteData } from '../hooks/use-note-data';
import { headingId } from '../markdown/slug';
import { keepInView } from './keep-in-view';
import { outlineTree, type OutlineNode } from './outline-tree';
import { showTarget } from './progressive-markdown';
import { OutlineWindow } from './outline-window';

/** From this many headings on, the outline draws only the rows in view (outline-window.tsx). */
const WINDOW_FROM = 300;

const sameHeadings = (a: HeadingInfo[], b: HeadingInfo[]) =>
  a.length === b.length && a.every((h, i) => h.text === b[i].text && h.level === b[i].level && h.line === b[i].line);

/**
 * The note's headings, the same array for as long as they are equal: the note's data changes on
 * every keystroke, and a new array would draw the outline again and re-arm its scroll listener.
 */
function useStableHeadings(data: NoteData | null): HeadingInfo[] {
  const last = useRef<HeadingInfo[]>([]);
  const next = data?.meta.ok ? data.meta.value.headings : [];
  if (next !== last.current && !sameHeadings(next, last.current)) last.current = next;
  return last.current;
}

const notePane = () => document.querySelector<HTMLElement>('main.note-pane');

/** The note's own rendered headings, in order (not those of embedded notes). */
function renderedHeadings(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.markdown-body :is(h1,h2,h3,h4,h5,h6)')].filter((h) => !h.closest('.embed'));
}

/**
 * The rendered element of the index-th heading: by its id, else by position (ids repeat for
 * repeated headings). `all` is renderedHeadings(), read once by a caller that looks up many.
 */
function headingElement(text: string, index: number, all?: HTMLElement[]): HTMLElement | null {
  const root = notePane();
  if (!root) return null;
  const byIndex = (all ?? renderedHeadings(root))[index];
  if (byIndex && byIndex.id === headingId(text)) return byIndex;
  return root.querySelector<HTMLElement>(`[id="${CSS.escape(headingId(text))}"]`) ?? byIndex ?? null;
}

export function OutlinePanel({ data, onBookmark }: { data: NoteData | null; onBookmark?(path: VaultPath, heading: string): void }) {
  const headings = useStableHeadings(data);
  const tree = useMemo(() => outlineTree(headings), [headings]);
  const [current, setCurrent] = useState<number | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const windowed = headings.length >= WINDOW_FROM;

  // The current section's row stays in sight as the note scrolls (the windowed list does its own).
  useEffect(() => {
    if (windowed || current === null) return;
    const row = sectionRef.current?.querySelector<HTMLElement>('.outline-item.is-current');
    if (row) keepInView(row);
  }, [current, windowed]);

  useEffect(() => {
    setCurrent(null);
    if (headings.length === 0) return;
    const update = () => {
      const root = notePane();
      if (!root) return;
      const box = root.getBoundingClientRect();
      // Scrolled to the end, the last sections can never reach the top edge: the last one in sight counts.
      const atEnd = root.scrollTop > 0 && root.scrollHeight - root.clientHeight - root.scrollTop < 2;
      const line = atEnd ? box.bottom : box.top + 8;
      let at: number | null = null;
      // Read once per scroll: per heading, it walked a 1 MB note's DOM 362 times on each event.
      const all = renderedHeadings(root);
      headings.forEach((h, i) => {
        const el = headingElement(h.text, i, all);
        if (el && el.getBoundingClientRect().top <= line) at = i;
      });
      setCurrent(at ?? 0);
    };
    // Scroll events do not bubble; capturing on the document sees the note pane's, whichever pane is active.
    document.addEventListener('scroll', update, true);
    update();
    return () => document.removeEventListener('scroll', update, true);
  }, [headings]);

  const go = useCallback((node: OutlineNode) => {
    // A long note may not have drawn this far yet: it draws the heading's part (only) first.
    const pane = notePane();
    const drawn = pane ? showTarget(pane, headingId(node.heading.text), node.heading.line) : null;
    const el = drawn ?? headingElement(node.heading.text, node.index);
    el?.scrollIntoView({ block: 'start' });
    setCurrent(node.index);
  }, []);
  // Stable while the path and the callback are, so the memoized list is not drawn again per keystroke.
  const path = data?.path ?? null;
  const bookmarkRef = useRef(onBookmark);
  bookmarkRef.current = onBookmark;
  const canBookmark = path !== null && onBookmark !== undefined;
  const bookmark = useMemo(() => (canBookmark ? (heading: string) => bookmarkRef.current?.(path, heading) : undefined), [canBookmark, path]);
  const List = windowed ? OutlineWindow : OutlineList;
  return (
    <section ref={sectionRef} aria-label="Outline" className={`panel outline${windowed ? ' is-windowed' : ''}`} tabIndex={-1}>
      <h2 className="panel-title">
        Outline <span className="count">{headings.length}</span>
      </h2>
      {data && headings.length === 0 && <p className="muted">No headings in this note.</p>}
      <List nodes={tree} current={current} onGo={go} onBookmark={bookmark} />
    </section>
  );
}

interface ListProps {
  nodes: OutlineNode[];
  current: number | null;
  onGo(n: OutlineNode): void;
  onBookmark?(heading: string): void;
}

const OutlineList = memo(function OutlineList({ nodes, current, onGo, onBookmark }: ListProps) {
  if (nodes.length === 0) return null;
  return (
    <ul className="outline-list">
      {nodes.map((n) => (
        <li key={n.index}>
          <button
            type="button"
            className={`outline-item${n.index === current ? ' is-current' : ''}`}
            aria-current={n.index === current ? 'location' : undefined}
            onClick={() => onGo(n)}
          >
            {n.heading.text}
          </button>
          {onBookmark && (
            <button
              type="button"
              className="outline-bookmark"
              aria-label={`Bookmark heading ${n.heading.text}`}
              title="Bookmark this heading"
              onClick={() => onBookmark(n.heading.text)}
            >
              ☆
            </button>
          )}
          <OutlineList nodes={n.children} current={current} onGo={onGo} onBookmark={onBookmark} />
        </li>
      ))}
    </ul>
  );
});
