/**
 * Two processes sharing one snapshot store (two windows on a vault, the CLI beside the app):
 * the lock file (store-lock.ts) keeps their index appends, prunes and compactions apart, and a
 * prune keeps the other's versions. Real child processes on a real temp folder.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PackSnapshotBackend } from '../../../main/service/snapshots/pack-snapshot-backend';
import { SnapshotStore } from '../../../main/service/snapshots/snapshot-store';
import { withStoreLock } from '../../../main/service/snapshots/store-lock';
import { makeTempDir, removeDir } from '../temp-vault';
import { versionText } from './store-child';
import { vp } from '../../support/vault-path';

let root: string;
beforeEach(() => (root = makeTempDir('plexus-shared-store-')));
afterEach(() => removeDir(root));

function runChild(dir: string, name: string, notes: number, rounds: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'store-child.ts'), dir, name, String(notes), String(rounds)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 && out.includes('DONE') ? resolve() : reject(new Error(`${name} exited with ${code}: ${err}`))));
  });
}

test('two processes taking and pruning at once: each note keeps its newest two versions, readable byte for byte', async () => {
  const dir = path.join(root, 'snapshots');
  const notes = 4;
  const rounds = 12;
  await Promise.all([runChild(dir, 'first', notes, rounds), runChild(dir, 'second', notes, rounds)]);
  const errors: string[] = [];
  const { store, damaged } = await SnapshotStore.open(new PackSnapshotBackend(dir), { onError: (error, what) => errors.push(`${what}: ${String(error)}`) });
  expect(damaged).toBe(0);
  for (const name of ['first', 'second']) {
    for (let note = 0; note < notes; note++) {
      const versions = store.versions(vp(`${name}-${note}.md`));
      const texts = await Promise.all(versions.map(async (v) => Buffer.from(await store.read(v)).toString('utf8')));
      // The newest two are there whatever the other process pruned meanwhile.
      expect(texts.slice(0, 2)).toEqual([versionText(name, note, rounds - 1), versionText(name, note, rounds - 2)]);
    }
  }
  expect(errors).toEqual([]);
  expect(fs.existsSync(path.join(dir, 'store.lock'))).toBe(false);
}, 120_000);

describe('the store lock', () => {
  test('runs one holder at a time, in one process as across processes', async () => {
    const dir = path.join(root, 'lock');
    const order: string[] = [];
    const section = (name: string) =>
      withStoreLock(dir, async () => {
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        order.push(`${name} out`);
      });
    await Promise.all([section('a'), section('b')]);
    expect(order.join(' ')).toMatch(/^(a in a out b in b out|b in b out a in a out)$/);
  });

  test("a dead process's lock is taken over; a running one's is waited for, then reported", async () => {
    const dir = path.join(root, 'lock');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'store.lock');
    // A pid no process has (above the kernel's default pid_max).
    fs.writeFileSync(file, JSON.stringify({ pid: 4_194_399, time: Date.now() }));
    await expect(withStoreLock(dir, async () => 'taken')).resolves.toBe('taken');
    expect(fs.existsSync(file)).toBe(false);
    // This process's parent is running: its lock holds until it is stale.
    fs.writeFileSync(file, JSON.stringify({ pid: process.ppid, time: Date.now() }));
    await expect(withStoreLock(dir, async () => 'taken', { timeoutMs: 200 })).rejects.toThrow(/locked by process/);
    await expect(withStoreLock(dir, async () => 'taken', { staleMs: 0 })).resolves.toBe('taken');
    // A torn lock (empty: its maker crashed before writing it) is stale once old enough.
    fs.writeFileSync(file, '');
    await expect(withStoreLock(dir, async () => 'taken', { timeoutMs: 100 })).rejects.toThrow(/locked/);
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(file, old, old);
    await expect(withStoreLock(dir, async () => 'taken')).resolves.toBe('taken');
  });
});
