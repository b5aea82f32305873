/**
 * The lock shared by the processes using one snapshot store (two windows on a vault, `plexus
 * serve` beside the app): index appends, prunes, compaction steps and reads of the pack listing
 * run under it, so none of them sees another's half-done work. Its files are in store-lock-files.ts.
 *
 * Fair: a process that finds the lock taken joins a queue of numbered tickets and takes the lock
 * only when its ticket is first, so a process releasing and retaking the lock in a loop (a
 * checkout's burst of writes) cannot starve another; within a process, sections wait in a FIFO
 * of their own, so the process holds one ticket at a time however many tasks it has.
 * Robust: the lock names its holder's pid, time and token; a lock or ticket whose pid is gone, or
 * older than `staleMs` (a crashed holder whose pid was reused), is taken over, but only after
 * renaming it aside and checking it is still the one judged stale; release renames it aside the
 * same way, so nobody ever deletes a lock someone else has just made.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  isStale,
  listTickets,
  lockPaths,
  releaseLock,
  readBody,
  removeIfSame,
  sweepLeftovers,
  takeTicket,
  type LockBody,
  type LockPaths,
  type Ticket,
} from './store-lock-files';
import { errorCode } from '../file-reports';

export interface StoreLockOptions {
  /** A lock older than this is stale whoever holds it (default 2 minutes; no held section takes that long). */
  staleMs?: number;
  /** Give up waiting after this long (default 30 s): the caller reports it; nothing is lost. */
  timeoutMs?: number;
  now?: () => number;
}

/** A ticket in the queue, with its body (to remove it only while it is still this one). */
interface Queued {
  ticket: Ticket;
  body: LockBody;
}

/**
 * Per store folder, this process's line of sections: `tail` resolves when the last one in it has
 * taken the lock (or given up), with the ticket it took for the next one, if any. That ticket is
 * taken before the section runs, so the next one is queued behind the other processes' waiters
 * already there and ahead of those who come while this one holds: the processes alternate. It
 * then waits on the lock file for this process's holder like any waiter.
 */
interface Line {
  tail: Promise<Queued | null>;
  /** Sections in the line that have not had their turn yet. */
  waiting: number;
}
const lines = new Map<string, Line>();
/** Per store folder: this process's waiter, woken when this process releases the lock. */
const wakers = new Map<string, () => void>();

/**
 * Polling: short at first (a section is held for a few milliseconds), then at most this often;
 * the first in the queue, the only one that may take the lock next, looks more often.
 */
const MAX_POLL_MS = 20;
const FIRST_POLL_MS = 4;

export async function withStoreLock<T>(dir: string, fn: () => Promise<T>, options: StoreLockOptions = {}): Promise<T> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = now() + timeoutMs;
  const key = path.resolve(dir);
  const paths = lockPaths(dir);
  const token = randomBytes(8).toString('hex');
  const line = lines.get(key) ?? { tail: Promise.resolve(null), waiting: 0 };
  lines.set(key, line);
  const before = line.tail;
  let pass!: (next: Queued | null) => void;
  const mine = new Promise<Queued | null>((resolve) => (pass = resolve));
  line.tail = mine;
  line.waiting++;
  const done = (next: Queued | null) => {
    pass(next);
    if (line.tail === mine && line.waiting === 0) lines.delete(key);
  };
  let handed: Queued | null;
  try {
    handed = await waitInProcess(before, timeoutMs, dir);
  } catch (error) {
    line.waiting--;
    // Gave up in the line: the ticket taken for this section goes to the next one, or is removed when there is none.
    void before.then(async (ticket) => {
      if (ticket !== null && line.tail === mine) {
        await removeIfSame(paths, path.join(paths.queue, ticket.ticket.name), ticket.body, token);
        ticket = null;
      }
      done(ticket);
    });
    throw error;
  }
  line.waiting--;
  try {
    await acquire(paths, key, token, options.staleMs ?? 120_000, deadline, now, handed);
  } catch (error) {
    done(null);
    throw error;
  }
  try {
    let next: Queued | null = null;
    try {
      if (line.waiting > 0) {
        const body: LockBody = { pid: process.pid, time: now(), token: randomBytes(8).toString('hex') };
        next = { ticket: await takeTicket(paths, body), body };
      }
    } finally {
      done(next);
    }
    return await fn();
  } finally {
    await releaseLock(paths, token);
    wakers.get(key)?.();
  }
}

