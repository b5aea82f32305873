import * as fs from 'node:fs';
import * as path from 'node:path';
import { copySampleVaultOnce } from '../../../main/service/files/sample-vault-copy';
import { makeTempDir, removeDir, writeFiles } from '../temp-vault';

let base: string;
let source: string;
beforeEach(() => {
  base = makeTempDir('plexus-sample-copy-');
  source = path.join(base, 'source');
  writeFiles(source, { 'Welcome.md': '# Welcome', 'sub/Deep.md': 'deep', 'assets/pic.png': Buffer.from([1, 2, 3]) });
});
afterEach(() => removeDir(base));

test('the first call copies every file; the source is left as it was', async () => {
  const target = path.join(base, 'data', 'Copy');
  expect(await copySampleVaultOnce(source, target)).toEqual({ path: target, copied: true });
  expect(fs.readFileSync(path.join(target, 'sub', 'Deep.md'), 'utf8')).toBe('deep');
  expect([...fs.readFileSync(path.join(target, 'assets', 'pic.png'))]).toEqual([1, 2, 3]);
  fs.writeFileSync(path.join(target, 'Welcome.md'), 'changed in the copy');
  expect(fs.readFileSync(path.join(source, 'Welcome.md'), 'utf8')).toBe('# Welcome');
});

test('a later call reuses the copy: edits, additions and deletions survive', async () => {
  const target = path.join(base, 'Copy');
  await copySampleVaultOnce(source, target);
  fs.writeFileSync(path.join(target, 'Welcome.md'), 'mine');
  fs.rmSync(path.join(target, 'sub', 'Deep.md'));
  fs.writeFileSync(path.join(target, 'New.md'), 'new');
  expect(await copySampleVaultOnce(source, target)).toEqual({ path: target, copied: false });
  expect(fs.readFileSync(path.join(target, 'Welcome.md'), 'utf8')).toBe('mine');
  expect(fs.existsSync(path.join(target, 'sub', 'Deep.md'))).toBe(false);
  expect(fs.readFileSync(path.join(target, 'New.md'), 'utf8')).toBe('new');
});

test('a failed copy leaves no partial vault behind to be reused later', async () => {
  const target = path.join(base, 'Copy');
  await expect(copySampleVaultOnce(path.join(base, 'missing'), target)).rejects.toThrow();
  expect(fs.readdirSync(base).sort()).toEqual(['source']);
});

test('two starts at once: one copies, the other reuses that copy', async () => {
  const target = path.join(base, 'Copy');
  const results = await Promise.all([copySampleVaultOnce(source, target), copySampleVaultOnce(source, target)]);
  expect(results.map((r) => r.path)).toEqual([target, target]);
  expect(results.filter((r) => r.copied).length).toBeGreaterThanOrEqual(1);
  expect(fs.readFileSync(path.join(target, 'sub', 'Deep.md'), 'utf8')).toBe('deep');
  expect(fs.readdirSync(base).sort()).toEqual(['Copy', 'source']);
});
