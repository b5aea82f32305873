/**
 * A lock file shared by the processes using one snapshot store (two windows on a vault, the
 * CLI beside the app): `<dir>/store.lock`, made with O_EXCL and holding the owner's pid and
 * time. Index appends, prunes and compaction steps run under it, so a prune never rewrites the
 * index over lines another process appended meanwhile. A lock whose owner is no longer running,
 * or older than `staleMs` (a crashed holder whose pid was reused), is taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorCode } from '../file-reports';

export interface StoreLockOptions {
  /** A lock older than this is stale whoever holds it (default 2 minutes; no held section takes that long). */
  staleMs?: number;
  /** Give up waiting after this long (default 30 s): the caller reports it; nothing is lost. */
  timeoutMs?: number;
  now?: () => number;
}

interface LockBody {
  /** Null when the file could not be read as a lock (being written, or torn by a crash). */
  pid: number | null;
  time: number;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return errorCode(error) === 'EPERM';
  }
}

function readBody(file: string): LockBody | null {
  try {
    const text = fs.readFileSync(file, 'utf8');
    let value: Partial<LockBody> = {};
    try {
      value = JSON.parse(text) as Partial<LockBody>;
    } catch {
      // Not yet written by its maker, or torn by a crash: only its age can tell (below).
    }
    if (Number.isInteger(value.pid) && (value.pid as number) > 0 && Number.isFinite(value.time)) return { pid: value.pid!, time: value.time! };
    return { pid: null, time: fs.statSync(file).mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

export async function withStoreLock<T>(dir: string, fn: () => Promise<T>, options: StoreLockOptions = {}): Promise<T> {
  const file = path.join(dir, 'store.lock');
  const now = options.now ?? Date.now;
  const staleMs = options.staleMs ?? 120_000;
  const deadline = now() + (options.timeoutMs ?? 30_000);
  await fs.promises.mkdir(dir, { recursive: true });
  let wait = 5;
  for (;;) {
    try {
      await fs.promises.writeFile(file, JSON.stringify({ pid: process.pid, time: now() } satisfies LockBody), { flag: 'wx' });
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const body = readBody(file);
    if (body !== null && ((body.pid !== null && !isRunning(body.pid)) || now() - body.time > staleMs)) {
      // Stale (or torn). Two processes taking over the same stale lock at once could both
      // succeed: a window of a few microseconds after a crash, accepted.
      await fs.promises.rm(file, { force: true });
      continue;
    }
    if (now() > deadline) throw new Error(`the snapshot store is locked by process ${body?.pid ?? '?'} (${file})`);
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 100);
  }
  try {
    return await fn();
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
