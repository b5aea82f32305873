/** Builds the explorer's folder tree from the flat file list: folders first, then files, each sorted by name. */
import type { FileEntry } from '../../../main/contract/api-contract';
import { compareNames } from '../lib/collate';

export interface FolderNode {
  kind: 'folder';
  name: string;
  path: string;
  children: TreeNode[];
  /** Notes in this folder and all below it. */
  noteCount: number;
  /** Files of any kind in this folder and all below it (an attachment-only folder shows this). */
  fileCount: number;
}

export interface FileNode {
  kind: 'file';
  name: string;
  entry: FileEntry;
}

export type TreeNode = FolderNode | FileNode;

function byName(a: TreeNode, b: TreeNode): number {
  if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1;
  return compareNames(a.name, b.name);
}

export function matchesFilter(entry: FileEntry, filter: string): boolean {
  const q = filter.trim().toLowerCase();
  return q === '' || entry.path.toLowerCase().includes(q) || entry.title.toLowerCase().includes(q);
}

export function buildTree(files: FileEntry[], filter = ''): FolderNode {
  const root: FolderNode = { kind: 'folder', name: '', path: '', children: [], noteCount: 0, fileCount: 0 };
  const folders = new Map<string, FolderNode>([['', root]]);
  const folderFor = (dir: string): FolderNode => {
    const known = folders.get(dir);
    if (known) return known;
    const cut = dir.lastIndexOf('/');
    const parent = folderFor(cut < 0 ? '' : dir.slice(0, cut));
    const node: FolderNode = { kind: 'folder', name: dir.slice(cut + 1), path: dir, children: [], noteCount: 0, fileCount: 0 };
    parent.children.push(node);
    folders.set(dir, node);
    return node;
  };
  for (const entry of files) {
    if (!matchesFilter(entry, filter)) continue;
    const cut = entry.path.lastIndexOf('/');
    const folder = folderFor(cut < 0 ? '' : entry.path.slice(0, cut));
    folder.children.push({ kind: 'file', name: entry.path.slice(cut + 1), entry });
    for (let dir: string | null = folder.path; dir !== null; dir = dir === '' ? null : dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') {
      const node = folders.get(dir)!;
      node.fileCount++;
      if (entry.kind === 'note') node.noteCount++;
    }
  }
  const sortDeep = (node: FolderNode) => {
    node.children.sort(byName);
    for (const c of node.children) if (c.kind === 'folder') sortDeep(c);
  };
  sortDeep(root);
  return root;
}

/** Folders that contain `path`, so the explorer can reveal the open note. */
export function ancestorFolders(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Every folder that holds a file, at any depth (for starting a large vault's tree folded). */
export function allFolders(files: FileEntry[]): Set<string> {
  const folders = new Set<string>();
  for (const entry of files) for (const folder of ancestorFolders(entry.path)) folders.add(folder);
  return folders;
}

/** One visible row of the explorer: the tree walked in order, skipping folded folders' contents. */
export interface TreeRowEntry {
  node: TreeNode;
  depth: number;
}

export function flattenTree(root: FolderNode, collapsed: ReadonlySet<string>): TreeRowEntry[] {
  const rows: TreeRowEntry[] = [];
  // An explicit stack: folder depth is the user's, and recursion would tie it to the call stack.
  const stack: { nodes: TreeNode[]; next: number; depth: number }[] = [{ nodes: root.children, next: 0, depth: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.nodes.length) {
      stack.pop();
      continue;
    }
    const node = top.nodes[top.next++];
    rows.push({ node, depth: top.depth });
    if (node.kind === 'folder' && !collapsed.has(node.path)) stack.push({ nodes: node.children, next: 0, depth: top.depth + 1 });
  }
  return rows;
}
