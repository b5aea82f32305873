/**
 * The resolved links of every note and the edges they make, indexed the ways the graph asks:
 * by source, by target node (for backlinks and placeholders) and by lookup key (for
 * incremental re-resolution).
 *
 * A note's links are kept as its parse gave them, beside one Resolution per link (usually an
 * object shared by every link with the same answer); ResolvedLink objects are built only when
 * asked for. Copying every link into a ResolvedLink while loading was most of the load's time
 * and a second object per link for as long as the vault stays open (docs/benchmarks.md).
 */
import type { GraphEdge, LinkRef, ResolvedLink, VaultPath } from '../types';
import type { Resolution } from '../resolve/resolve-link';
import { edgeId } from './graph-diff';
import { linkKey, nodeIdOf } from './placeholders';

/** A note's links and, at the same positions, their resolutions. */
export interface NoteLinks {
  readonly links: readonly LinkRef[];
  readonly resolutions: readonly Resolution[];
}

const NO_LINKS: NoteLinks = { links: [], resolutions: [] };
const NO_TARGETS: readonly string[] = [];
const NO_SOURCES: readonly VaultPath[] = [];

export class LinkStore {
  private readonly outgoingBySource = new Map<VaultPath, NoteLinks>();
  /**
   * lookup key -> notes that have at least one link with that key. Only incremental updates
   * ask for it, so it is built on first use: a warm start (build, then read) never pays for it.
   */
  private sourcesByKey: Map<string, Set<VaultPath>> | null = null;
  /**
   * source -> its link count per target node. GraphEdge objects (and their string ids) are made
   * only when asked for: a warm start of 10k notes would otherwise build 30k edges and ids it
   * never reads (a large share of what the graph allocates while loading; docs/benchmarks.md).
   */
  private readonly edgesOut = new Map<VaultPath, TargetCounts>();
  /**
   * target node id -> the notes with an edge to it, in no order. Arrays, not Sets or Maps: a
   * load creates one per linked node (10k at 10k notes) and hash tables cost several times more;
   * removing a source is a scan of the target's in-links, a few hundred at worst for a hub.
   */
  private readonly edgesIn = new Map<string, VaultPath[]>();

  /**
   * Replaces the links of `source` (an empty list removes them) and the edges they make. Both
   * arrays are kept as they are, not copied: neither may change afterwards.
   */
  set(source: VaultPath, links: readonly LinkRef[], resolutions: readonly Resolution[]): void {
    if (links.length !== resolutions.length) throw new Error(`LinkStore: ${source} has ${links.length} links and ${resolutions.length} resolutions`);
    if (this.outgoingBySource.has(source)) this.forget(source);
    if (links.length === 0) return;
    this.outgoingBySource.set(source, { links, resolutions });
    if (this.sourcesByKey !== null) indexKeys(this.sourcesByKey, source, links);
    const counts = new TargetCounts(links.length);
    for (let i = 0; i < links.length; i++) {
      const target = nodeIdOf(links[i], resolutions[i]);
      if (target !== source) counts.add(target); // self-links ([[#Heading]]) are not graph edges
    }
    if (counts.size === 0) return;
    for (const target of counts.targetList()) {
      const incoming = this.edgesIn.get(target);
      if (incoming === undefined) this.edgesIn.set(target, [source]);
      else incoming.push(source);
    }
    this.edgesOut.set(source, counts);
  }

  /** Drops every index entry of `source`'s current links and edges. */
  private forget(source: VaultPath): void {
    if (this.sourcesByKey !== null) for (const link of this.linksOf(source).links) this.sourcesByKey.get(linkKey(link))?.delete(source);
    for (const target of this.targetsOf(source)) {
      const incoming = this.edgesIn.get(target);
      const at = incoming?.indexOf(source) ?? -1;
      if (incoming === undefined || at < 0) throw new Error(`LinkStore: ${source} -> ${target} is missing from the incoming index`);
      // Order does not matter: move the last source into the gap.
      incoming[at] = incoming[incoming.length - 1];
      incoming.pop();
      if (incoming.length === 0) this.edgesIn.delete(target);
    }
    this.edgesOut.delete(source);
    this.outgoingBySource.delete(source);
  }

  /** The links of `source` and their resolutions, as stored (do not change them). */
  linksOf(source: VaultPath): NoteLinks {
    return this.outgoingBySource.get(source) ?? NO_LINKS;
  }

