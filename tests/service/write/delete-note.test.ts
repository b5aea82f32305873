import type { RewriteDeps } from '../../../main/core/rewrite/plan-rename-edits';
import { FakeService, makeTempVault, openWriter, type TempVault } from './writer-fixture';
import { openNoteWriter } from '../../../main/service/write/note-writer';
import { vp } from '../../support/vault-path';

let vault: TempVault;
afterEach(() => vault.cleanup());

describe('deleteNote', () => {
  test('moves the note into .trash/ under a unique name and reports who links to it', async () => {
    vault = makeTempVault({ 'A.md': 'first\n', 'Sub/A.md': 'second\n', 'B.md': '[[A]]\n', 'C.md': 'none\n' });
    // A graph double whose only link is B -> A, resolved by exact name.
    const links: Record<string, { target: string; kind: 'wiki' }[]> = { 'B.md': [{ target: 'A', kind: 'wiki' }] };
    const service = new FakeService({
      notePaths: () => [vp('A.md'), vp('Sub/A.md'), vp('B.md'), vp('C.md')],
      attachmentPaths: () => [],
      getNote: (p) => ({ links: links[p] ?? [] }),
    });
    const rewrite: RewriteDeps = {
      parse: () => ({ links: [] }),
      resolverFor: () => ({ resolve: (_s, t) => (t === 'A' ? vp('A.md') : null) }),
    };
    const writer = await openNoteWriter({ root: vault.root, service, rewrite });
    expect(await writer.deleteNote(vp('A.md'))).toEqual({ ok: true, value: { linkedFrom: ['B.md'] } });
    expect(await writer.deleteNote(vp('Sub/A.md'))).toEqual({ ok: true, value: { linkedFrom: [] } });
    expect(vault.read('.trash/A.md')).toBe('first\n');
    expect(vault.read('.trash/A 1.md')).toBe('second\n');
    expect(vault.exists('A.md')).toBe(false);
    expect(service.expected).toEqual([
      { path: 'A.md', hash: null },
      { path: 'Sub/A.md', hash: null },
    ]);
  });

  test('uses the injected trashItem (the OS trash in Electron)', async () => {
    vault = makeTempVault({ 'A.md': 'x\n' });
    const trashed: string[] = [];
    const { writer } = await openWriter(vault, {
      trashItem: async (abs) => {
        trashed.push(abs);
      },
    });
    expect((await writer.deleteNote(vp('A.md'))).ok).toBe(true);
    expect(trashed).toEqual([`${vault.root}/A.md`]);
  });

  test('a failing trash is an io-error and the note stays', async () => {
    vault = makeTempVault({ 'A.md': 'x\n' });
    const { writer } = await openWriter(vault, {
      trashItem: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    });
    expect(await writer.deleteNote(vp('A.md'))).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('trash') } });
    expect(vault.read('A.md')).toBe('x\n');
    expect(await writer.deleteNote(vp('Missing.md'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
