/**
 * The core's vocabulary. Everything under main/core is pure TypeScript: no fs, electron,
 * chokidar or React imports. Paths are vault-relative and always use '/' (never '\\'),
 * never start with '/' or './', and keep their original case, e.g. 'How LLMs Work/Loss.md'.
 */

declare const vaultPathBrand: unique symbol;

/**
 * A vault-relative path with '/' separators, e.g. 'Build Notes/Metaprompting.md', known to follow
 * the rules above. It is a string to read, but a plain string is not a VaultPath: only the guard
 * toVaultPath (main/core/vault-path.ts) and the few named trusted constructors beside it make one,
 * so the compiler refuses an unchecked string wherever a path is asked for.
 */
export type VaultPath = string & { readonly [vaultPathBrand]: true };

export type LinkKind = 'wiki' | 'markdown';

/** One link as written in a note, before resolution. */
export interface LinkRef {
  kind: LinkKind;
  /** `![[x]]` or `![alt](x.png)`. */
  embed: boolean;
  /**
   * The target as written, without the `|alias` and without the `#subpath`:
   * `[[Note#H|x]]` -> 'Note'; `[[#Heading]]` -> '' (same note);
   * markdown links are URI-decoded: `[a](../My%20Note.md)` -> '../My Note.md'.
   */
  target: string;
  /** The link text as written without the alias: `[[Note#H|x]]` -> 'Note#H' (the CLI's `text`). */
  text: string;
  /** Heading subpath without the leading '#', nested headings joined by '#': `[[N#H1#H2]]` -> 'H1#H2'. */
  heading: string | null;
  /** Block id without '#^': `[[N#^abc]]` -> 'abc'. */
  block: string | null;
  /** Shown text: the wiki alias after '|', or a markdown link's label; null when none. */
  alias: string | null;
  /** 1-based line of the link's start in the file (frontmatter lines count). */
  line: number;
  /** Source offsets (UTF-16 code units into the file text) of the whole link, `[[`..`]]` or `[`..`)`. */
  start: number;
  end: number;
  /** The surrounding text (the link's line or paragraph, trimmed, at most ~200 chars). */
  context: string;
  /** True when the link sits in a frontmatter value (`related: "[[Note]]"`). */
  inFrontmatter: boolean;
}

export interface HeadingInfo {
  text: string;
  level: number;
  line: number;
}

export interface BlockIdInfo {
  id: string;
  line: number;
}

/** What parsing one markdown file yields. Pure data, JSON-serialisable (crosses worker threads and the cache). */
export interface ParsedNote {
  path: VaultPath;
  /** File name without '.md'. */
  title: string;
  /** Frontmatter `aliases` (or `alias`), as strings. */
  aliases: string[];
  /** Inline `#tag`, nested `#a/b`, and frontmatter `tags`, without '#', deduplicated (first spelling wins), in order of appearance. */
  tags: string[];
  headings: HeadingInfo[];
  blockIds: BlockIdInfo[];
  links: LinkRef[];
  /** Parsed YAML frontmatter, or null when there is none. */
  frontmatter: Record<string, unknown> | null;
  /** Set when the frontmatter is not valid YAML; the rest of the note still parses. */
  frontmatterError: string | null;
}

export type NodeKind = 'note' | 'attachment' | 'placeholder';

export interface GraphNode {
  /** A note's or attachment's VaultPath; a placeholder's id is PLACEHOLDER_PREFIX + its normalised target. */
  id: string;
  kind: NodeKind;
  /** Note title, attachment file name, or the placeholder's target as written. */
  label: string;
  /** Present for notes and attachments. */
  path: VaultPath | null;
  tags: string[];
}

/** One edge per (source note, target node) pair; `count` is how many links it stands for. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  count: number;
}

export const PLACEHOLDER_PREFIX = 'placeholder:';

/** A link after resolution. */
export interface ResolvedLink extends LinkRef {
  source: VaultPath;
  /** The resolved file, or null when unresolved (then a placeholder node stands for it). */
  resolved: VaultPath | null;
  /** All candidates when more than one file matched (the link is ambiguous); empty otherwise. */
  candidates: VaultPath[];
}

export interface GraphDelta {
  nodesAdded: GraphNode[];
  nodesRemoved: string[];
  nodesChanged: GraphNode[];
  edgesAdded: GraphEdge[];
  edgesRemoved: string[];
  edgesChanged: GraphEdge[];
}

export interface GraphSnapshot {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
