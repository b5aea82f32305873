/**
 * The outline of a note with many headings, drawn as a windowed list: rows of one fixed height,
 * nested by indentation, and only those in (or near) view are in the DOM. A note with thousands
 * of headings otherwise lays out thousands of rows whenever the outline is drawn.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { nearestScrollTop } from './keep-in-view';
import type { OutlineNode } from './outline-tree';

/** Each row's height in CSS pixels (.outline-window .outline-row sets the same). */
export const OUTLINE_ROW_HEIGHT = 24;
/** Rows drawn beyond each edge of the view, so a scroll shows drawn rows before the next render. */
const OVERSCAN = 10;
/** Rows assumed in view before the list has a height (not laid out yet, or no layout at all). */
const FALLBACK_ROWS = 40;

interface FlatRow {
  node: OutlineNode;
  depth: number;
}

/** The tree in reading order with each node's depth: the order of the note's headings. */
function flatten(nodes: OutlineNode[], depth = 0, out: FlatRow[] = []): FlatRow[] {
  for (const node of nodes) {
    out.push({ node, depth });
    flatten(node.children, depth + 1, out);
  }
  return out;
}

interface Props {
  nodes: OutlineNode[];
  current: number | null;
  onGo(n: OutlineNode): void;
  onBookmark?(heading: string): void;
}

export const OutlineWindow = memo(function OutlineWindow({ nodes, current, onGo, onBookmark }: Props) {
  const rows = useMemo(() => flatten(nodes), [nodes]);
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const read = () => {
    const el = ref.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  };
  useEffect(() => {
    read();
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The current section's row stays in sight as the note scrolls; the list moves only if it must.
  useEffect(() => {
    const el = ref.current;
    if (!el || current === null) return;
    const at = rows.findIndex((r) => r.node.index === current);
    if (at < 0) return;
    const next = nearestScrollTop(el.scrollTop, el.clientHeight, at * OUTLINE_ROW_HEIGHT, (at + 1) * OUTLINE_ROW_HEIGHT);
    if (next !== el.scrollTop) {
      el.scrollTop = next;
      read();
    }
  }, [current, rows]);

  const inView = view.height > 0 ? Math.ceil(view.height / OUTLINE_ROW_HEIGHT) : FALLBACK_ROWS;
  const first = Math.max(0, Math.floor(view.top / OUTLINE_ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(rows.length, first + inView + 2 * OVERSCAN);
  return (
    <div ref={ref} className="outline-window" onScroll={read}>
      <ul className="outline-list outline-flat" style={{ height: rows.length * OUTLINE_ROW_HEIGHT }}>
        {rows.slice(first, end).map(({ node: n, depth }, k) => (
          <li key={n.index} className="outline-row" style={{ top: (first + k) * OUTLINE_ROW_HEIGHT, paddingLeft: depth * 12 }}>
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
          </li>
        ))}
      </ul>
    </div>
  );
});
