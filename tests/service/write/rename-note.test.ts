import { parseNote } from '../../../main/core/parse/parse-note';
import type { RewriteGraph } from '../../../main/core/rewrite/plan-rename-edits';
import { openNoteWriter } from '../../../main/service/write/note-writer';
import { nodeWriterFs } from '../../../main/service/write/note-writer-fs';
import { testDeps } from '../../core/rewrite/rewrite-harness';
import { FakeService, makeTempVault, type TempVault } from './writer-fixture';
import { vp } from '../../support/vault-path';

let vault: TempVault;
afterEach(() => vault.cleanup());

/** A graph over whatever is on disk right now (the real service re-indexes after writes). */
function diskGraph(v: TempVault): RewriteGraph {
  const notes = () =>
    v
      .allFiles()
      .filter((f) => f.endsWith('.md') && !f.startsWith('.'))
      .map(vp);
  return {
    notePaths: notes,
    attachmentPaths: () =>
      v
        .allFiles()
        .filter((f) => !f.endsWith('.md') && !f.startsWith('.'))
        .map(vp),
    getNote: (p) => (notes().includes(p) ? parseNote(p, v.read(p)) : null),
  };
}

const files = {
  'AI/Transformer.md': '# Transformer\n[own](../Other/Ref.md)\n',
  'Other/Ref.md': 'ref\n',
  'A.md': 'See [[Transformer|the T]] and [[Transformer#Heads]].\r\n',
  'B.md': Buffer.from('\uFEFF- [md](AI/Transformer.md)\n- `[[Transformer]]`\n', 'utf8'),
  'C.md': 'no links\n',
};

async function setup(extra = {}) {
  vault = makeTempVault(files);
  const service = new FakeService(diskGraph(vault));
  const writer = await openNoteWriter({ root: vault.root, service, rewrite: testDeps, ...extra });
  return { writer, service };
}

describe('renameNote', () => {
  test('moves the note, rewrites every linking note, and undo restores all bytes', async () => {
    const { writer, service } = await setup();
    const before = Object.fromEntries(vault.allFiles().map((f) => [f, vault.bytes(f)]));
    const plan = await writer.planRename(vp('AI/Transformer.md'), vp('Models/Deep/Attention Net.md'));
    expect(plan).toEqual({
      ok: true,
      value: {
        from: 'AI/Transformer.md',
        to: 'Models/Deep/Attention Net.md',
        affected: [
          { path: 'A.md', links: 2 },
          { path: 'AI/Transformer.md', links: 1 },
          { path: 'B.md', links: 1 },
        ],
      },
    });
    const res = await writer.renameNote(vp('AI/Transformer.md'), vp('Models/Deep/Attention Net.md'));
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.changed.sort()).toEqual(['A.md', 'B.md', 'Models/Deep/Attention Net.md']);
    expect(vault.exists('AI/Transformer.md')).toBe(false);
    expect(vault.read('Models/Deep/Attention Net.md')).toBe('# Transformer\n[own](../../Other/Ref.md)\n');
    expect(vault.read('A.md')).toBe('See [[Attention Net|the T]] and [[Attention Net#Heads]].\r\n');
    expect(vault.bytes('B.md').equals(Buffer.from('\uFEFF- [md](Models/Deep/Attention%20Net.md)\n- `[[Transformer]]`\n', 'utf8'))).toBe(true);
    expect(service.expected.map((e) => e.path)).toEqual(expect.arrayContaining(['AI/Transformer.md', 'A.md', 'B.md']));

    expect(await writer.undoRename(res.value.undoToken)).toEqual({ ok: true, value: null });
    const after = Object.fromEntries(
      vault
        .allFiles()
        .filter((f) => !f.startsWith('Models'))
        .map((f) => [f, vault.bytes(f)]),
    );
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [f, bytes] of Object.entries(before)) expect(after[f].equals(bytes)).toBe(true);
    expect(await writer.undoRename(res.value.undoToken)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('undo refuses when a rewritten note was edited since', async () => {
    const { writer } = await setup();
    const res = await writer.renameNote(vp('AI/Transformer.md'), vp('AI/T2.md'));
    if (!res.ok) throw new Error(res.error.message);
    vault.write('A.md', 'edited by hand\n');
    expect(await writer.undoRename(res.value.undoToken)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('A.md') } });
    expect(vault.read('A.md')).toBe('edited by hand\n');
    expect(vault.exists('AI/T2.md')).toBe(true);
  });

  test('refuses to overwrite an existing target', async () => {
    const { writer } = await setup();
    expect(await writer.renameNote(vp('AI/Transformer.md'), vp('C.md'))).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(vault.read('C.md')).toBe('no links\n');
    expect(await writer.renameNote(vp('Nope.md'), vp('D.md'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('a failure half-way reverts the move and the notes already rewritten', async () => {
    let renames = 0;
    const { writer } = await setup({
      fs: {
        ...nodeWriterFs,
        async rename(a: string, b: string) {
          // The first atomic replace (a linking note) succeeds, the second fails: disk full.
          if (++renames === 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          return nodeWriterFs.rename(a, b);
        },
      },
    });
    const before = Object.fromEntries(vault.allFiles().map((f) => [f, vault.bytes(f)]));
    const res = await writer.renameNote(vp('AI/Transformer.md'), vp('AI/T2.md'));
    expect(res).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('disk is full') } });
    const now = vault.allFiles();
    expect(now).toEqual(Object.keys(before).sort());
    for (const f of now) expect(vault.bytes(f).equals(before[f])).toBe(true);
  });
});

describe('updateLinksAfterExternalRename', () => {
  test('rewrites links when the move happened outside the app', async () => {
    const { writer } = await setup();
    (await import('node:fs')).renameSync(`${vault.root}/AI/Transformer.md`, `${vault.root}/AI/Renamed.md`);
    const res = await writer.updateLinksAfterExternalRename(vp('AI/Transformer.md'), vp('AI/Renamed.md'));
    expect(res).toEqual({ ok: true, value: ['A.md', 'B.md'] });
    expect(vault.read('A.md')).toBe('See [[Renamed|the T]] and [[Renamed#Heads]].\r\n');
  });
});
