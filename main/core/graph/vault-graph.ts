/**
 * The vault's link graph, kept up to date incrementally.
 *
 * Nodes are notes, attachments and placeholders (targets of unresolved links); there is one
 * edge per (source note, target node) pair with the number of links it stands for.
 * `applyChanges` re-resolves exactly the links whose answer can change: the changed notes' own
 * links, plus every link whose lookup key (its target's file name) equals the key of a file
 * that appeared or disappeared. It returns the delta a view needs to update in place.
 */
import { basename } from '../paths';
import { isKnownPath } from '../vault-path';
import { FileIndex } from '../resolve/file-index';
import { resolveLinkTarget, type Resolution } from '../resolve/resolve-link';
import type { GraphDelta, GraphEdge, GraphNode, GraphSnapshot, ParsedNote, ResolvedLink, VaultPath } from '../types';
import { isEmptyChange, planChange, touchedElements, type VaultChange } from './change-plan';
import { diffElements, emptyDelta, type ElementState } from './graph-diff';
import { LinkStore, resolvedLink, type NoteLinks } from './link-store';
import { firstOf, resolveNoteLinks } from './resolve-note-links';
import { isPlaceholderId, placeholderLabel } from './placeholders';
import { countTags, notesWithTag, type TagCount } from './tag-counts';

export { linkKey, placeholderId } from './placeholders';
export type { VaultChange } from './change-plan';

export interface GraphStats {
  notes: number;
  attachments: number;
  placeholders: number;
  links: number;
  resolved: number;
  unresolved: number;
  ambiguous: number;
  orphans: number;
}

export class VaultGraph {
  private readonly notes = new Map<VaultPath, ParsedNote>();
  private readonly attachments = new Set<VaultPath>();
  private readonly links = new LinkStore();
  /** Built on first use: a graph loaded with stored resolutions may never need it. */
  private fileIndex: FileIndex | null = null;
  /** The notes' paths in order and their tag counts, kept until the notes change: every look at All tags sorted every path and counted every note's tags again. */
  private ordered: { paths: VaultPath[]; tags: TagCount[] | null } | null = null;
  private changes = 0;

  private get index(): FileIndex {
    if (this.fileIndex === null) {
      const index = new FileIndex();
      for (const path of this.attachments) index.add(path);
      for (const path of this.notes.keys()) index.add(path);
      this.fileIndex = index;
    }
    return this.fileIndex;
  }

  /**
   * Builds an empty graph from a whole vault without computing a delta (the initial index,
   * where nobody needs one). Throws when the graph is not empty: use applyChanges then.
   */
  load(change: VaultChange): void {
    const notes = this.fill(change);
    // Nothing changes the index while loading, so equal (kind, folder, target) questions have
    // equal answers; hubs are linked thousands of times, and memoising them halves resolution.
    const memo = new Map<string, Resolution>();
    for (const note of notes) this.links.set(note.path, note.links, this.resolveAll(note, memo));
  }

  /**
   * Like load, with every note's links already resolved (as stored with a parse cache), so
   * nothing is resolved here. The caller vouches that they were resolved against exactly these
   * notes and attachments; a list that does not match the note's links is a bug and throws.
   */
  loadResolved(change: VaultChange, resolvedLinks: ReadonlyMap<VaultPath, ResolvedLink[]>): void {
    for (const note of this.fill(change)) {
      const links = resolvedLinks.get(note.path);
      if (links === undefined || links.length !== note.links.length) throw new Error(`VaultGraph.loadResolved: no resolution for every link of ${note.path}`);
      for (const link of links) if (link.source !== note.path) throw new Error(`VaultGraph.loadResolved: a link of ${note.path} claims another source`);
      // A ResolvedLink is its own resolution: nothing is copied.
      this.links.set(note.path, links, links);
    }
  }

  /** The start of load: an empty graph takes the notes (last one per path wins) and attachments. */
  private fill(change: VaultChange): Iterable<ParsedNote> {
    if (this.notes.size > 0 || this.attachments.size > 0) throw new Error('VaultGraph.load: the graph is not empty');
    for (const path of change.addAttachments ?? []) this.attachments.add(path);
    for (const note of change.upsertNotes ?? []) this.notes.set(note.path, note);
    this.fileIndex = null;
    this.ordered = null;
    this.changes++;
    return this.notes.values();
  }

