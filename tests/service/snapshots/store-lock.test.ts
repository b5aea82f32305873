/**
 * The snapshot store's lock (store-lock.ts) within one process, on a real temp folder: its line
 * of sections, stale locks and tickets taken over, and never deleting a lock it does not hold.
 * Across processes: store-lock-processes.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withStoreLock } from '../../../main/service/snapshots/store-lock';
import { lockPaths, removeIfSame } from '../../../main/service/snapshots/store-lock-files';
import { makeTempDir, removeDir, until } from '../temp-vault';

let dir: string;
beforeEach(() => (dir = path.join(makeTempDir('plexus-store-lock-'), 'store')));
afterEach(() => removeDir(path.dirname(dir)));

/** A pid no process has (above the kernel's default pid_max). */
const DEAD_PID = 4_194_399;
const lockFile = () => path.join(dir, 'store.lock');
const queueDir = () => path.join(dir, 'store.lock.queue');
const tickets = () => (fs.existsSync(queueDir()) ? fs.readdirSync(queueDir()).filter((n) => /^\d+$/.test(n)) : []);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function writeLock(file: string, body: object): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(body));
}

test("one process's sections run one at a time, in the order they asked, holding one ticket between them", async () => {
  // Held by another running process (this one's parent), so every section here has to queue.
  writeLock(lockFile(), { pid: process.ppid, time: Date.now(), token: 'other' });
  const order: string[] = [];
  let inside = 0;
  let mostTickets = 0;
  const sections = ['a', 'b', 'c', 'd', 'e'].map((name) =>
    withStoreLock(dir, async () => {
      inside++;
      expect(inside).toBe(1);
      order.push(name);
      await pause(5);
      inside--;
    }),
  );
  const watching = setInterval(() => (mostTickets = Math.max(mostTickets, tickets().length)), 2);
  await until(() => tickets().length > 0);
  await pause(50);
  fs.rmSync(lockFile());
  await Promise.all(sections);
  clearInterval(watching);
  expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
  expect(mostTickets).toBe(1);
  expect(tickets()).toEqual([]);
  expect(fs.existsSync(lockFile())).toBe(false);
});

test('a lock left by a dead process is taken over, and so are tickets ahead left by dead or long-gone waiters', async () => {
  writeLock(lockFile(), { pid: DEAD_PID, time: Date.now(), token: 'crashed' });
  writeLock(path.join(queueDir(), '000000000001'), { pid: DEAD_PID, time: Date.now(), token: 'died-waiting' });
  writeLock(path.join(queueDir(), '000000000002'), { pid: process.ppid, time: Date.now() - 10 * 60_000, token: 'too-old' });
  await expect(withStoreLock(dir, async () => 'taken', { timeoutMs: 2000 })).resolves.toBe('taken');
  expect(fs.existsSync(lockFile())).toBe(false);
  expect(fs.readdirSync(queueDir())).toEqual([]);
});

test('a live waiter ahead is waited for: its ticket is not taken over', async () => {
  writeLock(path.join(queueDir(), '000000000001'), { pid: process.ppid, time: Date.now(), token: 'waiting' });
  await expect(withStoreLock(dir, async () => 'taken', { timeoutMs: 150 })).rejects.toThrow(/locked/);
  expect(tickets()).toEqual(['000000000001']);
});

test('release never deletes a lock it does not hold: one made by a takeover meanwhile is left in place, and that is reported', async () => {
  const other = { pid: process.ppid, time: Date.now(), token: 'took-it-over' };
  await expect(withStoreLock(dir, async () => writeLock(lockFile(), other))).rejects.toThrow(/taken over while held/);
  expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toEqual(other);
});

test('a stale lock is removed only while it is the one judged stale: a fresh one made meanwhile stays', async () => {
  const stale = { pid: DEAD_PID, time: Date.now(), token: 'stale' };
  const fresh = { pid: process.pid, time: Date.now(), token: 'fresh' };
  fs.mkdirSync(queueDir(), { recursive: true });
  writeLock(lockFile(), fresh);
  await removeIfSame(lockPaths(dir), lockFile(), stale, 'mine');
  expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toEqual(fresh);
  await removeIfSame(lockPaths(dir), lockFile(), fresh, 'mine');
  expect(fs.existsSync(lockFile())).toBe(false);
});

test('a section that gives up waiting in the line lets the next one go; no ticket is left behind', async () => {
  let release!: () => void;
  const long = withStoreLock(dir, () => new Promise<void>((resolve) => (release = resolve)));
  // Second in line, it waits on the lock file; the third waits behind it, in this process.
  const second = withStoreLock(dir, async () => 'second ran');
  const impatient = withStoreLock(dir, async () => 'never', { timeoutMs: 30 });
  const last = withStoreLock(dir, async () => 'last ran');
  await expect(impatient).rejects.toThrow(/locked by another task/);
  await until(() => release !== undefined);
  release();
  await long;
  await expect(second).resolves.toBe('second ran');
  await expect(last).resolves.toBe('last ran');
  expect(tickets()).toEqual([]);
  expect(fs.existsSync(lockFile())).toBe(false);
});
