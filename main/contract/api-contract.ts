/**
 * The one contract between the vault service (Electron main process or the browser-mode
 * server) and the renderer. Type-only: the one runtime table of its methods is api-methods.ts,
 * checked against this map by the compiler so the two cannot drift.
 *
 * Every method takes plain JSON arguments and returns a JSON result. Expected failures
 * (missing file, path outside the vault, read-only mode, a write conflict) come back as
 * `{ ok: false, error }` results, never as thrown errors.
 */
import type { UnlinkedMention } from '../core/query/unlinked-mentions';
import type { DerivedChanges } from '../core/parse/derived-changes';
import type { LineSnippet, SearchSnippet } from '../core/query/snippets';
import type { Result as CoreResult } from '../core/result';
import type { GraphDelta, GraphSnapshot, ParsedNote, ResolvedLink, VaultPath } from '../core/types';

// The core's own shapes, handed to the renderer as they are.
export type { UnlinkedMention, DerivedChanges };

export type ApiErrorCode = 'not-found' | 'outside-vault' | 'invalid-input' | 'read-only' | 'too-large' | 'io-error' | 'conflict' | 'exists' | 'no-vault';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/** Core's Result, failing with an ApiError unless said otherwise. */
export type Result<T, E = ApiError> = CoreResult<T, E>;

export interface VaultInfo {
  /** Display name (the folder's name). */
  name: string;
  /** Absolute path of the vault folder (shown to the user; never used by the renderer for I/O). */
  root: string;
  readOnly: boolean;
  /** 'electron' or 'browser': lets the UI word things ("Move to trash" vs ".trash/ folder"). */
  host: 'electron' | 'browser';
  status: IndexStatus;
}

export type IndexStatus =
  /** `etaMs`: time left from the rate observed so far (main/core/progress/eta-estimator.ts); null until a few hundred notes were seen. */
  | { state: 'indexing'; done: number; total: number; etaMs: number | null }
  | { state: 'ready'; notes: number; links: number; ms: number }
  | { state: 'error'; message: string };

export interface FileEntry {
  path: VaultPath;
  kind: 'note' | 'attachment';
  title: string;
  size: number;
  mtimeMs: number;
}

/**
 * A file in a `files` event. A note's carries the hash (as in NoteContent) of the bytes just
 * indexed, so a window can tell the watcher's echo of its own save from a change made elsewhere;
 * a note indexed before carries what of its parse changed (`derived`), so that window re-reads
 * only that.
 */
export type FileChange = FileEntry & { hash?: string; derived?: DerivedChanges };

export interface NoteContent {
  path: VaultPath;
  content: string;
  /** sha-256 hex of the bytes on disk, used to detect external changes and conflicts. */
  hash: string;
  mtimeMs: number;
  /** Line ending the file uses, kept on save. */
  eol: '\n' | '\r\n';
  /** Set when the file was not valid UTF-8 and was decoded with replacement characters. */
  decodeWarning: string | null;
}

/** A note's parse (see ParsedNote) without its links, plus how it was parsed. */
export type NoteMeta = Pick<ParsedNote, 'path' | 'title' | 'aliases' | 'tags' | 'headings' | 'blockIds' | 'frontmatter'> & {
  /**
   * Set (to why) when the note could not be parsed in full within the parse budget and was
   * indexed in safe mode: as plain text, with its links, tags and headings found by a simple
   * scan (no properties or aliases). The app then shows it as plain text too.
   */
  safeMode: string | null;
};

export interface BacklinkGroup {
  source: VaultPath;
  sourceTitle: string;
  links: ResolvedLink[];
  /**
   * What the backlinks pane shows: each linking line once, as readable text (no markdown
   * syntax), with every link to this note on it wrapped in U+E000 ... U+E001.
   */
  snippets: LineSnippet[];
}

/**
 * A search hit: the note, its score, and the core's snippet (readable text, never frontmatter,
 * matches wrapped in U+E000 ... U+E001 for the UI to highlight safely; `line` null when the note
 * matched on its path, tags or name only; `match` is what the note view scrolls to and highlights).
 */
export interface SearchHit extends SearchSnippet {
  path: VaultPath;
  title: string;
  score: number;
}

export interface SearchResults {
  /** The best hits (at most a few hundred), best first. */
  hits: SearchHit[];
  /** How many notes matched in all. */
  total: number;
}

