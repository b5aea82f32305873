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

function run(isTTY: boolean, list: VaultEvent[]): string {
  let text = '';
  const write = progressWriter({ isTTY, write: (chunk: string) => (text += chunk) });
  for (const event of list) write(event);
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

test('into a pipe: the start, each quarter and the end, one plain line each', () => {
  expect(run(false, events(50_000, 100)).split('\n')).toEqual([
    'Indexing 0 / 50,000',
    'Indexing 12,500 / 50,000 · about 75 s left',
    'Indexing 25,000 / 50,000 · about 50 s left',
    'Indexing 37,500 / 50,000 · about 25 s left',
    'Indexing 50,000 / 50,000',
    '',
  ]);
});

test('plexus index writes its progress to stderr and its summary to stdout', async () => {
  const root = makeVault({ 'A.md': '# A\n[[B]]\n', 'B.md': '# B\n' });
  try {
    const result = await cli('index', root, '--no-cache');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Indexing 0 / 2\nIndexing 2 / 2\n');
    expect(result.stdout).toMatch(/notes: 2 /);
  } finally {
    removeDir(root);
  }
});
