/**
 * The files behind the snapshot store's lock (store-lock.ts), in the store's folder:
 *   store.lock               the holder's { pid, time, token }
 *   store.lock.queue/<seq>   one ticket per waiting process, { pid, time, token }; lowest first
 *   store.lock.queue/.*      a file being made, or a lock put aside on release or takeover
 * A ticket is written whole under a temp name and then hard-linked to its name: the link fails
 * when the name exists, so taking a number is exclusive and nobody reads a half-written ticket.
 * (The lock itself is made with O_EXCL in one call: store-lock.ts.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorCode } from '../file-reports';

export interface LockBody {
  /** Null when the file could not be read as a lock (one left torn by an earlier version's crash). */
  pid: number | null;
  time: number;
  /** Tells one holding of the lock from another (the same process takes it many times). */
  token: string | null;
}

export interface LockPaths {
  lock: string;
  queue: string;
}

export function lockPaths(dir: string): LockPaths {
  return { lock: path.join(dir, 'store.lock'), queue: path.join(dir, 'store.lock.queue') };
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return errorCode(error) === 'EPERM';
  }
}

/** A lock or ticket whose maker is gone, or that is older than any holding or wait lasts. */
export function isStale(body: LockBody, staleMs: number, now: number): boolean {
  return (body.pid !== null && !isRunning(body.pid)) || now - body.time > staleMs;
}

/** The file's body; null when there is no such file. */
export function readBody(file: string): LockBody | null {
  try {
    const text = fs.readFileSync(file, 'utf8');
    let value: Partial<LockBody> = {};
    try {
      value = JSON.parse(text) as Partial<LockBody>;
    } catch {
      // Torn by a crash (files made before bodies were linked into place): only its age can tell.
    }
    const token = typeof value.token === 'string' ? value.token : null;
    if (Number.isInteger(value.pid) && (value.pid as number) > 0 && Number.isFinite(value.time)) return { pid: value.pid!, time: value.time!, token };
    return { pid: null, time: fs.statSync(file).mtimeMs, token: null };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Creates `file` holding `body`, whole, unless it exists: false then. */
export async function createExclusive(paths: LockPaths, file: string, body: LockBody): Promise<boolean> {
  const temp = path.join(paths.queue, `.new-${body.token}`);
  await fs.promises.writeFile(temp, JSON.stringify(body));
  try {
    await fs.promises.link(temp, file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
}

const TICKET = /^\d{12}$/;

export interface Ticket {
  name: string;
  seq: number;
}

/** The waiting processes' tickets, lowest first. */
export async function listTickets(paths: LockPaths): Promise<Ticket[]> {
  const names = await fs.promises.readdir(paths.queue);
  return names
    .filter((name) => TICKET.test(name))
    .map((name) => ({ name, seq: Number(name) }))
    .sort((a, b) => a.seq - b.seq);
}

/** Joins the queue after everyone in it: a ticket numbered past the highest one there. */
export async function takeTicket(paths: LockPaths, body: LockBody): Promise<Ticket> {
  for (;;) {
    const seq = ((await listTickets(paths)).at(-1)?.seq ?? 0) + 1;
    const name = String(seq).padStart(12, '0');
    // Taken by another process that listed at the same moment: list again.
    if (await createExclusive(paths, path.join(paths.queue, name), body)) return { name, seq };
  }
}

/**
 * Removes the lock (or a ticket) at `file` only if it is still the one judged stale, `seen`: it
 * is renamed aside first, so a fresh one made meanwhile under that name is put back, not deleted.
 */
export async function removeIfSame(paths: LockPaths, file: string, seen: LockBody, token: string): Promise<void> {
  const aside = path.join(paths.queue, `.aside-${token}`);
  try {
    await fs.promises.rename(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = readBody(aside);
  if (moved !== null && !sameBody(moved, seen)) await putBack(aside, file);
  await fs.promises.rm(aside, { force: true });
}

export function sameBody(a: LockBody, b: LockBody): boolean {
  return a.token === b.token && a.pid === b.pid && a.time === b.time;
}

/**
 * Puts a lock moved aside back in place. When another was made there meanwhile, two processes
 * now believe they hold it: that needs two takers at once, which the queue rules out (only its
 * first waiter takes the lock), so it is an invariant broken.
 */
export async function putBack(aside: string, file: string): Promise<void> {
  try {
    await fs.promises.link(aside, file);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new Error(`the snapshot store lock (${file}) was taken twice at once`);
    throw error;
  }
}

/** Leftovers of processes that died making a file or putting one aside (older than any step takes). */
export async function sweepLeftovers(paths: LockPaths, staleMs: number, now: number): Promise<void> {
  for (const name of await fs.promises.readdir(paths.queue)) {
    if (!name.startsWith('.')) continue;
    const file = path.join(paths.queue, name);
    try {
      if (now - (await fs.promises.stat(file)).mtimeMs > staleMs) await fs.promises.rm(file, { force: true });
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
}

/** Renamed aside, then removed if it is still this holding's lock; someone else's is put back. */
export async function releaseLock(paths: LockPaths, token: string): Promise<void> {
  const aside = path.join(paths.queue, `.released-${token}`);
  try {
    await fs.promises.rename(paths.lock, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new Error(`the snapshot store lock (${paths.lock}) was taken over while held`);
    throw error;
  }
  const body = readBody(aside);
  if (body?.token !== token) {
    await putBack(aside, paths.lock);
    await fs.promises.rm(aside, { force: true });
    throw new Error(`the snapshot store lock (${paths.lock}) was taken over while held, by process ${body?.pid ?? '?'}`);
  }
  await fs.promises.rm(aside, { force: true });
}
