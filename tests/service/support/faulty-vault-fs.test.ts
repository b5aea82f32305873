/**
 * The fault wrapper at the storage port, under the real writer and handlers: each fault fails
 * the writes it names with the writer's own io-error wording, leaves the vault as it was (no
 * half-written note, no temp file), and leaves the other kind of write alone.
 */
import { hashText } from '../../../main/service/files/read-vault-file';
import { MemoryVaultFs } from '../../../main/service/files/memory-vault-fs';
import { openMemoryVault, type MemoryVault } from '../memory-vault';
import { FaultyVaultFs } from './faulty-vault-fs';
import { vp } from '../../support/vault-path';

let vault: MemoryVault | null = null;
afterEach(async () => {
  await vault?.close();
  vault = null;
});

async function open() {
  const memory = new MemoryVaultFs();
  const faults = new FaultyVaultFs(memory);
  vault = await openMemoryVault({ 'Note.md': 'old' }, { fs: memory, port: faults });
  const { handlers } = vault;
  return {
    faults,
    memory,
    replace: () => handlers.writeNote(vp('Note.md'), 'new', hashText('old')),
    create: () => handlers.createNote(vp('Fresh.md'), 'fresh'),
    files: () => memory.files().map((abs) => [abs, memory.readText(abs)]),
  };
}

type Setup = Awaited<ReturnType<typeof open>>;

test.each([
  {
    name: 'failNextWrite: the next write over a note fails (the disk is full), the one after succeeds',
    arm: (s: Setup) => s.faults.failNextWrite('ENOSPC'),
    replace: /^could not save "Note\.md": the disk is full \(ENOSPC: no space left on device, write\)$/,
    create: null,
    again: true,
  },
  {
    name: 'failWrites: every write over a note fails (permission denied); new files are made',
    arm: (s: Setup) => s.faults.failWrites('EACCES'),
    replace: /^could not save "Note\.md": permission denied \(EACCES: permission denied, open '\/vault\/\.Note\.md\.[0-9a-f]+\.plexus-tmp'\)$/,
    create: null,
    again: false,
  },
  {
    name: 'failCreates: no new file can be made (read-only); notes are still written over',
    arm: (s: Setup) => s.faults.failCreates('EROFS'),
    replace: null,
    create: /^could not save "Fresh\.md": the file system is read-only \(EROFS: read-only file system, open '\/vault\/\.Fresh\.md\.[0-9a-f]+\.plexus-tmp'\)$/,
    again: false,
  },
])('$name', async ({ arm, replace, create, again }) => {
  const setup = await open();
  const before = setup.files();
  arm(setup);

  const created = await setup.create();
  if (create === null) expect(created.ok).toBe(true);
  else {
    expect(created).toEqual({ ok: false, error: { code: 'io-error', message: expect.stringMatching(create) } });
    expect(setup.files()).toEqual(before);
  }

  const replaced = await setup.replace();
  if (replace === null) expect(replaced.ok).toBe(true);
  else {
    expect(replaced).toEqual({ ok: false, error: { code: 'io-error', message: expect.stringMatching(replace) } });
    expect(setup.memory.readText('/vault/Note.md')).toBe('old');
    // The writer removed its temp file: only the notes are there.
    expect(setup.files().map(([abs]) => abs)).toEqual(created.ok ? ['/vault/Fresh.md', '/vault/Note.md'] : ['/vault/Note.md']);
    expect((await setup.replace()).ok).toBe(again);
  }
});

test('heal: after it, every write succeeds; what failed is listed by target and kind', async () => {
  const setup = await open();
  setup.faults.failWrites('EIO');
  setup.faults.failCreates('EIO');
  expect((await setup.replace()).ok).toBe(false);
  expect((await setup.create()).ok).toBe(false);
  expect(setup.faults.failed).toEqual([
    { target: '/vault/Note.md', kind: 'write', code: 'EIO' },
    { target: '/vault/Fresh.md', kind: 'create', code: 'EIO' },
  ]);
  setup.faults.heal();
  expect((await setup.replace()).ok).toBe(true);
  expect((await setup.create()).ok).toBe(true);
  expect(setup.memory.readText('/vault/Note.md')).toBe('new');
  expect(setup.memory.readText('/vault/Fresh.md')).toBe('fresh');
});