export interface SwitcherItem {
  path: VaultPath;
  title: string;
  aliases: string[];
}

export interface LinkTargetInfo {
  /** The resolved file or null (unresolved; `createPath` says where "create note" would put it). */
  resolved: VaultPath | null;
  kind: 'note' | 'attachment' | null;
  createPath: VaultPath | null;
}

export interface RenamePlan {
  from: VaultPath;
  to: VaultPath;
  /** Notes whose links will be rewritten, with how many links each. */
  affected: { path: VaultPath; links: number }[];
}

export interface RenameOutcome {
  from: VaultPath;
  to: VaultPath;
  changed: VaultPath[];
  /** Token for undoRename: reverts the move and every rewritten note in one step. */
  undoToken: string;
}

export interface WriteOutcome {
  hash: string;
  mtimeMs: number;
}

export interface GraphLayoutPositions {
  /** node id -> position */
  positions: Record<string, { x: number; y: number }>;
  pinned: string[];
}

/** File recovery: one kept version of a note (see docs/architecture.md, "Snapshot store"). */
export interface NoteVersion {
  id: string;
  path: VaultPath;
  /** When it was kept (ms since the epoch). */
  time: number;
  size: number;
  hash: string;
  /** Why: the text first read this session, before a save, before another program changed or deleted it, before a rename or a restore. */
  reason: 'first-read' | 'before-save' | 'external-change' | 'deleted' | 'before-rename' | 'before-restore';
}

/** File recovery's retention and save interval, per vault, in the units the settings form shows. */
export interface RecoverySettings {
  /** Versions younger than this many days are kept (0: only the newest `keepLast`). */
  keepDays: number;
  /** At least this many of each note's newest versions are kept, however old. */
  keepLast: number;
  /** Above this total (MB, compressed) the oldest versions go first. */
  maxSizeMb: number;
  /** At most one version per note per this many minutes while saving (0: before every save). */
  intervalMinutes: number;
}

/** Events the service pushes to the renderer. */
export type VaultEvent =
  | { type: 'status'; status: IndexStatus }
  | { type: 'files'; added: FileChange[]; removed: VaultPath[]; changed: FileChange[] }
  | { type: 'graph'; delta: GraphDelta }
  /** A note's content changed on disk by someone else (our own writes are never reported). */
  | { type: 'external-change'; path: VaultPath; hash: string; deleted: boolean }
  /** An outside rename was detected (unlink + add of the same content): the UI offers to update links. */
  | { type: 'external-rename'; from: VaultPath; to: VaultPath; affected: number }
  | { type: 'vault-error'; message: string }
  | { type: 'notice'; message: string };

