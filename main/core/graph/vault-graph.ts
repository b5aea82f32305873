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
import { FileIndex, lookupKey } from '../resolve/file-index';
import { resolveLinkTarget, type Resolution } from '../resolve/resolve-link';
import type { GraphDelta, GraphEdge, GraphNode, GraphSnapshot, LinkRef, ParsedNote, ResolvedLink, VaultPath } from '../types';
import { diffElements, edgeId, type ElementState } from './graph-diff';
import { isPlaceholderId, linkKey, placeholderId, placeholderLabel, targetNodeId } from './placeholders';
import { countTags, notesWithTag } from './tag-counts';

export { linkKey, placeholderId } from './placeholders';

export interface VaultChange {
  upsertNotes?: ParsedNote[];
  removeNotes?: VaultPath[];
  addAttachments?: VaultPath[];
  removeAttachments?: VaultPath[];
}

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
  private readonly index = new FileIndex();
  private readonly outgoingBySource = new Map<VaultPath, ResolvedLink[]>();
  /** lookup key -> notes that have at least one link with that key. */
  private readonly sourcesByKey = new Map<string, Set<VaultPath>>();
  /** source -> (target node id -> edge). Edges are frozen and replaced, never mutated, so snapshots can share them. */
  private readonly edgesOut = new Map<VaultPath, Map<string, GraphEdge>>();
  /** target node id -> (source -> link count) */
  private readonly edgesIn = new Map<string, Map<VaultPath, number>>();

  applyChanges(change: VaultChange): GraphDelta {
    const upserts = change.upsertNotes ?? [];
    const removedNotes = [...new Set(change.removeNotes ?? [])].filter((p) => this.notes.has(p));
    const removedSet = new Set(removedNotes);
    const addedAttachments = (change.addAttachments ?? []).filter((p) => !this.attachments.has(p));
    const removedAttachments = (change.removeAttachments ?? []).filter((p) => this.attachments.has(p));

    // Files appearing or disappearing change the answer of links sharing their key.
    const changedKeys = new Set<string>();
    const toResolve = new Set<VaultPath>();
    for (const path of removedNotes) changedKeys.add(lookupKey(path));
    for (const path of [...addedAttachments, ...removedAttachments]) changedKeys.add(lookupKey(path));
    for (const note of upserts) {
      if (!this.notes.has(note.path) && !removedSet.has(note.path)) changedKeys.add(lookupKey(note.path));
      toResolve.add(note.path);
    }
    for (const key of changedKeys) for (const source of this.sourcesByKey.get(key) ?? []) toResolve.add(source);
    const upsertPaths = new Set(upserts.map((n) => n.path));
    for (const path of removedNotes) if (!upsertPaths.has(path)) toResolve.delete(path);

    // The index changes first so new resolutions can be computed before anything else moves;
    // then every element either side touches is captured before and after, and diffed.
    for (const path of removedNotes) this.index.remove(path);
    for (const path of removedAttachments) this.index.remove(path);
    for (const path of addedAttachments) this.index.add(path);
    for (const note of upserts) this.index.add(note.path);
    const upsertByPath = new Map(upserts.map((n) => [n.path, n]));
    const resolved = new Map<VaultPath, ResolvedLink[]>();
    for (const source of toResolve) resolved.set(source, this.resolveAll(upsertByPath.get(source) ?? this.notes.get(source)!));

    if (this.notes.size === 0 && this.attachments.size === 0) return this.buildFromEmpty(upserts, addedAttachments, resolved);

    const touchedNodes = new Set<string>([...removedNotes, ...upserts.map((n) => n.path), ...addedAttachments, ...removedAttachments]);
    const touchedEdges = new Map<string, [VaultPath, string]>();
    const touch = (source: VaultPath, target: string) => {
      if (target === source) return;
      touchedNodes.add(target);
      touchedEdges.set(edgeId(source, target), [source, target]);
    };
    for (const source of [...toResolve, ...removedNotes]) for (const target of this.edgesOut.get(source)?.keys() ?? []) touch(source, target);
    for (const [source, links] of resolved) for (const link of links) touch(source, targetNodeId(link));
    const before = this.captureElements(touchedNodes, touchedEdges);

    for (const path of removedNotes) {
      this.setOutgoing(path, []);
      this.notes.delete(path);
    }
    for (const path of removedAttachments) this.attachments.delete(path);
    for (const path of addedAttachments) this.attachments.add(path);
    for (const note of upserts) this.notes.set(note.path, note);
    for (const [source, links] of resolved) this.setOutgoing(source, links);

    const after = this.captureElements(touchedNodes, touchedEdges);
    return diffElements(before, after);
  }

  /** First index of a vault: nothing to diff against, so the delta is simply everything. */
  private buildFromEmpty(upserts: ParsedNote[], attachments: VaultPath[], resolved: Map<VaultPath, ResolvedLink[]>): GraphDelta {
    for (const path of attachments) this.attachments.add(path);
    for (const note of upserts) this.notes.set(note.path, note);
    for (const [source, links] of resolved) this.setOutgoing(source, links);
    const { nodes, edges } = this.snapshot();
    return { nodesAdded: nodes, nodesRemoved: [], nodesChanged: [], edgesAdded: edges, edgesRemoved: [], edgesChanged: [] };
  }

  private resolveAll(note: ParsedNote): ResolvedLink[] {
    return note.links.map((link) => resolvedLink(link, note.path, resolveLinkTarget(this.index, note.path, link.kind, link.target)));
  }

  private setOutgoing(source: VaultPath, links: ResolvedLink[]): void {
    const previous = this.outgoingBySource.get(source) ?? [];
    for (const link of previous) this.sourcesByKey.get(linkKey(link))?.delete(source);
    for (const target of this.edgesOut.get(source)?.keys() ?? []) {
      const incoming = this.edgesIn.get(target);
      incoming?.delete(source);
      if (incoming && incoming.size === 0) this.edgesIn.delete(target);
    }
    const before = this.edgesOut.get(source);
    this.edgesOut.delete(source);
    if (links.length === 0) {
      this.outgoingBySource.delete(source);
      return;
    }
    this.outgoingBySource.set(source, links);
    const counts = new Map<string, number>();
    for (const link of links) {
      const key = linkKey(link);
      let sources = this.sourcesByKey.get(key);
      if (!sources) this.sourcesByKey.set(key, (sources = new Set()));
      sources.add(source);
      const target = targetNodeId(link);
      if (target === source) continue; // self-links ([[#Heading]]) are not graph edges
      counts.set(target, (counts.get(target) ?? 0) + 1);
    }
    if (counts.size === 0) return;
    const edges = new Map<string, GraphEdge>();
    for (const [target, count] of counts) {
      const old = before?.get(target);
      edges.set(target, old !== undefined && old.count === count ? old : Object.freeze({ id: edgeId(source, target), source, target, count }));
      let incoming = this.edgesIn.get(target);
      if (!incoming) this.edgesIn.set(target, (incoming = new Map()));
      incoming.set(source, count);
    }
    this.edgesOut.set(source, edges);
  }

  private captureElements(nodeIds: Set<string>, edgeIds: Map<string, [VaultPath, string]>): ElementState {
    const nodes = new Map<string, GraphNode>();
    for (const id of nodeIds) {
      const node = this.node(id);
      if (node) nodes.set(id, node);
    }
    const edges = new Map<string, GraphEdge>();
    for (const [id, [source, target]] of edgeIds) {
      const edge = this.edgesOut.get(source)?.get(target);
      if (edge) edges.set(id, edge);
    }
    return { nodes, edges };
  }

  /** The node with this id as it stands now, or null when it does not exist. */
  node(id: string): GraphNode | null {
    const note = this.notes.get(id);
    if (note) return { id, kind: 'note', label: note.title, path: id, tags: note.tags };
    if (this.attachments.has(id)) return { id, kind: 'attachment', label: basename(id), path: id, tags: [] };
    const linking = isPlaceholderId(id) ? this.edgesIn.get(id) : undefined;
    if (linking) return { id, kind: 'placeholder', label: placeholderLabel(id, this.outgoing(firstOf(linking.keys()))), path: null, tags: [] };
    return null;
  }

  /** Every node sorted by id; every edge sorted by source, then target (plain code-unit order). */
  snapshot(): GraphSnapshot {
    const nodes: GraphNode[] = [];
    for (const id of [...this.notes.keys(), ...this.attachments, ...this.placeholderIds()]) {
      nodes.push(this.node(id)!);
    }
    nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Edges in (source, target) order: sorting the few targets of each source is far cheaper
    // than sorting every edge by its long id, and just as deterministic.
    const edges: GraphEdge[] = [];
    for (const source of [...this.edgesOut.keys()].sort()) {
      const targets = this.edgesOut.get(source)!;
      for (const target of [...targets.keys()].sort()) edges.push(targets.get(target)!);
    }
    return { nodes, edges };
  }

  /** Edge targets that are not files. (A file may be named like a placeholder id; the file wins.) */
  private placeholderIds(): string[] {
    return [...this.edgesIn.keys()].filter((id) => isPlaceholderId(id) && !this.hasFile(id));
  }

  getNote(path: VaultPath): ParsedNote | undefined {
    return this.notes.get(path);
  }

  hasFile(path: VaultPath): boolean {
    return this.notes.has(path) || this.attachments.has(path);
  }

  notePaths(): VaultPath[] {
    return [...this.notes.keys()].sort();
  }

  attachmentPaths(): VaultPath[] {
    return [...this.attachments].sort();
  }

  outgoing(path: VaultPath): ResolvedLink[] {
    return this.outgoingBySource.get(path) ?? [];
  }

  /** Links from other notes that resolve to `path`, sorted by source then position. */
  backlinks(path: VaultPath): ResolvedLink[] {
    const out: ResolvedLink[] = [];
    for (const source of [...(this.edgesIn.get(path)?.keys() ?? [])].sort()) {
      for (const link of this.outgoingBySource.get(source) ?? []) if (link.resolved === path) out.push(link);
    }
    return out;
  }

  /** Notes linking to `path` (sorted). */
  linkingNotes(path: VaultPath): VaultPath[] {
    return [...(this.edgesIn.get(path)?.keys() ?? [])].sort();
  }

  allLinks(): ResolvedLink[] {
    const out: ResolvedLink[] = [];
    for (const source of this.notePaths()) out.push(...this.outgoing(source));
    return out;
  }

  unresolvedLinks(): ResolvedLink[] {
    return this.allLinks().filter((l) => l.resolved === null);
  }

  ambiguousLinks(): ResolvedLink[] {
    return this.allLinks().filter((l) => l.candidates.length > 1);
  }

  /** Notes with no resolved link in or out (self-links and links to placeholders don't count). */
  orphans(): VaultPath[] {
    return this.notePaths().filter((path) => {
      if (this.edgesIn.has(path)) return false;
      for (const target of this.edgesOut.get(path)?.keys() ?? []) if (this.hasFile(target)) return false;
      return true;
    });
  }

  /** Tags grouped case-insensitively (first spelling in path order wins), with the number of notes carrying each. */
  tagCounts(): { tag: string; count: number }[] {
    return countTags(this.notesInPathOrder());
  }

  /** Notes carrying `tag` or a nested tag below it (`#a` matches `#a/b`), case-insensitively. */
  notesWithTag(tag: string): VaultPath[] {
    return notesWithTag(this.notesInPathOrder(), tag);
  }

  private *notesInPathOrder(): Iterable<ParsedNote> {
    for (const path of this.notePaths()) yield this.notes.get(path)!;
  }

  /** Resolves a wiki-style target as if `fromPath` linked to it. */
  resolve(fromPath: VaultPath, target: string): Resolution {
    return resolveLinkTarget(this.index, fromPath, 'wiki', target);
  }

  stats(): GraphStats {
    let links = 0;
    let unresolved = 0;
    let ambiguous = 0;
    for (const list of this.outgoingBySource.values()) {
      links += list.length;
      for (const link of list) {
        if (link.resolved === null) unresolved++;
        if (link.candidates.length > 1) ambiguous++;
      }
    }
    const placeholders = this.placeholderIds().length;
    return { notes: this.notes.size, attachments: this.attachments.size, placeholders, links, resolved: links - unresolved, unresolved, ambiguous, orphans: this.orphans().length };
  }
}

/**
 * Field by field on purpose: an object spread plus extra fields is many times slower in V8 and
 * dominated indexing time; listing the fields also makes a new LinkRef field a compile error here.
 */
function resolvedLink(link: LinkRef, source: VaultPath, resolution: Resolution): ResolvedLink {
  return {
    kind: link.kind,
    embed: link.embed,
    target: link.target,
    text: link.text,
    heading: link.heading,
    block: link.block,
    alias: link.alias,
    line: link.line,
    start: link.start,
    end: link.end,
    context: link.context,
    inFrontmatter: link.inFrontmatter,
    source,
    resolved: resolution.resolved,
    candidates: resolution.candidates,
  };
}

/** The smallest string of a non-empty set (the alphabetically first linking note). */
function firstOf(items: Iterable<string>): string {
  let first: string | null = null;
  for (const item of items) if (first === null || item < first) first = item;
  if (first === null) throw new Error('firstOf: empty set');
  return first;
}
