/**
 * writeNote's compare-and-swap under concurrency (two tabs or windows saving the same note at
 * once) and through symlinked notes (the write lands in the real file, the link stays a link).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeTempVault, openWriter, sha256, type TempVault } from './writer-fixture';
import { vp } from '../../support/vault-path';

let vault: TempVault;
const extra: string[] = [];
afterEach(() => {
  vault.cleanup();
  for (const dir of extra.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('parallel writes with the same expected hash', () => {
  test('exactly one wins, every other one is a conflict, and the file holds the winner (20 trials)', async () => {
    vault = makeTempVault({ 'A.md': 'base\n' });
    const { writer } = await openWriter(vault);
    for (let trial = 0; trial < 20; trial++) {
      const seen = sha256(vault.bytes('A.md'));
      const texts = Array.from({ length: 8 }, (_, i) => `trial ${trial} writer ${i}\n`);
      const results = await Promise.all(texts.map((text) => writer.writeNote(vp('A.md'), text, seen)));
      const winners = results.flatMap((res, i) => (res.ok ? [i] : []));
      expect({ trial, winners: winners.length }).toEqual({ trial, winners: 1 });
      for (const res of results) {
        if (!res.ok) expect(res.error).toEqual({ code: 'conflict', message: expect.stringContaining('changed on disk') });
      }
      expect(vault.read('A.md')).toBe(texts[winners[0]]);
      const won = results[winners[0]];
      if (won.ok) expect(won.value.hash).toBe(sha256(vault.bytes('A.md')));
    }
    expect(vault.allFiles()).toEqual(['A.md']);
  });

  test('writes to different notes do not wait for each other to fail', async () => {
    vault = makeTempVault({ 'A.md': 'a\n', 'B.md': 'b\n' });
    const { writer } = await openWriter(vault);
    const [a, b] = await Promise.all([writer.writeNote(vp('A.md'), 'a2\n', sha256('a\n')), writer.writeNote(vp('B.md'), 'b2\n', sha256('b\n'))]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect([vault.read('A.md'), vault.read('B.md')]).toEqual(['a2\n', 'b2\n']);
  });

  test('a failed write releases the note for the next one', async () => {
    vault = makeTempVault({ 'A.md': 'a\n' });
    let failNext = true;
    const { nodeWriterFs } = await import('../../../main/service/write/note-writer-fs');
    const { writer } = await openWriter(vault, {
      fs: {
        ...nodeWriterFs,
        rename: async (from, to) => {
          if (failNext) {
            failNext = false;
            throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
          }
          return nodeWriterFs.rename(from, to);
        },
      },
    });
    const [first, second] = await Promise.all([writer.writeNote(vp('A.md'), 'one\n', sha256('a\n')), writer.writeNote(vp('A.md'), 'two\n', sha256('a\n'))]);
    expect(first).toMatchObject({ ok: false, error: { code: 'io-error' } });
    expect(second.ok).toBe(true);
    expect(vault.read('A.md')).toBe('two\n');
  });

  test('a save through a symlink and one to its target are one note: still exactly one wins', async () => {
    vault = makeTempVault({ 'target.md': 'base\n' });
    fs.symlinkSync(path.join(vault.root, 'target.md'), path.join(vault.root, 'alias.md'));
    const { writer } = await openWriter(vault);
    const seen = sha256('base\n');
    const results = await Promise.all([writer.writeNote(vp('alias.md'), 'via link\n', seen), writer.writeNote(vp('target.md'), 'direct\n', seen)]);
    expect(results.filter((res) => res.ok)).toHaveLength(1);
    expect(results.filter((res) => !res.ok && res.error.code === 'conflict')).toHaveLength(1);
  });
});

describe('symlinked notes', () => {
  test('saving through alias.md -> target.md updates the target and keeps the link', async () => {
    vault = makeTempVault({ 'target.md': 'old\n' });
    const link = path.join(vault.root, 'alias.md');
    fs.symlinkSync(path.join(vault.root, 'target.md'), link);
    const { writer, service } = await openWriter(vault);
    const res = await writer.writeNote(vp('alias.md'), 'new\n', sha256('old\n'));
    if (!res.ok) throw new Error(res.error.message);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe(path.join(vault.root, 'target.md'));
    expect(vault.read('target.md')).toBe('new\n');
    expect(res.value.hash).toBe(sha256('new\n'));
    // The watcher (which does not follow links) sees target.md change: that is the write to announce.
    expect(service.expected).toEqual([{ path: 'target.md', hash: sha256('new\n') }]);
    expect(vault.allFiles().filter((f) => f !== 'alias.md')).toEqual(['target.md']);
  });

  test('a relative link into a subfolder, and a note inside a symlinked folder, are written in place', async () => {
    vault = makeTempVault({ 'Real/t.md': 'old\n' });
    fs.symlinkSync('Real/t.md', path.join(vault.root, 'rel.md'));
    fs.symlinkSync(path.join(vault.root, 'Real'), path.join(vault.root, 'Linked'));
    const { writer, service } = await openWriter(vault);
    expect((await writer.writeNote(vp('rel.md'), 'one\n', sha256('old\n'))).ok).toBe(true);
    expect(fs.readlinkSync(path.join(vault.root, 'rel.md'))).toBe('Real/t.md');
    expect((await writer.writeNote(vp('Linked/t.md'), 'two\n', sha256('one\n'))).ok).toBe(true);
    expect(fs.lstatSync(path.join(vault.root, 'Linked')).isSymbolicLink()).toBe(true);
    expect(vault.read('Real/t.md')).toBe('two\n');
    expect(service.expected.map((e) => e.path)).toEqual(['Real/t.md', 'Real/t.md']);
  });

  test('a link to a file outside the vault is refused with a clear error; nothing changes', async () => {
    vault = makeTempVault();
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plexus-outside-')));
    extra.push(outside);
    fs.writeFileSync(path.join(outside, 'secret.md'), 'secret\n');
    const link = path.join(vault.root, 'escape.md');
    fs.symlinkSync(path.join(outside, 'secret.md'), link);
    const { writer, service } = await openWriter(vault);
    for (const expected of [null, sha256('secret\n')]) {
      const res = await writer.writeNote(vp('escape.md'), 'pwned\n', expected);
      expect(res).toEqual({ ok: false, error: { code: 'outside-vault', message: expect.stringMatching(/"escape\.md".*outside the vault/) } });
    }
    expect(fs.readFileSync(path.join(outside, 'secret.md'), 'utf8')).toBe('secret\n');
    expect(fs.readdirSync(outside)).toEqual(['secret.md']);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(service.expected).toEqual([]);
  });

  test('a dangling link is refused rather than replaced by a file', async () => {
    vault = makeTempVault();
    const link = path.join(vault.root, 'dangling.md');
    fs.symlinkSync(path.join(vault.root, 'nowhere.md'), link);
    const { writer } = await openWriter(vault);
    const res = await writer.writeNote(vp('dangling.md'), 'x\n', null);
    expect(res).toMatchObject({ ok: false, error: { code: 'outside-vault', message: expect.stringContaining('dangling symlink') } });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(vault.exists('nowhere.md')).toBe(false);
  });
});
