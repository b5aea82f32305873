/**
 * A sidebar's views as a tab strip, the ARIA tabs pattern: arrow keys, Home and End move between
 * the tabs (showing each, as the focus moves), Ctrl/Cmd+Shift+Left/Right moves the focused view
 * one place along, and a tab dragged onto either sidebar's strip moves there. A view is mounted
 * when first shown and kept (hidden) after, so an explorer's open folders or a search's results
 * survive a look at another view; the local graph is the exception (a canvas drawn while hidden
 * lays out into a box of no size).
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { SIDEBAR_VIEW_LABELS, type Side, type SidebarViewId, type SidebarViews } from './sidebar-views';

export const SIDEBAR_DRAG_TYPE = 'application/x-plexus-sidebar-view';

const SIDE_NAMES: Record<Side, string> = { left: 'Left sidebar', right: 'Right sidebar' };
const KEEP_UNMOUNTED: ReadonlySet<SidebarViewId> = new Set(['local-graph']);

interface Props {
  side: Side;
  views: SidebarViews;
  renderView(id: SidebarViewId): ReactNode;
  onActivate(id: SidebarViewId): void;
  onMove(id: SidebarViewId, side: Side, index: number): void;
  onShift(id: SidebarViewId, delta: -1 | 1): void;
}

const tabId = (id: SidebarViewId) => `sidebar-tab-${id}`;

export function SidebarTabs({ side, views, renderView, onActivate, onMove, onShift }: Props) {
  const list = views[side];
  const active = views.active[side];
  const [visited, setVisited] = useState<ReadonlySet<SidebarViewId>>(() => new Set(active ? [active] : []));
  useEffect(() => {
    if (active && !visited.has(active)) setVisited(new Set([...visited, active]));
  }, [active, visited]);
  // The tab the keyboard moved to, focused once it is drawn where the move put it.
  const focusNext = useRef<SidebarViewId | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(tabId(focusNext.current))?.focus();
    focusNext.current = null;
  });

  const onKeyDown = (e: KeyboardEvent, id: SidebarViewId) => {
    const at = list.indexOf(id);
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      focusNext.current = id;
      return onShift(id, e.key === 'ArrowLeft' ? -1 : 1);
    }
    if (mod || e.altKey) return;
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: list.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = list[(to + list.length) % list.length];
    focusNext.current = next;
    onActivate(next);
  };
  const onDrop = (index: number) => (e: DragEvent) => {
    const id = e.dataTransfer.getData(SIDEBAR_DRAG_TYPE) as SidebarViewId;
    if (!id) return;
    e.preventDefault();
    e.stopPropagation();
    onMove(id, side, index);
  };
  const allowDrop = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(SIDEBAR_DRAG_TYPE)) e.preventDefault();
  };

  const shown = list.filter((id) => id === active || (visited.has(id) && !KEEP_UNMOUNTED.has(id)));
  return (
    <div className="sidebar-tabs">
      <div role="tablist" aria-label={`${SIDE_NAMES[side]} views`} className="sidebar-tab-strip" onDragOver={allowDrop} onDrop={onDrop(list.length)}>
        {list.map((id, i) => (
          <button
            key={id}
            id={tabId(id)}
            type="button"
            role="tab"
            aria-selected={id === active}
            aria-controls={`sidebar-panel-${id}`}
            tabIndex={id === active ? 0 : -1}
            className={`sidebar-tab${id === active ? ' is-selected' : ''}`}
            title={`${SIDEBAR_VIEW_LABELS[id]} (drag to move; Ctrl+Shift+←/→ to reorder)`}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(SIDEBAR_DRAG_TYPE, id);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={allowDrop}
            onDrop={onDrop(i)}
            onClick={() => onActivate(id)}
            onKeyDown={(e) => onKeyDown(e, id)}
          >
            {SIDEBAR_VIEW_LABELS[id]}
          </button>
        ))}
      </div>
      {shown.map((id) => (
        <div key={id} role="tabpanel" id={`sidebar-panel-${id}`} aria-labelledby={tabId(id)} className="sidebar-panel" hidden={id !== active}>
          {renderView(id)}
        </div>
      ))}
      {list.length === 0 && <p className="muted pad">Drag a view here.</p>}
    </div>
  );
}
