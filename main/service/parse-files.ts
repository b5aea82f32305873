/**
 * The unit of work of the parse pool: read a list of vault files and parse each note.
 * Runs the same code in a worker thread and in-thread, so both give identical results.
 */
import { parseNote } from '../core/parse/parse-note';
import type { ParsedNote, VaultPath } from '../core/types';
import { describeError, type FileReport } from './file-reports';
import { readVaultFile, type ReadOptions } from './read-vault-file';
import { toAbsolutePath } from './vault-files';

export interface ParseRequest {
  /** The vault's real root. */
  root: string;
  paths: VaultPath[];
  maxFileBytes: number;
  /** Return the decoded text too (for the search index); off when only the graph is needed. */
  withText: boolean;
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
}

export type ParseResult = ParsedFile | { path: VaultPath; ok: false; report: FileReport };

export function parseFiles(request: ParseRequest, readerFs?: ReadOptions['fs']): ParseResult[] {
  const results: ParseResult[] = [];
  for (const vaultPath of request.paths) {
    const read = readVaultFile(toAbsolutePath(request.root, vaultPath), vaultPath, { maxFileBytes: request.maxFileBytes, fs: readerFs });
    if (!read.ok) {
      results.push({ path: vaultPath, ok: false, report: read.report });
      continue;
    }
    let parsed: ParsedNote;
    try {
      parsed = parseNote(vaultPath, read.file.text);
    } catch (error) {
      // A parser bug on one note must not stop the vault from indexing; it is reported by path.
      results.push({ path: vaultPath, ok: false, report: { path: vaultPath, problem: 'parse-error', message: describeError(error) } });
      continue;
    }
    const { text, hash, size, mtimeMs, decodeWarning } = read.file;
    results.push({ path: vaultPath, ok: true, parsed, hash, size, mtimeMs, decodeWarning, text: request.withText ? text : null });
  }
  return results;
}
