/**
 * The unit of work of the parse pool: read a list of vault files and parse each note.
 * Runs the same code in a worker thread and in-thread, so both give identical results.
 * The parser is parseNoteFaithful: the linear scanner, and for the few notes whose constructs
 * it only approximates (link reference definitions, `_` at a tag's edge) the renderer's own
 * remark pipeline, so the index holds the links the page draws. On a worker that parse runs
 * under the pool's budget like any other.
 */
import { parseNoteFaithful } from '../../core/parse/reference/parse-note-faithful';
import { parseNoteSafeMode } from '../../core/parse/safe-mode-parse';
import type { ParsedNote, VaultPath } from '../../core/types';
import { describeError, type FileReport } from '../file-reports';
import { readVaultFile, type ReadOptions } from '../files/read-vault-file';
import { toAbsolutePath } from '../files/vault-files';

export interface ParseRequest {
  /** The vault's real root. */
  root: string;
  paths: VaultPath[];
  maxFileBytes: number;
  /** Return the decoded text too (for the search index); off when only the graph is needed. */
  withText: boolean;
  /**
   * Set (to the reason) for notes whose full parse ran over its budget or crashed its worker:
   * they are parsed by the linear safe-mode scanner instead, and their results say why.
   */
  safeMode?: string;
}

export interface ParsedFile {
  path: VaultPath;
  ok: true;
  parsed: ParsedNote;
  hash: string;
  size: number;
  mtimeMs: number;
  decodeWarning: string | null;
  text: string | null;
  /** Why the note was parsed in safe mode (plain text, links found by a simple scan), or null. */
  safeMode: string | null;
}

/**
 * One file's parse, flat rather than a core Result: tens of thousands cross from the workers on
 * every cold open, and the structured clone of a wrapper object per file is not free.
 */
export type ParseResult = ParsedFile | { path: VaultPath; ok: false; report: FileReport };

export type NoteParser = (path: VaultPath, text: string) => ParsedNote;

export interface ParseHooks {
  fs?: ReadOptions['fs'];
  /** Replaces the full parser (the pool's `parserModule` option); never used for safe mode. */
  parse?: NoteParser;
  /** Told before each file is read, with its index in `paths` (the worker's budget watch). */
  onFile?: (index: number) => void;
}

export function parseFiles(request: ParseRequest, hooks: ParseHooks = {}): ParseResult[] {
  const results: ParseResult[] = [];
  const safeMode = request.safeMode ?? null;
  const parse: NoteParser = safeMode !== null ? parseNoteSafeMode : (hooks.parse ?? parseNoteFaithful);
  request.paths.forEach((vaultPath, index) => {
    hooks.onFile?.(index);
    const read = readVaultFile(toAbsolutePath(request.root, vaultPath), vaultPath, { maxFileBytes: request.maxFileBytes, fs: hooks.fs });
    if (!read.ok) {
      results.push({ path: vaultPath, ok: false, report: read.error });
      return;
    }
    let parsed: ParsedNote;
    try {
      parsed = parse(vaultPath, read.value.text);
    } catch (error) {
      // A parser bug on one note must not stop the vault from indexing; it is reported by path.
      results.push({ path: vaultPath, ok: false, report: { path: vaultPath, problem: 'parse-error', message: describeError(error) } });
      return;
    }
    const { text, hash, size, mtimeMs, decodeWarning } = read.value;
    results.push({ path: vaultPath, ok: true, parsed, hash, size, mtimeMs, decodeWarning, text: request.withText ? text : null, safeMode });
  });
  return results;
}
