/**
 * Planning the text edits a rename needs. For every note that may be affected, each link is
 * resolved as it was (old file set, old source location) and as it would be (new file set, new
 * source location); wherever the two differ, the link's target text is rewritten — in the
 * author's style — so it reaches the same file as before. That one rule covers links to the
 * renamed note, the renamed note's own relative links after a folder move, and bare links
 * elsewhere that the new name would make ambiguous.
 */
import type { LinkKind, LinkRef, ParsedNote, VaultPath } from '../types';
import type { TextEdit } from './apply-edits';
import { formatTarget, isRelativeStyle, linkKey, type LinkResolver } from './format-target';
import { dirname, joinRelative } from '../paths';
import { decodeDest, encodeDest, findMarkdownDest, findWikiTarget } from './link-source';

/** What the planner reads from the graph: the file set and each note's (cached) links. */
export interface RewriteGraph {
  notePaths(): Iterable<VaultPath>;
  attachmentPaths(): Iterable<VaultPath>;
  getNote(path: VaultPath): { links: readonly Pick<LinkRef, 'target' | 'kind'>[] } | null | undefined;
}

export interface RewriteDeps {
  parse(path: VaultPath, text: string): Pick<ParsedNote, 'links'>;
  /** Resolution over an arbitrary file set (the link rule of docs/links.md). */
  resolverFor(files: readonly VaultPath[]): LinkResolver;
}

export interface NoteEdits {
  /** The note's path before the rename, and after (differs only for the renamed note). */
  path: VaultPath;
  newPath: VaultPath;
  /** The exact text the edits were planned against (the writer checks it is still on disk). */
  text: string;
  edits: TextEdit[];
}

export interface RenameEdits {
  from: VaultPath;
  to: VaultPath;
  notes: NoteEdits[];
  affected: { path: VaultPath; links: number }[];
}

/**
 * `notesText(path)` returns a note's current text given its pre-rename path. Works both before
 * the move (the graph holds `from`) and after an outside move (the graph may already hold `to`).
 */
export function planRenameEdits(graph: RewriteGraph, notesText: (path: VaultPath) => string, from: VaultPath, to: VaultPath, deps: RewriteDeps): RenameEdits {
  if (from === to) throw new Error('planRenameEdits: from and to are the same path');
  const current = [...graph.notePaths(), ...graph.attachmentPaths()];
  const filesBefore = [...new Set(current.filter((p) => p !== to).concat(from))];
  const filesAfter = filesBefore.filter((p) => p !== from).concat(to);
  const before = deps.resolverFor(filesBefore);
  const after = deps.resolverFor(filesAfter);

  const notes: NoteEdits[] = [];
  for (const source of renameCandidates(graph, from, to)) {
    const newPath = source === from ? to : source;
    const text = notesText(source);
    const edits = planNote(deps.parse(source, text).links, text, source, newPath, from, to, before, after);
    if (edits.length > 0) notes.push({ path: source, newPath, text, edits });
  }
  notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { from, to, notes, affected: notes.map((n) => ({ path: n.path, links: n.edits.length })) };
}

/**
 * Notes that can be affected: the renamed note itself, plus every note with a link whose last
 * segment names the old or the new file (links to other files cannot change resolution).
 */
export function renameCandidates(graph: RewriteGraph, from: VaultPath, to: VaultPath): VaultPath[] {
  const keys = new Set([linkKey(from), linkKey(to)]);
  const out = new Set<VaultPath>([from]);
  for (const path of graph.notePaths()) {
    const note = graph.getNote(path);
    if (note?.links.some((l) => l.target !== '' && keys.has(linkKey(l.target)))) out.add(path === to ? from : path);
  }
  return [...out];
}

function planNote(
  links: readonly LinkRef[],
  text: string,
  source: VaultPath,
  newSource: VaultPath,
  from: VaultPath,
  to: VaultPath,
  before: LinkResolver,
  after: LinkResolver,
): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const link of links) {
    if (link.target === '') continue; // `[[#Heading]]` points into its own note wherever it lives
    const resolvedBefore = before.resolve(source, link.target, link.kind);
    if (resolvedBefore === null) continue; // unresolved or ambiguous: nothing certain to preserve
    const expected = resolvedBefore === from ? to : resolvedBefore;
    if (after.resolve(newSource, link.target, link.kind) === expected && !relativeBroken(link, source, newSource, resolvedBefore, expected)) continue;
    const edit = editFor(link, text, { source, newSource, resolvedBefore, expected }, after);
    if (edit) edits.push(edit);
  }
  return edits;
}

/**
 * A relative link whose folder arithmetic no longer lands on its file still needs rewriting even
 * if the resolver would find the file by name: other tools read such links literally.
 */
function relativeBroken(link: LinkRef, source: VaultPath, newSource: VaultPath, resolvedBefore: VaultPath, expected: VaultPath): boolean {
  if (source === newSource && resolvedBefore === expected) return false;
  if (!isRelativeStyle({ written: link.target, kind: link.kind, sourceBefore: source, resolvedBefore })) return false;
  const now = joinRelative(dirname(newSource), link.target);
  return now === null || (now.toLowerCase() !== expected.toLowerCase() && (now + '.md').toLowerCase() !== expected.toLowerCase());
}

interface Where {
  source: VaultPath;
  newSource: VaultPath;
  resolvedBefore: VaultPath;
  expected: VaultPath;
}

function editFor(link: LinkRef, text: string, where: Where, after: LinkResolver): TextEdit | null {
  const slice = text.slice(link.start, link.end);
  const format = (kind: LinkKind, written: string): string =>
    formatTarget(
      { kind, written, sourceBefore: where.source, sourceAfter: where.newSource, resolvedBefore: where.resolvedBefore, expected: where.expected },
      after,
    );
  if (link.kind === 'wiki') {
    const span = findWikiTarget(slice);
    // The parser's offsets and our reading of the slice must agree, or we leave the link alone.
    if (!span || span.written !== link.target) return null;
    const replacement = format('wiki', span.written);
    if (replacement === span.written) return null;
    return { start: link.start + span.start, end: link.start + span.end, replacement };
  }
  const dest = findMarkdownDest(slice);
  if (!dest) return null;
  const decoded = decodeDest(dest.raw);
  if (decoded === null || decoded !== link.target) return null;
  const replacement = encodeDest(format('markdown', decoded), dest.angle);
  if (replacement === dest.raw) return null;
  return { start: link.start + dest.start, end: link.start + dest.end, replacement };
}
