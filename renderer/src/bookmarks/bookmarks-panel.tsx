/**
 * The Bookmarks view (left sidebar): bookmarked notes, headings, searches and graph views, in
 * groups if the user makes them. Drag to reorder or into a group; Alt+↑/↓ moves the focused
 * bookmark; × removes. A bookmark of a note that no longer exists is shown struck through.
 */
import { useState, type DragEvent, type KeyboardEvent, type ReactElement } from 'react';
import { addGroup, moveEntry, positionOf, removeEntry, renameEntry, type BookmarkEntry, type BookmarkItem, type BookmarkTarget } from './bookmarks-model';
import type { BookmarksState } from './use-bookmarks';
import type { VaultPath } from '../../../main/core/types';

interface Props {
  state: BookmarksState;
  /** Paths that exist, to mark bookmarks of deleted notes. */
  exists(path: VaultPath): boolean;
  onOpen(target: BookmarkTarget, newTab: boolean): void;
}

/** Drawn, not emoji: emoji fonts are missing on many Linux desktops and showed as empty boxes. */
const ICONS: Record<BookmarkTarget['kind'], ReactElement> = {
  note: (
    <svg viewBox="0 0 12 12" width="12" height="12">
      <path d="M2.5 1h5l2 2v8h-7z" fill="none" stroke="currentColor" />
    </svg>
  ),
  search: (
    <svg viewBox="0 0 12 12" width="12" height="12">
      <circle cx="5" cy="5" r="3.2" fill="none" stroke="currentColor" />
      <path d="M7.5 7.5 11 11" stroke="currentColor" />
    </svg>
  ),
  graph: (
    <svg viewBox="0 0 12 12" width="12" height="12">
      <circle cx="3" cy="3" r="1.6" fill="currentColor" />
      <circle cx="9" cy="4" r="1.6" fill="currentColor" />
      <circle cx="5" cy="9.5" r="1.6" fill="currentColor" />
      <path d="M3 3 9 4 5 9.5z" fill="none" stroke="currentColor" strokeWidth="0.8" />
    </svg>
  ),
};
const DRAG_TYPE = 'application/x-plexus-bookmark';

export function BookmarksPanel({ state, exists, onOpen }: Props) {
  const { bookmarks, update } = state;
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [naming, setNaming] = useState<string | null>(null);

  const onKeyDown = (e: KeyboardEvent, id: string) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const at = positionOf(bookmarks, id);
    if (!at) return;
    update((b) => moveEntry(b, id, at.group, at.index + (e.key === 'ArrowUp' ? -1 : 1)));
    // Keep the focus on the moved bookmark once it is re-rendered in its new place.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-bookmark="${id}"]`)?.focus());
  };
  const drop = (e: DragEvent, group: string | null, index: number) => {
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (!id) return;
    e.preventDefault();
    e.stopPropagation();
    update((b) => moveEntry(b, id, group, index));
  };
  const allowDrop = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
  };

  const item = (i: BookmarkItem, group: string | null, index: number) => {
    const gone = i.target.kind === 'note' && !exists(i.target.path);
    return (
      <li
        key={i.id}
        className="bookmark"
        draggable
        onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, i.id)}
        onDragOver={allowDrop}
        onDrop={(e) => drop(e, group, index)}
      >
        <button
          type="button"
          data-bookmark={i.id}
          className={`bookmark-open${gone ? ' is-missing' : ''}`}
          title={gone ? 'This note no longer exists' : describe(i.target)}
          onClick={(e) => onOpen(i.target, e.ctrlKey || e.metaKey)}
          onAuxClick={(e) => e.button === 1 && onOpen(i.target, true)}
          onKeyDown={(e) => onKeyDown(e, i.id)}
        >
          <span aria-hidden="true" className="bookmark-icon">
            {ICONS[i.target.kind]}
          </span>{' '}
          {i.title}
        </button>
        <button type="button" className="bookmark-remove" aria-label={`Remove bookmark ${i.title}`} onClick={() => update((b) => removeEntry(b, i.id))}>
          ×
        </button>
      </li>
    );
  };
  const entry = (e: BookmarkEntry, index: number) => {
    if (e.kind === 'item') return item(e, null, index);
    const expanded = open[e.id] ?? true;
    return (
      <li
        key={e.id}
        className="bookmark-group"
        draggable
        onDragStart={(d) => d.dataTransfer.setData(DRAG_TYPE, e.id)}
        onDragOver={allowDrop}
        onDrop={(d) => drop(d, e.id, e.items.length)}
      >
        <div className="bookmark-group-head">
          {naming === e.id ? (
            <input
              autoFocus
              className="field-input"
              aria-label="Group name"
              defaultValue={e.title}
              onBlur={(x) => {
                update((b) => renameEntry(b, e.id, x.currentTarget.value));
                setNaming(null);
              }}
              onKeyDown={(x) => {
                if (x.key === 'Enter' || x.key === 'Escape') x.currentTarget.blur();
              }}
            />
          ) : (
            <button
              type="button"
              data-bookmark={e.id}
              className="bookmark-group-toggle"
              aria-expanded={expanded}
              onClick={() => setOpen((o) => ({ ...o, [e.id]: !expanded }))}
              onDoubleClick={() => setNaming(e.id)}
              onKeyDown={(k) => (k.key === 'F2' ? setNaming(e.id) : onKeyDown(k, e.id))}
            >
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {e.title} <span className="count">{e.items.length}</span>
            </button>
          )}
          <button type="button" className="bookmark-remove" aria-label={`Remove group ${e.title}`} onClick={() => update((b) => removeEntry(b, e.id))}>
            ×
          </button>
        </div>
        {expanded && (
          <ul role="group" aria-label={e.title}>
            {e.items.map((i, k) => item(i, e.id, k))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <section aria-label="Bookmarks" className="panel bookmarks-panel">
      <div className="panel-title-row">
        <h2 className="panel-title">
          Bookmarks <span className="count">{bookmarks.entries.length}</span>
        </h2>
        <button
          type="button"
          className="show-more"
          onClick={() => {
            setNaming(`g${bookmarks.seq}`);
            update((b) => addGroup(b, 'New group'));
          }}
        >
          New group
        </button>
      </div>
      {bookmarks.entries.length === 0 ? (
        <p className="muted small">No bookmarks yet. Use “Bookmark this note” (★) or the command palette.</p>
      ) : (
        <ul className="bookmark-list" onDragOver={allowDrop} onDrop={(e) => drop(e, null, bookmarks.entries.length)}>
          {bookmarks.entries.map(entry)}
        </ul>
      )}
    </section>
  );
}

function describe(t: BookmarkTarget): string {
  if (t.kind === 'note') return t.heading ? `${t.path} › ${t.heading}` : t.path;
  if (t.kind === 'search') return `Search: ${t.query}`;
  return t.local ? `Local graph of ${t.local}` : 'Global graph';
}