/** Request/response methods. The argument tuple and the resolved value of each. */
export interface ApiMethods {
  getVaultInfo: { args: []; result: VaultInfo };
  listFiles: { args: []; result: FileEntry[] };
  readNote: { args: [path: VaultPath]; result: Result<NoteContent> };
  getNoteMeta: { args: [path: VaultPath]; result: Result<NoteMeta> };
  getBacklinks: { args: [path: VaultPath]; result: Result<BacklinkGroup[]> };
  getOutgoingLinks: { args: [path: VaultPath]; result: Result<ResolvedLink[]> };
  getUnlinkedMentions: { args: [path: VaultPath]; result: Result<UnlinkedMention[]> };
  resolveLink: { args: [from: VaultPath, target: string]; result: LinkTargetInfo };
  /**
   * Many targets from one note in one call (a long note's links, which one call each queued behind
   * the browser's few connections): the answers in the targets' order, each what resolveLink
   * gives. At most 2,000 targets, each a string, else 'invalid-input'; `from` must be an indexed note.
   */
  resolveLinks: { args: [from: VaultPath, targets: string[]]; result: Result<LinkTargetInfo[]> };
  getSwitcherItems: { args: []; result: SwitcherItem[] };
  /** Obsidian's search syntax (see main/core/query/search-query.ts); a query that cannot run (an invalid regex) is 'invalid-input' with a message for the user. */
  search: { args: [query: string]; result: Result<SearchResults> };
  getTags: { args: []; result: { tag: string; count: number }[] };
  getGraph: { args: []; result: GraphSnapshot };
  /**
   * Each indexed file's creation time (ms since the epoch), for the graph's "Animate": the
   * file's birthtime where the platform reports one (macOS, Windows, Linux with statx), else its
   * mtime. A file saved by an atomic replace (Plexus's writer, many editors) is created anew by
   * each save. Files that cannot be stat'ed are left out.
   */
  getCreationTimes: { args: []; result: Record<VaultPath, number> };
  getGraphLayout: { args: []; result: GraphLayoutPositions | null };
  saveGraphLayout: { args: [layout: GraphLayoutPositions]; result: Result<null> };
  getGraphSettings: { args: []; result: Record<string, unknown> | null };
  saveGraphSettings: { args: [settings: Record<string, unknown>]; result: Result<null> };
  /**
   * An attachment's bytes (up to 50 MB, else 'too-large') as a data URL with the MIME its
   * extension gives, for the renderer to show under a strict CSP. Notes are not attachments.
   */
  readAttachment: { args: [path: VaultPath]; result: Result<{ mime: string; dataUrl: string }> };
  /** Opens an indexed attachment in the OS default app (desktop only; never programs or scripts). Writes nothing. */
  openAttachment: { args: [path: VaultPath]; result: Result<null> };
  /** Write a note. `expectedHash` is the hash the editor last saw; a mismatch returns 'conflict' unless null. */
  writeNote: { args: [path: VaultPath, content: string, expectedHash: string | null]; result: Result<WriteOutcome> };
  createNote: { args: [path: VaultPath, content: string]; result: Result<WriteOutcome> };
  /**
   * A new attachment (a pasted image, a dropped file) from its bytes as base64 (JSON and IPC
   * both carry a string as it is). Never replaces a file: when `path` is taken the next free
   * numbered name (`x 1.png`, `x 2.png`, ...) is used, and the result says where it went. Up to
   * 50 MB ('too-large'); never a note (.md) path.
   */
  writeAttachment: { args: [path: VaultPath, base64: string]; result: Result<{ path: VaultPath }> };
  planRename: { args: [from: VaultPath, to: VaultPath]; result: Result<RenamePlan> };
  renameNote: { args: [from: VaultPath, to: VaultPath]; result: Result<RenameOutcome> };
  undoRename: { args: [undoToken: string]; result: Result<null> };
  /** Rewrite links after a rename done outside the app. */
  updateLinksAfterExternalRename: { args: [from: VaultPath, to: VaultPath]; result: Result<VaultPath[]> };
  deleteNote: { args: [path: VaultPath]; result: Result<{ linkedFrom: VaultPath[] }> };
  /** Only http(s): and mailto: URLs reach the OS browser. */
  openExternal: { args: [url: string]; result: Result<null> };
  /** File recovery: a note's kept versions, newest first (also for a note that no longer exists). */
  listVersions: { args: [path: VaultPath]; result: Result<NoteVersion[]> };
  readVersion: { args: [path: VaultPath, id: string]; result: Result<{ version: NoteVersion; content: string; decodeWarning: string | null }> };
  /**
   * Writes the version back through the conflict-checked save, keeping the current text first
   * (so a restore can itself be undone). `expectedHash` null: the note is gone and is re-created,
   * under a new name when its path is taken; the result says where.
   */
  restoreVersion: { args: [path: VaultPath, id: string, expectedHash: string | null]; result: Result<WriteOutcome & { path: VaultPath }> };
  /** Notes whose last version is a deletion and that are not in the vault now, newest first. */
  listDeletedNotes: { args: []; result: Result<NoteVersion[]> };
  /** The vault's file-recovery settings (the defaults until saved); `problem` says why a saved file was not used. */
  getRecoverySettings: { args: []; result: Result<{ settings: RecoverySettings; problem: string | null }> };
  /** Validates (each bad field named in the message, nothing saved), stores and applies them at once. */
  saveRecoverySettings: { args: [settings: RecoverySettings]; result: Result<RecoverySettings> };
}

export type ApiMethodName = keyof ApiMethods;

/** What a host (IPC or HTTP) dispatches to: every method, returning a promise. */
export type ApiHandlers = {
  [K in ApiMethodName]: (...args: ApiMethods[K]['args']) => Promise<ApiMethods[K]['result']>;
};

/** The renderer-facing API: the handlers plus `onEvent`, through which events come. */
export type PlexusApi = ApiHandlers & {
  /** Subscribe to vault events; returns an unsubscribe function. */
  onEvent(listener: (event: VaultEvent) => void): () => void;
};
