/**
 * Indexing progress on stderr. On a terminal: one line, rewritten in place as the count moves
 * (the feed sends at most one event per 100 ms), ended with a newline when indexing is done. Into
 * a pipe or a file (CI logs, `2> log`, a pre-commit hook): nothing for a run that ends within a
 * second, so scripts reading stderr of a small vault see only real problems; after that a few
 * plain lines (where it is, then each quarter, the end), so a log is not flooded with hundreds.
 */
import type { VaultEvent } from '../contract/api-contract';
import { formatIndexProgress } from '../core/progress/format-progress';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** The CLI's `onProgress`: hears the open's status events and writes them to `stream`. */
export interface ProgressOptions {
  /** How long indexing runs before a pipe hears of it (`plexus serve`, a long-running server, says it at once). */
  quietMs?: number;
  now?: () => number;
}

export function progressWriter(stream: ProgressStream, options: ProgressOptions = {}): (event: VaultEvent) => void {
  const { quietMs = PLAIN_PROGRESS_AFTER_MS, now = Date.now } = options;
  return stream.isTTY === true ? terminalLine(stream) : plainLines(stream, quietMs, now);
}

/** How long indexing runs before a pipe hears of it, by default. */
export const PLAIN_PROGRESS_AFTER_MS = 1000;

function terminalLine(stream: ProgressStream): (event: VaultEvent) => void {
  let shown = false;
  return (event) => {
    if (event.type !== 'status') return;
    if (event.status.state === 'indexing') {
      // \r and erase-line: the new text replaces the old even when it is shorter.
      stream.write(`\r\x1b[2K${formatIndexProgress(event.status.done, event.status.total, event.status.etaMs)}`);
      shown = true;
    } else if (shown) {
      stream.write('\n');
      shown = false;
    }
  };
}

function plainLines(stream: ProgressStream, quietMs: number, now: () => number): (event: VaultEvent) => void {
  let lastQuarter = -1;
  let startedAt: number | null = null;
  return (event) => {
    if (event.type !== 'status' || event.status.state !== 'indexing') return;
    startedAt ??= now();
    if (now() - startedAt < quietMs) return;
    const { done, total, etaMs } = event.status;
    const quarter = total === 0 ? 4 : Math.floor((4 * done) / total);
    if (quarter === lastQuarter) return;
    lastQuarter = quarter;
    stream.write(`${formatIndexProgress(done, total, etaMs)}\n`);
  };
}
