/**
 * listFiles and getSwitcherItems are kept between calls (main/service/kept-answer.ts), so a host
 * can keep their JSON too; a change to the vault must never leave the old answer served.
 */
import { keptAnswer } from '../../main/service/kept-answer';
import { vp } from '../support/vault-path';
import { openMemoryVault, type MemoryVault } from './memory-vault';

describe('keptAnswer', () => {
  test('computes again when any source changes, and freezes what it gives', () => {
    let count = 0;
    const owner = {};
    let computed = 0;
    const answer = keptAnswer(
      () => [owner, count],
      () => {
        computed++;
        return [count];
      },
    );
    const first = answer();
    expect(answer()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    count++;
    expect(answer()).toEqual([1]);
    expect(computed).toBe(2);
  });

  test('a new source object with the same count is a change (a vault indexed again starts its count over)', () => {
    let owner = {};
    const answer = keptAnswer(
      () => [owner, 0],
      () => [owner],
    );
    const first = answer();
    owner = {};
    expect(answer()).not.toBe(first);
    expect(answer()[0]).toBe(owner);
  });
});

describe('the handlers over a vault', () => {
  let vault: MemoryVault;

  beforeEach(async () => {
    vault = await openMemoryVault(
      { 'a.md': 'first', 'b.md': '---\naliases: [bee]\n---\nb' },
      { service: { watcherOptions: { quietMs: 5, reconcile: { everyMs: 60_000 } } } },
    );
    await vault.service.whenWatching();
  });
  afterEach(() => vault.close());

  async function delivered(): Promise<void> {
    await vault.fs.reported();
    await vault.service.settled();
  }

  test('an unchanged vault answers with the same (frozen) list and items', async () => {
    const files = await vault.handlers.listFiles();
    const items = await vault.handlers.getSwitcherItems();
    expect(await vault.handlers.listFiles()).toBe(files);
    expect(await vault.handlers.getSwitcherItems()).toBe(items);
    expect(Object.isFrozen(files) && Object.isFrozen(items)).toBe(true);
  });

  test('an edit on disk: the next listFiles shows its size, the next items its new alias', async () => {
    const before = await vault.handlers.listFiles();
    await vault.handlers.getSwitcherItems();
    vault.fs.writeFileSync(vault.abs('a.md'), '---\naliases: [ay]\n---\nsecond, and longer');
    await delivered();
    const after = await vault.handlers.listFiles();
    expect(after).not.toBe(before);
    expect(after.find((f) => f.path === 'a.md')?.size).toBe('---\naliases: [ay]\n---\nsecond, and longer'.length);
    expect((await vault.handlers.getSwitcherItems()).find((i) => i.path === 'a.md')?.aliases).toEqual(['ay']);
  });

  test('a note added, an attachment added, a note removed: each shows in the next answers', async () => {
    await vault.handlers.listFiles();
    await vault.handlers.getSwitcherItems();
    vault.fs.writeFileSync(vault.abs('c.md'), 'c');
    vault.fs.writeFileSync(vault.abs('pic.png'), 'png');
    await delivered();
    expect((await vault.handlers.listFiles()).map((f) => f.path)).toEqual(['a.md', 'b.md', 'c.md', 'pic.png']);
    expect((await vault.handlers.getSwitcherItems()).map((i) => i.path)).toEqual(['a.md', 'b.md', 'c.md']);
    vault.fs.removeSync(vault.abs('b.md'));
    await delivered();
    expect((await vault.handlers.listFiles()).map((f) => f.path)).toEqual(['a.md', 'c.md', 'pic.png']);
    expect((await vault.handlers.getSwitcherItems()).map((i) => i.path)).toEqual(['a.md', 'c.md']);
  });

  test('a save through the API shows in the next listFiles', async () => {
    await vault.handlers.listFiles();
    const read = await vault.handlers.readNote(vp('a.md'));
    if (!read.ok) throw new Error(read.error.message);
    const saved = await vault.handlers.writeNote(vp('a.md'), 'saved through the app, longer than before', read.value.hash);
    expect(saved.ok).toBe(true);
    // The writer's own change reaches the index through the change queue, as a watcher batch does.
    await delivered();
    expect((await vault.handlers.listFiles()).find((f) => f.path === 'a.md')?.size).toBe('saved through the app, longer than before'.length);
  });
});
