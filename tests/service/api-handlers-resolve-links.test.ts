/**
 * resolveLinks, the batched resolveLink: checked at the contract's edge (an array of at most
 * MAX_RESOLVE_TARGETS strings, from an indexed note inside the vault), and answering each target
 * exactly as one resolveLink call does, in order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createApiHandlers, MAX_RESOLVE_TARGETS } from '../../main/service/api-handlers';
import { VaultService } from '../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from './temp-vault';
import { vp } from '../support/vault-path';
import type { VaultPath } from '../../main/core/types';

let root: string;
let outside: string;
let dataDir: string;
let service: VaultService;

beforeAll(async () => {
  root = makeVault({
    'A.md': 'see [[B]]',
    'B.md': '---\naliases: [Bee]\n---\n# B\n\n## Part\n\ntext ^blk',
    'Sub/B.md': '# nested B',
    'Sub/C.md': 'in a folder',
    'img.png': 'not really a png',
  });
  outside = makeTempDir();
  dataDir = makeTempDir();
  fs.writeFileSync(path.join(outside, 'Secret.md'), '# secret');
  fs.symlinkSync(outside, path.join(root, 'escape'));
  service = await VaultService.open(root, { cacheDir: null, workers: 0, watch: false });
});
afterAll(async () => {
  await service.close();
  [root, outside, dataDir].forEach(removeDir);
});

const api = () => createApiHandlers(service, { kind: 'browser', readOnly: true, openExternal: () => undefined, dataDir });
const call = (from: unknown, targets: unknown) => api().resolveLinks(from as VaultPath, targets as string[]);

test.each<[string, unknown, unknown, string]>([
  ['targets not an array', 'A.md', 'B', 'invalid-input'],
  ['targets an object', 'A.md', { length: 1, 0: 'B' }, 'invalid-input'],
  ['a target not a string', 'A.md', ['B', 7, 'C'], 'invalid-input'],
  ['a null target', 'A.md', [null], 'invalid-input'],
  // eslint-disable-next-line no-sparse-arrays -- a hole is what every() would skip
  ['a hole in the array', 'A.md', ['B', , 'C'], 'invalid-input'],
  ['one target too many', 'A.md', Array.from({ length: MAX_RESOLVE_TARGETS + 1 }, () => 'B'), 'invalid-input'],
  ['from outside the vault', '../A.md', ['B'], 'outside-vault'],
  ['from an absolute path', '/etc/passwd', ['B'], 'outside-vault'],
  ['from through a symlink out of the vault', 'escape/Secret.md', ['B'], 'not-found'],
  ['from a note the index does not hold', 'Nope.md', ['B'], 'not-found'],
  ['from an attachment', 'img.png', ['B'], 'not-found'],
  ['from not a string', 42, ['B'], 'invalid-input'],
])('refuses %s', async (_name, from, targets, code) => {
  expect(await call(from, targets)).toMatchObject({ ok: false, error: { code } });
});

test('the most targets allowed are answered', async () => {
  const answer = await call(
    'A.md',
    Array.from({ length: MAX_RESOLVE_TARGETS }, () => 'B'),
  );
  expect(answer.ok && answer.value.length).toBe(MAX_RESOLVE_TARGETS);
});

test('each answer is what resolveLink gives for that target, in order', async () => {
  const targets = [
    'B',
    'Bee',
    'B#Part',
    'B#^blk',
    'Sub/B',
    'C',
    'Sub/C.md',
    'img.png',
    'New Note',
    'Folder/New',
    '',
    '   ',
    '../Secret',
    'escape/Secret',
    '/etc/passwd',
    'a\0b',
    'x'.repeat(2000),
    'B',
  ];
  for (const from of ['A.md', 'Sub/C.md']) {
    const batched = await call(from, targets);
    const oneByOne = await Promise.all(targets.map((target) => api().resolveLink(vp(from), target)));
    expect(batched).toEqual({ ok: true, value: oneByOne });
  }
  expect(await call('A.md', [])).toEqual({ ok: true, value: [] });
});
