/** `plexus index` / `serve` progress on stderr: one rewritten line on a terminal, a few plain lines elsewhere. */
import type { VaultEvent } from '../../main/contract/api-contract';
import { progressWriter } from '../../main/cli/progress-line';
import { cli } from './cli-io';
import { makeVault, removeDir } from '../service/temp-vault';

function events(total: number, step: number): VaultEvent[] {
  const list: VaultEvent[] = [];
  for (let done = 0; done <= total; done += step) {
    list.push({ type: 'status', status: { state: 'indexing', done, total, etaMs: done >= 300 ? (total - done) * 2 : null } });
  }
  list.push({ type: 'status', status: { state: 'ready', notes: total, links: 0, ms: 5 } });
  return list;
}

/** Feeds the events `msPerEvent` apart on a fake clock. */
function run(isTTY: boolean, list: VaultEvent[], msPerEvent = 10, quietMs?: number): string {
  let text = '';
  let clock = 0;
  const write = progressWriter({ isTTY, write: (chunk: string) => (text += chunk) }, { now: () => clock, quietMs });
  for (const event of list) {
    write(event);
    clock += msPerEvent;
  }
  return text;
}

test('on a terminal: one line rewritten in place, with the ETA once known, ended by a newline when ready', () => {
  const text = run(true, events(50_000, 100));
  expect(text.endsWith('Indexing 50,000 / 50,000\n')).toBe(true);
  expect(text.split('\n')).toHaveLength(2);
  const frames = text.slice(0, -1).split('\r\x1b[2K').slice(1);
  expect(frames).toHaveLength(501);
  expect(frames[0]).toBe('Indexing 0 / 50,000');
  expect(frames[312]).toBe('Indexing 31,200 / 50,000 · about 38 s left');
});

test('into a pipe: once a second has passed, where it is, then each quarter and the end, one plain line each', () => {
  // Events 10 ms apart: the one at 10,000 notes is the first a second after the start.
  expect(run(false, events(50_000, 100)).split('\n')).toEqual([
    'Indexing 10,000 / 50,000 · about 80 s left',
    'Indexing 12,500 / 50,000 · about 75 s left',
    'Indexing 25,000 / 50,000 · about 50 s left',
    'Indexing 37,500 / 50,000 · about 25 s left',
    'Indexing 50,000 / 50,000',
    '',
  ]);
});

test('into a pipe: a run that ends within a second says nothing', () => {
  expect(run(false, events(1_000, 100), 50)).toBe('');
});

test('into a pipe with no quiet time (plexus serve): the start at once', () => {
  expect(run(false, events(1_000, 100), 50, 0).split('\n')[0]).toBe('Indexing 0 / 1,000');
});

test('plexus index writes nothing but progress to stderr and its summary to stdout', async () => {
  const root = makeVault({ 'A.md': '# A\n[[B]]\n', 'B.md': '# B\n' });
  try {
    const result = await cli('index', root, '--no-cache');
    expect(result.code).toBe(0);
    // Whether a line comes depends on the machine's speed (a second's quiet time, tested above).
    expect(result.stderr).toMatch(/^(Indexing \d \/ 2\n)*$/);
    expect(result.stdout).toMatch(/notes: 2 /);
  } finally {
    removeDir(root);
  }
});