  applyChanges(change: VaultChange): GraphDelta {
    if (isEmptyChange(change)) return emptyDelta();
    if (this.notes.size === 0 && this.attachments.size === 0) {
      this.load(change);
      const { nodes, edges } = this.snapshot();
      return { nodesAdded: nodes, nodesRemoved: [], nodesChanged: [], edgesAdded: edges, edgesRemoved: [], edgesChanged: [] };
    }
    const plan = planChange(change, { notes: this.notes, attachments: this.attachments, links: this.links });
    const { upserts, removedNotes, addedAttachments, removedAttachments } = plan;

    // The index changes first so new resolutions can be computed before anything else moves;
    // then every element either side touches is captured before and after, and diffed.
    for (const path of removedNotes) this.index.remove(path);
    for (const path of removedAttachments) this.index.remove(path);
    for (const path of addedAttachments) this.index.add(path);
    for (const note of upserts) this.index.add(note.path);
    const upsertByPath = new Map(upserts.map((n) => [n.path, n]));
    const resolved = new Map<VaultPath, NoteLinks>();
    for (const source of plan.toResolve) {
      const note = upsertByPath.get(source) ?? this.notes.get(source)!;
      resolved.set(source, { links: note.links, resolutions: this.resolveAll(note) });
    }

    const touched = touchedElements(plan, resolved, this.links);
    const before = this.captureElements(touched.nodes, touched.edges);
    // Most changes edit notes already there without touching their tags: the path order and the
    // tag counts stand (recounting them took most of a tag-pane request after each edit at 50k).
    const samePaths = removedNotes.length === 0 && upserts.every((note) => this.notes.has(note.path));
    const sameTags = samePaths && upserts.every((note) => sameList(this.notes.get(note.path)!.tags, note.tags));

    for (const path of removedNotes) {
      this.links.set(path, [], []);
      this.notes.delete(path);
    }
    for (const path of removedAttachments) this.attachments.delete(path);
    for (const path of addedAttachments) this.attachments.add(path);
    for (const note of upserts) this.notes.set(note.path, note);
    for (const [source, { links, resolutions }] of resolved) this.links.set(source, links, resolutions);
    if (!samePaths) this.ordered = null;
    else if (!sameTags && this.ordered) this.ordered.tags = null;
    this.changes++;

    const after = this.captureElements(touched.nodes, touched.edges);
    return diffElements(before, after);
  }

  private resolveAll(note: ParsedNote, memo: Map<string, Resolution> | null = null): Resolution[] {
    return resolveNoteLinks(this.index, note, memo);
  }

  private captureElements(nodeIds: Set<string>, edgeIds: Map<string, [VaultPath, string]>): ElementState {
    const nodes = new Map<string, GraphNode>();
    for (const id of nodeIds) {
      const node = this.node(id);
      if (node) nodes.set(id, node);
    }
    const edges = new Map<string, GraphEdge>();
    for (const [id, [source, target]] of edgeIds) {
      const edge = this.links.edge(source, target);
      if (edge) edges.set(id, edge);
    }
    return { nodes, edges };
  }

  /** The node with this id as it stands now, or null when it does not exist. */
  node(id: string): GraphNode | null {
    // Looked up by a node id (any string); a note found is keyed by its own path.
    const byId: ReadonlyMap<string, ParsedNote> = this.notes;
    const note = byId.get(id);
    if (note) return { id, kind: 'note', label: note.title, path: note.path, tags: note.tags };
    if (isKnownPath(this.attachments, id)) return { id, kind: 'attachment', label: basename(id), path: id, tags: [] };
    if (isPlaceholderId(id) && this.links.hasIncoming(id)) {
      const { links, resolutions } = this.links.linksOf(firstOf(this.links.sourcesOf(id)));
      return { id, kind: 'placeholder', label: placeholderLabel(id, links, resolutions), path: null, tags: [] };
    }
    return null;
  }

  /** Every node sorted by id; every edge sorted by source, then target (plain code-unit order). */
  snapshot(): GraphSnapshot {
    const nodes: GraphNode[] = [];
    for (const id of [...this.notes.keys(), ...this.attachments, ...this.placeholderIds()]) {
      nodes.push(this.node(id)!);
    }
    nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const edges = this.links.sortedEdges();
    return { nodes, edges };
  }

  /** Edge targets that are not files. (A file may be named like a placeholder id; the file wins.) */
  private placeholderIds(): string[] {
    return [...this.links.targetIds()].filter((id) => isPlaceholderId(id) && !this.hasFile(id));
  }

  /** How many times the graph has changed: a reader spread over several turns of the event loop knows whether it saw one graph. */
  changeCount(): number {
    return this.changes;
  }

