/**
 * The snapshot store's lock (store-lock.ts) across real processes: two of them take it in a loop,
 * several sections queued at once in each, as two windows (or the app and `plexus serve`) do
 * during a checkout's burst of writes. Each gets its turns, and never both at once.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeDir } from '../temp-vault';

const SECTIONS = 60;
let root: string;
let turns: string[];

function runChild(dir: string, sync: string, name: string): Promise<void> {
  const script = path.join(__dirname, 'store-lock-child.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, sync, name, String(SECTIONS), '3', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 && out.includes('DONE') ? resolve() : reject(new Error(`${name} exited with ${code}: ${err}`))));
  });
}

beforeAll(async () => {
  root = makeTempDir('plexus-lock-processes-');
  const sync = path.join(root, 'sync');
  fs.mkdirSync(sync);
  await Promise.all([runChild(path.join(root, 'store'), sync, 'a'), runChild(path.join(root, 'store'), sync, 'b')]);
  turns = fs.readFileSync(path.join(sync, 'turns.log'), 'utf8').trim().split('\n');
}, 120_000);
afterAll(() => removeDir(root));

/**
 * The longest run of one process's sections after both had asked, up to the last of the first to
 * finish; and how many sections ran in that stretch.
 */
function whileBothWait(log: string[]): { longest: number; sections: number } {
  const start = Math.max(log.indexOf('a asks'), log.indexOf('b asks'));
  const sections = log.slice(start + 1).filter((line) => !line.endsWith(' asks'));
  const end = Math.min(sections.lastIndexOf('a'), sections.lastIndexOf('b'));
  let longest = 0;
  let run = 0;
  for (let i = 0; i <= end; i++) {
    run = i > 0 && sections[i] === sections[i - 1] ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return { longest, sections: end + 1 };
}

test('two processes each get turns: neither waits for more than 3 of the other', () => {
  expect(turns.filter((t) => t === 'a')).toHaveLength(SECTIONS);
  expect(turns.filter((t) => t === 'b')).toHaveLength(SECTIONS);
  const { longest, sections } = whileBothWait(turns);
  // They take turns (a b a b ...); the first to ask may get a second before the other's first.
  expect(longest).toBeLessThanOrEqual(3);
  // Both were asking through most of the run (else the bound above says nothing).
  expect(sections).toBeGreaterThanOrEqual(SECTIONS);
});

test('never two holders at once: a counter incremented under the lock by both ends exact', () => {
  expect(Number(fs.readFileSync(path.join(root, 'sync', 'counter'), 'utf8'))).toBe(2 * SECTIONS);
});

test('the lock and the queue are left empty', () => {
  expect(fs.existsSync(path.join(root, 'store', 'store.lock'))).toBe(false);
  expect(fs.readdirSync(path.join(root, 'store', 'store.lock.queue'))).toEqual([]);
});
