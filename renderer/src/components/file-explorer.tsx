/**
 * The left pane: a filterable, collapsible folder tree. Arrow keys move between rows; Left/Right
 * fold folders. A large vault starts with its folders folded (all but the open note's), so the
 * first screen is an overview rather than thousands of rows.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FileEntry } from '../../../main/contract/api-contract';
import { noteHref } from '../routing/hash-route';
import { allFolders, ancestorFolders, buildTree, type FolderNode, type TreeNode } from './file-tree';
import { FileActionsMenu, fileRowShortcut, type FileActionHandlers } from './note-actions/file-actions-menu';

/** Above this many files the tree starts folded. */
export const FOLD_ABOVE_FILES = 200;

interface Props {
  files: FileEntry[] | null;
  currentPath: string | null;
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

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const rows = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[data-row]'));
    const i = rows.indexOf(document.activeElement as HTMLElement);
    if (actions && fileRowShortcut(e.key, e.target, actions)) {
      // The app-wide F2 would otherwise rename the open note instead of this row's.
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = rows[Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
      next?.focus();
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && i >= 0) {
      const folder = rows[i].dataset.folder;
      if (folder !== undefined) {
        e.preventDefault();
        toggle(folder, e.key === 'ArrowRight');
      }
    }
  };

  const filtering = filter.trim() !== '';
  return (
    <nav aria-label="File explorer" className="explorer">
      <div className="pane-header">
        <input type="search" className="explorer-filter" placeholder="Filter files…" aria-label="Filter files" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {files === null ? (
        <p className="muted pad">Loading files…</p>
      ) : tree.children.length === 0 ? (
        <p className="muted pad">{filtering ? 'No files match.' : 'This vault has no files yet.'}</p>
      ) : (
        <ul className="tree" onKeyDown={onKeyDown}>
          {tree.children.map((n) => (
            <TreeRow key={key(n)} node={n} depth={0} currentPath={currentPath} collapsed={filtering ? new Set() : collapsed} toggle={toggle} actions={actions} />
          ))}
        </ul>
      )}
    </nav>
  );
}

const key = (n: TreeNode) => (n.kind === 'folder' ? `d:${n.path}` : `f:${n.entry.path}`);

interface RowProps {
  node: TreeNode;
  depth: number;
  currentPath: string | null;
  collapsed: Set<string>;
  toggle(path: string): void;
  actions?: FileActionHandlers;
}

function TreeRow({ node, depth, currentPath, collapsed, toggle, actions }: RowProps) {
  const indent = { paddingLeft: `${0.75 + depth * 0.9}rem` };
  if (node.kind === 'file') {
    const { entry } = node;
    const current = entry.path === currentPath;
    const label = entry.kind === 'note' ? entry.title : node.name;
    return (
      <li className={current && actions ? 'tree-file-row has-actions' : 'tree-file-row'}>
        <a data-row data-path={entry.kind === 'note' ? entry.path : undefined} href={noteHref(entry.path)} className={`tree-file${current ? ' is-current' : ''}${entry.kind === 'attachment' ? ' is-attachment' : ''}`} style={indent} aria-current={current ? 'page' : undefined} title={entry.path}>
          {label}
        </a>
        {current && actions && entry.kind === 'note' && <FileActionsMenu path={entry.path} actions={actions} />}
      </li>
    );
  }
  const open = !collapsed.has(node.path);
  return (
    <li>
      <FolderButton node={node} open={open} indent={indent} toggle={toggle} />
      {open && (
        <ul role="group">
          {node.children.map((c) => (
            <TreeRow key={key(c)} node={c} depth={depth + 1} currentPath={currentPath} collapsed={collapsed} toggle={toggle} actions={actions} />
          ))}
        </ul>
      )}
    </li>
  );
}

function FolderButton({ node, open, indent, toggle }: { node: FolderNode; open: boolean; indent: object; toggle(p: string): void }) {
  return (
    <button type="button" data-row data-folder={node.path} className="tree-folder" style={indent} aria-expanded={open} onClick={() => toggle(node.path)}>
      <span className="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
      <span className="folder-name">{node.name}</span>
      {node.noteCount === 0 && node.fileCount > 0 ? (
        // No notes below: say how many files, rather than a misleading 0.
        <span className="count is-files" aria-label={`${node.fileCount} ${node.fileCount === 1 ? 'file' : 'files'}`}>{node.fileCount} {node.fileCount === 1 ? 'file' : 'files'}</span>
      ) : (
        <span className="count" aria-label={`${node.noteCount} notes`}>{node.noteCount}</span>
      )}
    </button>
  );
}
