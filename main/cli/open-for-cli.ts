/**
 * Opens a vault for a one-shot command: no watcher, the same parser, cache and link rule as
 * the app. Turns "no such vault" into one clear line and exit code 2.
 */
import { err, ok, type Result } from '../core/result';
import type { FileReport } from '../service/file-reports';
import { isVaultOpenError } from '../service/service-errors';
import { VaultService } from '../service/vault-service';
import type { CliIo } from './cli-io';
import { progressWriter } from './progress-line';

export interface CliVaultOptions {
  vault: string;
  maxFileBytes?: number;
  cacheDir?: string | null;
  workers?: number;
  /** The longest one note may take to parse (ms); a note over it is indexed in safe mode. */
  parseBudgetMs?: number;
}

/** The open service and how long opening took, or the exit code when the vault could not be opened. */
export type OpenOutcome = Result<{ service: VaultService; ms: number }, number>;

/** `progress`: write indexing progress to stderr (`plexus index`; `check` keeps stderr for problems). */
export async function openForCli(options: CliVaultOptions, io: CliIo, progress = false): Promise<OpenOutcome> {
  const started = performance.now();
  try {
    const service = await VaultService.open(options.vault, {
      watch: false,
      cacheDir: options.cacheDir,
      workers: options.workers,
      maxFileBytes: options.maxFileBytes,
      parseBudgetMs: options.parseBudgetMs,
      onProgress: progress ? progressWriter(io.stderr as NodeJS.WritableStream & { isTTY?: boolean }) : undefined,
    });
    return ok({ service, ms: performance.now() - started });
  } catch (error) {
    if (isVaultOpenError(error)) {
      io.stderr.write(`plexus: ${error.message}\n`);
      return err(2);
    }
    throw error;
  }
}

/** Files that were skipped or decoded with replacement characters, one line each on stderr. */
export function writeReports(reports: FileReport[], io: CliIo): void {
  for (const report of fileProblems(reports)) {
    const where = report.path === '' ? '(vault)' : report.path;
    io.stderr.write(`plexus: ${where}: ${report.problem}: ${report.message}\n`);
  }
}

/** Notes indexed in safe mode, one warning line each on stderr. */
export function writeSafeModeNotes(notes: { path: string; reason: string }[], io: CliIo): void {
  for (const note of notes) io.stderr.write(`plexus: ${note.path}: parsed in safe mode (plain text, links found by a simple scan): ${note.reason}\n`);
}

/** Problems with the vault's files; the parse cache's own state (missing, rebuilt) is not one. */
export function fileProblems(reports: FileReport[]): FileReport[] {
  return reports.filter((report) => report.problem !== 'cache');
}
