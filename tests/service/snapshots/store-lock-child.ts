/**
 * A process taking the snapshot store's lock in a loop (store-lock-processes.test.ts):
 *   <dir> <sync> <name> <sections> <parallel> <peers>
 * Marks itself ready in `sync` and waits for `peers` processes to be ready, then runs `sections`
 * locked sections, `parallel` of them queued at once. Each one increments the counter in
 * `<sync>/counter` (read, a pause, write: two holders at once would lose increments) and appends
 * its name to `<sync>/turns.log`, where "<name> asks" marks the start of its requests. Prints DONE.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withStoreLock } from '../../../main/service/snapshots/store-lock';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function section(sync: string, name: string): Promise<void> {
  const counter = path.join(sync, 'counter');
  const value = fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0;
  await pause(1);
  fs.writeFileSync(counter, String(value + 1));
  fs.appendFileSync(path.join(sync, 'turns.log'), `${name}\n`);
}

async function main(): Promise<void> {
  const [dir, sync, name, sections, parallel, peers] = process.argv.slice(2);
  // Once before the start, so neither begins with the other's head start of loading code.
  await withStoreLock(dir, async () => undefined);
  fs.writeFileSync(path.join(sync, `ready-${name}`), '');
  while (fs.readdirSync(sync).filter((n) => n.startsWith('ready-')).length < Number(peers)) await pause(5);
  fs.appendFileSync(path.join(sync, 'turns.log'), `${name} asks\n`);
  let started = 0;
  const worker = async () => {
    while (started < Number(sections)) {
      started++;
      await withStoreLock(dir, () => section(sync, name));
    }
  };
  await Promise.all(Array.from({ length: Number(parallel) }, worker));
  process.stdout.write('DONE\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
