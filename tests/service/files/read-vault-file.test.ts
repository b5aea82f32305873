import * as fs from 'node:fs';
import * as path from 'node:path';
import { readVaultFile, type ReaderFs } from '../../../main/service/files/read-vault-file';
import { makeVault, removeDir } from '../temp-vault';

describe('readVaultFile', () => {
  let root: string;
  beforeAll(() => {
    root = makeVault({
      'plain.md': 'hello\n',
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Title\n')]),
      'bad.md': Buffer.from([0x61, 0xff, 0xfe, 0x62]),
      'big.md': 'x'.repeat(2048),
      'dir.md/inner.md': 'a folder where a file is expected',
    });
  });
  afterAll(() => removeDir(root));

  const read = (name: string, options = {}) => readVaultFile(path.join(root, name), name, options);

  test('reads text, hash, size and mtime', () => {
    const outcome = read('plain.md');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.text).toBe('hello\n');
    expect(outcome.value.hash).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
    expect(outcome.value.size).toBe(6);
    expect(outcome.value.decodeWarning).toBeNull();
  });

  test('strips a UTF-8 BOM from the text but hashes the bytes on disk', () => {
    const outcome = read('bom.md');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.text).toBe('# Title\n');
    expect(outcome.value.size).toBe(11);
  });

  test('decodes invalid UTF-8 with replacement characters and warns', () => {
    const outcome = read('bad.md');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.text).toBe('a\uFFFD\uFFFDb');
    expect(outcome.value.decodeWarning).toMatch(/UTF-8/);
  });

  test('skips files over the size cap with a report', () => {
    const outcome = read('big.md', { maxFileBytes: 1024 });
    expect(outcome).toEqual({ ok: false, error: { path: 'big.md', problem: 'too-large', message: expect.stringContaining('2048') } });
    expect(read('big.md', { maxFileBytes: 4096 }).ok).toBe(true);
  });

  test('reports a folder where a file is expected', () => {
    const outcome = read('dir.md');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.problem).toBe('unreadable');
  });

  test('reports EACCES (injected: tests run as root)', () => {
    const denied: ReaderFs = {
      ...fs,
      openSync: () => {
        throw Object.assign(new Error("EACCES: permission denied, open 'plain.md'"), { code: 'EACCES' });
      },
    };
    const outcome = read('plain.md', { fs: denied });
    expect(outcome).toEqual({ ok: false, error: { path: 'plain.md', problem: 'unreadable', message: expect.stringContaining('EACCES') } });
  });

  test('reports a file that vanished', () => {
    const outcome = read('gone.md');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toContain('ENOENT');
  });
});
