/**
 * The watcher under stress on real temp folders: a git-checkout-sized burst of 5,000 changes
 * must leave the graph equal to a fresh index of the final files; EMFILE from the OS watcher
 * falls back to polling with a notice; sync-tool conflict copies are ordinary notes; a 50 MB
 * file is reported too large and skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { watch } from 'chokidar';
import type { VaultEvent } from '../../main/contract/api-contract';
import { VaultService } from '../../main/service/vault-service';
import { makeVault, removeDir } from '../service/temp-vault';
import { vp } from '../support/vault-path';

jest.setTimeout(90_000);

const open = (root: string, extra: Parameters<typeof VaultService.open>[1] = {}) => VaultService.open(root, { cacheDir: null, workers: 0, ...extra });

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

function note(i: number, generation: string): string {
  return `# N${i} ${generation}\n\n[[N${(i * 7) % 3000}]] [[N${(i + 1) % 3000}|next]] #g-${generation}\n`;
}

test('5,000 changes in a burst (like a git checkout) end in the same graph as a fresh index', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 3000; i++) files[`d${i % 30}/N${i}.md`] = note(i, 'a');
  const root = makeVault(files);
  const service = await open(root);
  try {
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    for (let i = 0; i < 1000; i++) fs.rmSync(path.join(root, `d${i % 30}`, `N${i}.md`)); // 1,000 deletes
    for (let i = 1000; i < 2000; i++) write(`d${i % 30}/N${i}.md`, note(i, 'b')); // 1,000 edits
    for (let i = 3000; i < 6000; i++) write(`new${i % 40}/N${i}.md`, note(i, 'c')); // 3,000 adds
    fs.rmSync(path.join(root, 'd29'), { recursive: true }); // and a whole folder vanishes
    const fresh = await open(root, { watch: false });
    const expected = JSON.stringify(fresh.graph.snapshot());
    await fresh.close();
    const settled = await until(() => JSON.stringify(service.graph.snapshot()) === expected, 60_000);
    expect(settled).toBe(true);
  } finally {
    await service.close();
    removeDir(root);
  }
});

test('EMFILE from the OS watcher falls back to polling and tells the user', async () => {
  const root = makeVault({ 'A.md': '# A\n' });
  const created: ReturnType<typeof watch>[] = [];
  const service = await open(root, {
    watcherOptions: {
      createWatcher: (dir, options) => {
        const instance = watch(dir, options);
        created.push(instance);
        return instance;
      },
    },
  });
  const notices: string[] = [];
  service.onEvent((event: VaultEvent) => event.type === 'notice' && notices.push(event.message));
  try {
    created[0].emit('error', Object.assign(new Error('EMFILE: too many open files, watch'), { code: 'EMFILE' }));
    expect(await until(() => notices.some((m) => /polling/i.test(m)), 10_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // the polling watcher's initial scan
    fs.writeFileSync(path.join(root, 'B.md'), '# B\n\n[[A]]\n');
    expect(await until(() => service.graph.notePaths().includes(vp('B.md')), 15_000)).toBe(true);
  } finally {
    await service.close();
    removeDir(root);
  }
});

test('sync-tool conflict copies are indexed as ordinary notes', async () => {
  const conflict = 'Note.sync-conflict-20240101-120000-ABCDEF.md';
  const root = makeVault({ 'Note.md': '# Note\n', [conflict]: '# Copy\n\n[[Note]]\n', 'Note (conflicted copy 2024-01-01).md': '[[Note]]\n' });
  const service = await open(root, { watch: false });
  try {
    expect(service.graph.notePaths()).toEqual(expect.arrayContaining([conflict, 'Note (conflicted copy 2024-01-01).md']));
    expect(
      service.graph
        .backlinks(vp('Note.md'))
        .map((l) => l.source)
        .sort(),
    ).toEqual(['Note (conflicted copy 2024-01-01).md', conflict]);
  } finally {
    await service.close();
    removeDir(root);
  }
});

test('a 50 MB single-line note is reported too large and skipped; the rest indexes', async () => {
  const root = makeVault({ 'Small.md': '# Small\n\n[[Huge]]\n' });
  fs.writeFileSync(path.join(root, 'Huge.md'), Buffer.alloc(50 * 1024 * 1024, '[[x]] '));
  const service = await open(root, { watch: false });
  try {
    expect(service.reports()).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'Huge.md', problem: 'too-large' })]));
    expect(service.graph.getNote(vp('Huge.md'))).toBeUndefined();
    expect(service.graph.getNote(vp('Small.md'))).toBeDefined();
  } finally {
    await service.close();
    removeDir(root);
  }
});