  getNote(path: VaultPath): ParsedNote | undefined {
    return this.notes.get(path);
  }

  /** A node id or link target that names a file of the vault is that file's path. */
  hasFile(path: string): path is VaultPath {
    return isKnownPath(this.notes, path) || isKnownPath(this.attachments, path);
  }

  notePaths(): VaultPath[] {
    return [...this.pathOrder().paths];
  }

  private pathOrder(): { paths: VaultPath[]; tags: TagCount[] | null } {
    this.ordered ??= { paths: [...this.notes.keys()].sort(), tags: null };
    return this.ordered;
  }

  attachmentPaths(): VaultPath[] {
    return [...this.attachments].sort();
  }

  outgoing(path: VaultPath): ResolvedLink[] {
    return this.links.outgoing(path);
  }

  /** The resolutions of `path`'s links, in link order (what the parse cache stores; do not change them). */
  resolutionsOf(path: VaultPath): readonly Resolution[] {
    return this.links.linksOf(path).resolutions;
  }

  /** Links from other notes that resolve to `path`, sorted by source then position. */
  backlinks(path: VaultPath): ResolvedLink[] {
    return this.linksWhere((r) => r.resolved === path, this.linkingNotes(path));
  }

  /** Notes linking to `path` (sorted). */
  linkingNotes(path: VaultPath): VaultPath[] {
    return [...this.links.sourcesOf(path)].sort();
  }

  allLinks(): ResolvedLink[] {
    return this.linksWhere(() => true, this.notePaths());
  }

  unresolvedLinks(): ResolvedLink[] {
    return this.linksWhere((r) => r.resolved === null, this.notePaths());
  }

  ambiguousLinks(): ResolvedLink[] {
    return this.linksWhere((r) => r.candidates.length > 1, this.notePaths());
  }

  /** The links of `sources` (in that order, then by position) whose resolution passes `keep`; only those become ResolvedLinks. */
  private linksWhere(keep: (resolution: Resolution) => boolean, sources: Iterable<VaultPath>): ResolvedLink[] {
    const out: ResolvedLink[] = [];
    for (const source of sources) {
      const { links, resolutions } = this.links.linksOf(source);
      for (let i = 0; i < links.length; i++) if (keep(resolutions[i])) out.push(resolvedLink(links[i], source, resolutions[i]));
    }
    return out;
  }

  /** Notes with no resolved link in or out (self-links and links to placeholders don't count). */
  orphans(): VaultPath[] {
    return this.notePaths().filter((path) => {
      if (this.links.hasIncoming(path)) return false;
      for (const target of this.links.targetsOf(path)) if (this.hasFile(target)) return false;
      return true;
    });
  }

  /** Tags grouped case-insensitively (first spelling in path order wins), with the number of notes carrying each. */
  tagCounts(): TagCount[] {
    const order = this.pathOrder();
    order.tags ??= countTags(this.notesInPathOrder());
    // Copies: a caller may change what it is given.
    return order.tags.map((t) => ({ ...t }));
  }

  /** Notes carrying `tag` or a nested tag below it (`#a` matches `#a/b`), case-insensitively. */
  notesWithTag(tag: string): VaultPath[] {
    return notesWithTag(this.notesInPathOrder(), tag);
  }

  private *notesInPathOrder(): Iterable<ParsedNote> {
    for (const path of this.pathOrder().paths) yield this.notes.get(path)!;
  }

  /** Resolves a wiki-style target as if `fromPath` linked to it. */
  resolve(fromPath: VaultPath, target: string): Resolution {
    return resolveLinkTarget(this.index, fromPath, 'wiki', target);
  }

  /** Number of links (resolved or not) in all notes: what stats().links says, without the rest of stats(). */
  linkCount(): number {
    let links = 0;
    for (const list of this.links.allLinkLists()) links += list.links.length;
    return links;
  }

  stats(): GraphStats {
    let links = 0;
    let unresolved = 0;
    let ambiguous = 0;
    for (const { resolutions } of this.links.allLinkLists()) {
      links += resolutions.length;
      for (const resolution of resolutions) {
        if (resolution.resolved === null) unresolved++;
        if (resolution.candidates.length > 1) ambiguous++;
      }
    }
    const placeholders = this.placeholderIds().length;
    return {
      notes: this.notes.size,
      attachments: this.attachments.size,
      placeholders,
      links,
      resolved: links - unresolved,
      unresolved,
      ambiguous,
      orphans: this.orphans().length,
    };
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