async function waitInProcess(before: Promise<Queued | null>, timeoutMs: number, dir: string): Promise<Queued | null> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const outcome = await Promise.race([before, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') throw new Error(`the snapshot store is locked by another task of this process (${dir})`);
  return outcome;
}

/** Waits `ms`, or less when this process releases the lock meanwhile. */
function pause(key: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      if (wakers.get(key) === done) wakers.delete(key);
      resolve();
    };
    const timer = setTimeout(done, ms);
    wakers.set(key, done);
  });
}

/** Takes the lock when `queued` (this section's ticket, or a new one) is first in the queue. */
async function acquire(
  paths: LockPaths,
  key: string,
  token: string,
  staleMs: number,
  deadline: number,
  now: () => number,
  queued: Queued | null,
): Promise<void> {
  const body = (): LockBody => ({ pid: process.pid, time: now(), token });
  if (queued === null) {
    // Nobody waiting: no ticket needed when the lock is free.
    if ((await ticketsOrNone(paths)).length === 0 && (await createLock(paths, body()))) return;
    const ticketBody = body();
    queued = { ticket: await takeTicket(paths, ticketBody), body: ticketBody };
  }
  const { ticket, body: ticketBody } = queued;
  try {
    let wait = 1;
    for (;;) {
      let holder: LockBody | null = null;
      const first = await isFirst(paths, ticket, staleMs, now, token);
      if (first) {
        if (await createLock(paths, body())) return;
        holder = readBody(paths.lock);
        // Released just now: try again at once.
        if (holder === null) continue;
        if (isStale(holder, staleMs, now())) {
          await removeIfSame(paths, paths.lock, holder, token);
          await sweepLeftovers(paths, staleMs, now());
          continue;
        }
      }
      if (now() > deadline) throw new Error(`the snapshot store is locked by process ${holder?.pid ?? readBody(paths.lock)?.pid ?? '?'} (${paths.lock})`);
      await pause(key, wait);
      wait = Math.min(wait * 2, first ? FIRST_POLL_MS : MAX_POLL_MS);
    }
  } finally {
    await removeIfSame(paths, path.join(paths.queue, ticket.name), ticketBody, token);
  }
}

/** The tickets in the queue; none when there is no queue folder yet (made now). */
async function ticketsOrNone(paths: LockPaths): Promise<Ticket[]> {
  try {
    return await listTickets(paths);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    await fs.promises.mkdir(paths.queue, { recursive: true });
    return [];
  }
}

/**
 * Makes the lock file, unless there is one: false then. Written in one call with O_EXCL (the
 * file the most often made, so the cheapest way): a reader that finds it not yet written sees
 * no pid and judges it by its age only, as a torn one.
 */
async function createLock(paths: LockPaths, body: LockBody): Promise<boolean> {
  try {
    await fs.promises.writeFile(paths.lock, JSON.stringify(body), { flag: 'wx' });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/** True when no live ticket is ahead of `ticket`; stale ones ahead (their process died waiting) are removed. */
async function isFirst(paths: LockPaths, ticket: Ticket, staleMs: number, now: () => number, token: string): Promise<boolean> {
  for (const other of await listTickets(paths)) {
    if (other.seq >= ticket.seq) return true;
    const file = path.join(paths.queue, other.name);
    const body = readBody(file);
    if (body === null) continue;
    if (!isStale(body, staleMs, now())) return false;
    await removeIfSame(paths, file, body, token);
    await sweepLeftovers(paths, staleMs, now());
  }
  return true;
}
