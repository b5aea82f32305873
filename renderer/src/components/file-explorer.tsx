/**
 * The left pane: a filterable, collapsible folder tree. Arrow keys move between rows; Left/Right
 * fold folders. A large vault starts with its folders folded (all but the open note's), so the
 * first screen is an overview rather than thousands of rows. The tree is drawn as one flat list
 * of rows, and a long list renders only the rows in view (a 5,000-note folder opens at once).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { FileEntry } from '../../../main/contract/api-contract';
import { noteHref } from '../routing/hash-route';
import { allFolders, ancestorFolders, buildTree, flattenTree, type FolderNode, type TreeRowEntry } from './file-tree';
import { useRowWindow } from './virtual-rows';
import { FileActionsMenu, fileRowShortcut, type FileActionHandlers } from './note-actions/file-actions-menu';
import { VAULT_PATH_DRAG } from '../editor/attachment-drop';
import type { VaultPath } from '../../../main/core/types';

/** Above this many files the tree starts folded. */
export const FOLD_ABOVE_FILES = 200;

interface Props {
  files: FileEntry[] | null;
  currentPath: VaultPath | null;
  /** Rename/delete entry points (the current note's "⋯" menu, F2 / Delete on a focused row). */
  actions?: FileActionHandlers;
}

export function FileExplorer({ files, currentPath, actions }: Props) {
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const tree = useMemo(() => buildTree(files ?? [], filter), [files, filter]);

  // Once, when the file list first arrives; later changes keep the user's folding.
  const folded = useRef(false);
  useEffect(() => {
    if (folded.current || files === null) return;
    folded.current = true;
    if (files.length <= FOLD_ABOVE_FILES) return;
    const keepOpen = new Set(currentPath ? ancestorFolders(currentPath) : []);
    setCollapsed(new Set([...allFolders(files)].filter((f) => !keepOpen.has(f))));
  }, [files, currentPath]);

  // Reveal the open note: unfold its folders when it changes.
  useEffect(() => {
    if (!currentPath) return;
    setCollapsed((c) => {
      const open = ancestorFolders(currentPath).filter((f) => c.has(f));
      if (open.length === 0) return c;
      const next = new Set(c);
      for (const f of open) next.delete(f);
      return next;
    });
  }, [currentPath]);

  const toggle = (path: string, expand?: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      const willExpand = expand ?? next.has(path);
      if (willExpand) next.delete(path);
      else next.add(path);
      return next;
    });

  const filtering = filter.trim() !== '';
  const rows = useMemo(() => flattenTree(tree, filtering ? NONE : collapsed), [tree, filtering, collapsed]);
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const view = useRowWindow(list, rows.length);
  const currentIndex = useMemo(() => rows.findIndex((r) => r.node.kind === 'file' && r.node.entry.path === currentPath), [rows, currentPath]);
  const { reveal } = view;
  // Once per opened note: folding rows above it later must not yank the list back to it.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (currentIndex < 0 || revealed.current === currentPath) return;
    if (reveal(currentIndex)) revealed.current = currentPath;
  }, [currentIndex, currentPath, reveal]);

  const focusRow = (index: number) => {
    // The row may be outside the rendered window: scroll to it and render before focusing.
    flushSync(() => view.reveal(index));
    list?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
    const i = focused ? Number(focused.dataset.index) : -1;
    if (actions && fileRowShortcut(e.key, e.target, actions)) {
      // The app-wide F2 would otherwise rename the open note instead of this row's.
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && i >= 0) {
      const node = rows[i]?.node;
      if (node?.kind === 'folder') {
        e.preventDefault();
        toggle(node.path, e.key === 'ArrowRight');
      }
    }
  };

  return (
    <nav aria-label="File explorer" className="explorer">
      <div className="pane-header">
        <input
          type="search"
          className="explorer-filter"
          placeholder="Filter files…"
          aria-label="Filter files"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      {files === null ? (
        <p className="muted pad">Loading files…</p>
      ) : rows.length === 0 ? (
        <p className="muted pad">{filtering ? 'No files match.' : 'This vault has no files yet.'}</p>
      ) : (
        <ul className="tree" ref={setList} onKeyDown={onKeyDown}>
          {view.padTop > 0 && <li aria-hidden="true" className="tree-spacer" style={{ height: view.padTop }} />}
          {rows.slice(view.start, view.end).map((row, k) => (
            <TreeRow
              key={key(row)}
              row={row}
              index={view.start + k}
              currentPath={currentPath}
              collapsed={filtering ? NONE : collapsed}
              toggle={toggle}
              actions={actions}
            />
          ))}
          {view.padBottom > 0 && <li aria-hidden="true" className="tree-spacer" style={{ height: view.padBottom }} />}
        </ul>
      )}
    </nav>
  );
}

const NONE: ReadonlySet<string> = new Set();
const key = ({ node }: TreeRowEntry) => (node.kind === 'folder' ? `d:${node.path}` : `f:${node.entry.path}`);

interface RowProps {
  row: TreeRowEntry;
  index: number;
  currentPath: VaultPath | null;
  collapsed: ReadonlySet<string>;
  toggle(path: string): void;
  actions?: FileActionHandlers;
}

function TreeRow({ row: { node, depth }, index, currentPath, collapsed, toggle, actions }: RowProps) {
  const indent = { paddingLeft: `${0.75 + depth * 0.9}rem` };
  if (node.kind === 'file') {
    const { entry } = node;
    const current = entry.path === currentPath;
    const label = entry.kind === 'note' ? entry.title : node.name;
    return (
      <li className={current && actions ? 'tree-file-row has-actions' : 'tree-file-row'}>
        <a
          data-row
          data-index={index}
          data-path={entry.kind === 'note' ? entry.path : undefined}
          href={noteHref(entry.path)}
          className={`tree-file${current ? ' is-current' : ''}${entry.kind === 'attachment' ? ' is-attachment' : ''}`}
          style={indent}
          aria-current={current ? 'page' : undefined}
          title={entry.path}
          onDragStart={(e) => e.dataTransfer.setData(VAULT_PATH_DRAG, entry.path)}
        >
          <span className="tree-label">{label}</span>
        </a>
        {current && actions && entry.kind === 'note' && <FileActionsMenu path={entry.path} actions={actions} />}
      </li>
    );
  }
  return (
    <li>
      <FolderButton node={node} index={index} open={!collapsed.has(node.path)} indent={indent} toggle={toggle} />
    </li>
  );
}

function FolderButton({ node, index, open, indent, toggle }: { node: FolderNode; index: number; open: boolean; indent: object; toggle(p: string): void }) {
  return (
    <button
      type="button"
      data-row
      data-index={index}
      data-folder={node.path}
      className="tree-folder"
      style={indent}
      aria-expanded={open}
      onClick={() => toggle(node.path)}
    >
      <span className="chevron" aria-hidden="true">
        {open ? '▾' : '▸'}
      </span>
      <span className="folder-name">{node.name}</span>
      {node.noteCount === 0 && node.fileCount > 0 ? (
        // No notes below: say how many files, rather than a misleading 0.
        <span className="count is-files" aria-label={`${node.fileCount} ${node.fileCount === 1 ? 'file' : 'files'}`}>
          {node.fileCount} {node.fileCount === 1 ? 'file' : 'files'}
        </span>
      ) : (
        <span className="count" aria-label={`${node.noteCount} notes`}>
          {node.noteCount}
        </span>
      )}
    </button>
  );
}
