/**
 * One process compacting and writing a shared snapshot store while another opens it and reads
 * it back, over and over: opening lists the packs and then reads them, so a compaction in
 * between (which deletes packs) must not be able to run there. Real child processes; a race, so
 * many rounds, each one a chance for it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeDir } from '../temp-vault';

let root: string;
beforeEach(() => (root = makeTempDir('plexus-store-race-')));
afterEach(() => removeDir(root));

function runChild(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'store-churn-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 && out.includes('DONE') ? resolve(out) : reject(new Error(`${args[0]} exited with ${code}: ${err}`))));
  });
}

test('opening and reading a store while another process compacts it never meets a vanished pack', async () => {
  const dir = path.join(root, 'snapshots');
  const [, opened] = await Promise.all([runChild(['churn', dir, '200']), runChild(['reopen', dir])]);
  // The two overlapped: the reader opened the store many times while packs came and went.
  expect(Number(/opens (\d+)/.exec(opened)?.[1])).toBeGreaterThan(20);
  expect(fs.readdirSync(path.join(dir, 'packs')).filter((name) => name.endsWith('.pack')).length).toBeGreaterThan(0);
}, 180_000);
