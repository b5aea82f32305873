import { watch } from 'chokidar';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { VaultEvent } from '../../main/contract/api-contract';
import { hashText } from '../../main/service/files/read-vault-file';
import { isVaultOpenError } from '../../main/service/service-errors';
import { VaultService } from '../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir, until } from './temp-vault';
import { vp } from '../support/vault-path';

describe('VaultService', () => {
  const dirs: string[] = [];
  const services: VaultService[] = [];
  let cacheDir: string;
  beforeAll(() => {
    cacheDir = makeTempDir('plexus-cache-');
    dirs.push(cacheDir);
  });
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.close()));
  });
  afterAll(() => dirs.forEach(removeDir));

  async function open(files: Record<string, string | Buffer>, options: Parameters<typeof VaultService.open>[1] = {}) {
    const root = makeVault(files);
    dirs.push(root);
    const events: VaultEvent[] = [];
    const service = await VaultService.open(root, { cacheDir, workers: 0, ...options });
    services.push(service);
    service.onEvent((e) => events.push(e));
    return { root, service, events };
  }

  test('missing or non-folder roots are typed errors', async () => {
    const missing = VaultService.open('/definitely/not/here', { watch: false });
    await expect(missing).rejects.toMatchObject({ name: 'VaultOpenError', problem: 'missing' });
    const file = path.join(makeTempDir(), 'f.md');
    fs.writeFileSync(file, 'x');
    dirs.push(path.dirname(file));
    const error = await VaultService.open(file, { watch: false }).catch((e: unknown) => e);
    expect(isVaultOpenError(error) && error.problem).toBe('not-directory');
  });

  test('indexes notes and attachments, reads notes, reports problems', async () => {
    const progress: VaultEvent[] = [];
    const { service } = await open(
      {
        'A.md': '# A\r\nlinks [[B]] and ![[img.png]] #tag',
        'B.md': '---\naliases: [Bee]\n---\nbody',
        'img.png': 'png',
        'bad.md': Buffer.from([0x61, 0xff]),
        'big.md': 'x'.repeat(300),
      },
      { watch: false, maxFileBytes: 200, onProgress: (e) => progress.push(e) },
    );
    expect(service.listFiles().map((f) => [f.path, f.kind, f.title])).toEqual([
      ['A.md', 'note', 'A'],
      ['B.md', 'note', 'B'],
      ['bad.md', 'note', 'bad'],
      ['img.png', 'attachment', 'img.png'],
    ]);
    expect(progress[progress.length - 1]).toMatchObject({ type: 'status', status: { state: 'ready', notes: 3, links: 2 } });
    const note = service.readNote(vp('A.md'));
    if (!note.ok) throw new Error(note.error.message);
    expect(note.value).toMatchObject({ eol: '\r\n', decodeWarning: null, hash: hashText('# A\r\nlinks [[B]] and ![[img.png]] #tag') });
    expect(service.readNote(vp('big.md'))).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(service.readNote(vp('nope.md'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(service.getNoteMeta(vp('B.md'))).toMatchObject({ ok: true, value: { aliases: ['Bee'] } });
    expect(service.reports().map((r) => [r.path, r.problem])).toEqual(
      expect.arrayContaining([
        ['bad.md', 'invalid-utf8'],
        ['big.md', 'too-large'],
      ]),
    );
    expect(service.graph.backlinks(vp('B.md')).map((l) => l.source)).toEqual(['A.md']);
    const found = await service.search('body');
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.hits.map((h) => h.path)).toEqual(['B.md']);
    expect(found.value.hits[0].snippet).toContain('\uE000body\uE001');
  });

  test('warm start uses the cache; a changed file is re-parsed', async () => {
    const first = await open({ 'A.md': '[[B]]', 'B.md': 'b', 'bad.md': Buffer.from([0x5b, 0x5b, 0x42, 0x5d, 0x5d, 0xff]) }, { watch: false });
    const coldReports = first.service.reports();
    const coldSnapshot = first.service.graph.snapshot();
    await first.service.close();
    const warm = await VaultService.open(first.root, { cacheDir, workers: 0, watch: false });
    services.push(warm);
    expect(warm.reports().filter((r) => r.problem === 'cache')).toEqual([]);
    // Everything a cold index knew, including the invalid UTF-8 warning, survives the cache.
    expect(warm.reports()).toEqual(coldReports.filter((r) => r.problem !== 'cache'));
    expect(warm.reports().map((r) => [r.path, r.problem])).toEqual([['bad.md', 'invalid-utf8']]);
    expect(warm.graph.snapshot()).toEqual(coldSnapshot);
    await warm.close();
    fs.writeFileSync(path.join(first.root, 'A.md'), '[[C]] now');
    const after = await VaultService.open(first.root, { cacheDir, workers: 0, watch: false });
    services.push(after);
    expect(after.graph.outgoing(vp('A.md')).map((l) => l.target)).toEqual(['C']);
  });

  test('open returns before the watcher is ready; a change made meanwhile is caught once the watch is in place', async () => {
    const root = makeVault({ 'A.md': 'a' });
    dirs.push(root);
    let createdAt = -1;
    const service = await VaultService.open(root, {
      cacheDir,
      workers: 0,
      watcherOptions: {
        // A watcher that never reports anything: only the catch-up rescan can find the change.
        createWatcher: (dir, options) => {
          createdAt = Date.now();
          const real = watch(dir, options);
          const emitter = real as unknown as { emit(event: string, ...args: unknown[]): boolean };
          const emit = emitter.emit.bind(real);
          emitter.emit = (event, ...args) => (event === 'all' || event === 'add' || event === 'change' ? true : emit(event, ...args));
          return real;
        },
      },
    });
    services.push(service);
    expect(createdAt).toBeGreaterThan(0);
    fs.writeFileSync(path.join(root, 'New.md'), 'made while the watch was starting [[A]]');
    fs.writeFileSync(path.join(root, 'A.md'), 'a, edited meanwhile [[Elsewhere]]');
    await service.whenWatching();
    expect(service.graph.notePaths()).toEqual(['A.md', 'New.md']);
    expect(service.graph.backlinks(vp('A.md')).map((l) => l.source)).toEqual(['New.md']);
    expect(service.graph.outgoing(vp('A.md')).map((l) => l.target)).toEqual(['Elsewhere']);
  });

  test('closing while the watcher is still starting does not hang', async () => {
    const root = makeVault({ 'A.md': 'a' });
    dirs.push(root);
    const service = await VaultService.open(root, { cacheDir, workers: 0 });
    await service.close();
    await service.whenWatching();
  });

  test('an external edit updates the graph and is reported within 2 s; own writes are not', async () => {
    const { root, service, events } = await open({ 'A.md': 'a', 'B.md': 'b' });
    const began = Date.now();
    fs.writeFileSync(path.join(root, 'A.md'), 'now [[B]]');
    await until(() => events.some((e) => e.type === 'external-change'));
    expect(Date.now() - began).toBeLessThan(2000);
    expect(events.find((e) => e.type === 'external-change')).toEqual({ type: 'external-change', path: 'A.md', hash: hashText('now [[B]]'), deleted: false });
    expect(events.some((e) => e.type === 'graph')).toBe(true);
    expect(service.graph.backlinks(vp('B.md')).map((l) => l.source)).toEqual(['A.md']);
    // The status bar's counts follow the change (A gained a link).
    expect(events.filter((e) => e.type === 'status').pop()).toEqual({
      type: 'status',
      status: expect.objectContaining({ state: 'ready', notes: 2, links: 1 }),
    });
    fs.writeFileSync(path.join(root, 'C.md'), 'new note [[A]] [[B]]');
    await until(() => events.some((e) => e.type === 'status' && e.status.state === 'ready' && e.status.notes === 3));
    expect(events.filter((e) => e.type === 'status').pop()).toEqual({ type: 'status', status: expect.objectContaining({ notes: 3, links: 3 }) });

    events.length = 0;
    service.expectOwnWrite(vp('B.md'), hashText('ours'));
    fs.writeFileSync(path.join(root, 'B.md'), 'ours');
    await until(() => events.some((e) => e.type === 'files'));
    await service.settled();
    expect(events.filter((e) => e.type === 'external-change')).toEqual([]);
    expect(service.readNote(vp('B.md'))).toMatchObject({ ok: true, value: { content: 'ours' } });
  });

  test('an outside rename is paired and counts the notes linking to the old path', async () => {
    const { root, service, events } = await open({ 'Old.md': 'unique content', 'L1.md': '[[Old]]', 'L2.md': '[[Old]] [[Old]]' });
    fs.renameSync(path.join(root, 'Old.md'), path.join(root, 'New.md'));
    await until(() => events.some((e) => e.type === 'external-rename'));
    expect(events.find((e) => e.type === 'external-rename')).toEqual({ type: 'external-rename', from: 'Old.md', to: 'New.md', affected: 2 });
    expect(service.fileKind(vp('Old.md'))).toBeNull();
    expect(service.fileKind(vp('New.md'))).toBe('note');
  });

  test('an atomic save (temp + rename over the target) is a change, not delete + add', async () => {
    const { root, service, events } = await open({ 'A.md': 'one' });
    fs.writeFileSync(path.join(root, 'A.md.tmp'), 'two');
    fs.renameSync(path.join(root, 'A.md.tmp'), path.join(root, 'A.md'));
    await until(() => events.some((e) => e.type === 'external-change'));
    await new Promise((r) => setTimeout(r, 300));
    await service.settled();
    const kinds = events.filter((e) => e.type === 'external-change').map((e) => e.type === 'external-change' && e.deleted);
    expect(kinds).toEqual([false]);
    expect(events.filter((e) => e.type === 'files').flatMap((e) => (e.type === 'files' ? e.removed : []))).toEqual([]);
    expect(service.listFiles().map((f) => f.path)).toEqual(['A.md']);
  });

  test('2,000 files written at once: few batches, final graph equals a fresh index', async () => {
    const { root, service, events } = await open({ 'Hub.md': 'hub' }, { workers: 2 });
    fs.mkdirSync(path.join(root, 'bulk'));
    for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(root, 'bulk', `N${i}.md`), `[[Hub]] [[N${(i + 1) % 2000}]] #t${i % 3}`);
    // Generous: 2,000 watcher events and parses on a loaded 2-core machine.
    await until(() => service.listFiles().length === 2001, 90_000);
    await service.settled();
    expect(events.filter((e) => e.type === 'files').length).toBeLessThanOrEqual(50);
    const fresh = await VaultService.open(root, { cacheDir: null, workers: 0, watch: false });
    services.push(fresh);
    expect(service.graph.snapshot()).toEqual(fresh.graph.snapshot());
  }, 120_000);

  test('the vault folder deleted emits vault-error', async () => {
    const { root, events } = await open({ 'A.md': 'a' });
    fs.rmSync(root, { recursive: true, force: true });
    await until(() => events.some((e) => e.type === 'vault-error'));
  });
});