  /** The links of `source` as ResolvedLinks, new objects each call. */
  outgoing(source: VaultPath): ResolvedLink[] {
    const { links, resolutions } = this.linksOf(source);
    const out: ResolvedLink[] = new Array(links.length);
    for (let i = 0; i < links.length; i++) out[i] = resolvedLink(links[i], source, resolutions[i]);
    return out;
  }

  allLinkLists(): Iterable<NoteLinks> {
    return this.outgoingBySource.values();
  }

  /** Notes with at least one link whose lookup key is `key`. */
  sourcesWithKey(key: string): Iterable<VaultPath> {
    if (this.sourcesByKey === null) {
      this.sourcesByKey = new Map();
      for (const [source, { links }] of this.outgoingBySource) indexKeys(this.sourcesByKey, source, links);
    }
    return this.sourcesByKey.get(key) ?? [];
  }

  targetsOf(source: VaultPath): readonly string[] {
    return this.edgesOut.get(source)?.targetList() ?? NO_TARGETS;
  }

  /** The edge from `source` to `target` as it stands now (a new object each call). */
  edge(source: VaultPath, target: string): GraphEdge | undefined {
    const count = this.edgesOut.get(source)?.countOf(target) ?? 0;
    return count === 0 ? undefined : makeEdge(source, target, count);
  }

  /** Notes with an edge to `target` (unsorted); empty when none. */
  sourcesOf(target: string): Iterable<VaultPath> {
    return this.edgesIn.get(target) ?? NO_SOURCES;
  }

  hasIncoming(target: string): boolean {
    return this.edgesIn.has(target);
  }

  /** Every node id some edge points at. */
  targetIds(): Iterable<string> {
    return this.edgesIn.keys();
  }

  /** Every edge, by source then target (plain code-unit order): sorting each source's few targets is far cheaper than sorting all edges by id. */
  sortedEdges(): GraphEdge[] {
    const edges: GraphEdge[] = [];
    for (const source of [...this.edgesOut.keys()].sort()) {
      const counts = this.edgesOut.get(source)!;
      for (const target of [...counts.targetList()].sort()) edges.push(makeEdge(source, target, counts.countOf(target)));
    }
    return edges;
  }
}

function makeEdge(source: VaultPath, target: string, count: number): GraphEdge {
  return Object.freeze({ id: edgeId(source, target), source, target, count });
}

function indexKeys(sourcesByKey: Map<string, Set<VaultPath>>, source: VaultPath, links: readonly LinkRef[]): void {
  let lastKey: string | null = null;
  for (const link of links) {
    const key = linkKey(link);
    if (key === lastKey) continue; // consecutive links often share a target
    let sources = sourcesByKey.get(key);
    if (!sources) sourcesByKey.set(key, (sources = new Set()));
    sources.add(source);
    lastKey = key;
  }
}

/**
 * Link counts per target node, in first-seen order. Most notes link to a handful of targets, so
 * a linear scan over two small arrays beats a Map (which costs an allocation and string
 * hashing per note); long link lists switch to a Map to stay linear.
 */
class TargetCounts {
  private readonly targets: string[] = [];
  private readonly counts: number[] = [];
  private readonly byTarget: Map<string, number> | null;

  constructor(expected: number) {
    this.byTarget = expected > 16 ? new Map() : null;
  }

  get size(): number {
    return this.targets.length;
  }

  add(target: string): void {
    const at = this.byTarget !== null ? (this.byTarget.get(target) ?? -1) : this.targets.indexOf(target);
    if (at >= 0) {
      this.counts[at]++;
      return;
    }
    this.byTarget?.set(target, this.targets.length);
    this.targets.push(target);
    this.counts.push(1);
  }

  /** How many links go to `target` (0 when none). */
  countOf(target: string): number {
    const at = this.byTarget !== null ? (this.byTarget.get(target) ?? -1) : this.targets.indexOf(target);
    return at < 0 ? 0 : this.counts[at];
  }

  /** The targets in first-seen order (the store's own array: do not change it). */
  targetList(): readonly string[] {
    return this.targets;
  }
}

/**
 * Field by field on purpose: an object spread plus extra fields is many times slower in V8;
 * listing the fields also makes a new LinkRef field a compile error here.
 */
export function resolvedLink(link: LinkRef, source: VaultPath, resolution: Resolution): ResolvedLink {
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
