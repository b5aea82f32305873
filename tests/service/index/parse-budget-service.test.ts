/** The vault service with notes whose parse runs over the budget: open, updates, warm start, close and abort. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VaultService, type VaultServiceOptions } from '../../../main/service/vault-service';
import { hangMark, hangWhen, SLOW_PARSER_MODULE } from '../slow-parser';
import { makeTempDir, makeVault, removeDir, until } from '../temp-vault';
import { vp } from '../../support/vault-path';

const BUDGET_REASON = 'parsing took longer than the 300 ms budget';

describe('VaultService with a parse budget', () => {
  const dirs: string[] = [];
  const services: VaultService[] = [];
  afterEach(async () => {
    for (const service of services.splice(0)) await service.close();
    for (const dir of dirs.splice(0)) removeDir(dir);
  });

  function tempDir(prefix: string): string {
    const dir = makeTempDir(prefix);
    dirs.push(dir);
    return dir;
  }

  async function open(root: string, options: VaultServiceOptions): Promise<VaultService> {
    const service = await VaultService.open(root, { parserModule: SLOW_PARSER_MODULE, ...options });
    services.push(service);
    return service;
  }

  test('a note over budget is indexed from the safe-mode scan and flagged; the others in full; a warm start keeps the flag', async () => {
    const root = makeVault({
      'A.md': '---\naliases: [Alpha]\n---\n# A\nlinks [[B]]\n',
      'B.md': '# B\n',
      'Slow.md': `---\naliases: [Never read]\n---\n# Slow\n${hangMark()} [[A]] and [b](B.md) #slow\n`,
    });
    dirs.push(root);
    const cacheDir = tempDir('plexus-cache-');
    const service = await open(root, { cacheDir, watch: false, parseBudgetMs: 300 });
    expect(service.graph.notePaths()).toEqual(['A.md', 'B.md', 'Slow.md']);
    const a = service.getNoteMeta(vp('A.md'));
    expect(a.ok && [a.value.aliases, a.value.safeMode]).toEqual([['Alpha'], null]);
    expect(service.getNoteMeta(vp('Slow.md'))).toEqual({
      ok: true,
      value: expect.objectContaining({ safeMode: BUDGET_REASON, tags: ['slow'], aliases: [], frontmatter: null }),
    });
    expect(service.graph.outgoing(vp('Slow.md')).map((l) => [l.target, l.resolved])).toEqual([
      ['A', 'A.md'],
      ['B.md', 'B.md'],
    ]);
    expect(service.graph.backlinks(vp('A.md')).map((l) => l.source)).toEqual(['Slow.md']);
    expect(service.safeModeNotes()).toEqual([{ path: 'Slow.md', reason: BUDGET_REASON }]);
    await service.close();
    services.splice(0);

    // Warm, with the real parser (which would parse Slow.md in full): the cached safe-mode parse is used and still said.
    const warm = await VaultService.open(root, { cacheDir, watch: false });
    services.push(warm);
    expect(warm.safeModeNotes()).toEqual([{ path: 'Slow.md', reason: BUDGET_REASON }]);
    expect(warm.graph.backlinks(vp('A.md')).map((l) => l.source)).toEqual(['Slow.md']);
  });

  test('a note changed on disk goes through the budget too, and leaves safe mode once it parses', async () => {
    const root = makeVault({ 'A.md': '# A\n' });
    dirs.push(root);
    const service = await open(root, { cacheDir: null, parseBudgetMs: 300 });
    await service.whenWatching();
    fs.writeFileSync(path.join(root, 'Later.md'), `${hangMark()} links [[A]]\n`);
    await until(() => service.getNoteMeta(vp('Later.md')).ok, 20_000);
    expect(service.getNoteMeta(vp('Later.md'))).toEqual({ ok: true, value: expect.objectContaining({ safeMode: BUDGET_REASON }) });
    expect(service.graph.backlinks(vp('A.md')).map((l) => l.source)).toEqual(['Later.md']);
    fs.writeFileSync(path.join(root, 'Later.md'), 'fine now [[A]] #ok\n');
    await until(() => {
      const meta = service.getNoteMeta(vp('Later.md'));
      return meta.ok && meta.value.safeMode === null;
    }, 20_000);
    expect(service.safeModeNotes()).toEqual([]);
    expect(service.getNoteMeta(vp('Later.md'))).toEqual({ ok: true, value: expect.objectContaining({ tags: ['ok'] }) });
  });

  test('a note touched on disk whose parse now runs over budget keeps its full parse (same bytes)', async () => {
    const switchFile = path.join(tempDir('plexus-switch-'), 'hang-now');
    const root = makeVault({ 'A.md': '# A\n', 'Note.md': `${hangWhen(switchFile)} [[A]] #full\n` });
    dirs.push(root);
    const service = await open(root, { cacheDir: null, parseBudgetMs: 300 });
    await service.whenWatching();
    expect(service.getNoteMeta(vp('Note.md'))).toEqual({ ok: true, value: expect.objectContaining({ safeMode: null, tags: ['full'] }) });
    fs.writeFileSync(switchFile, '');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'Note.md'), later, later);
    // The file system keeps the time in ns: read back, mtimeMs can be 0.001 ms off the Date we set.
    await until(() => Math.abs((service.listFiles().find((f) => f.path === 'Note.md')?.mtimeMs ?? 0) - later.getTime()) < 1, 20_000);
    expect(service.getNoteMeta(vp('Note.md'))).toEqual({ ok: true, value: expect.objectContaining({ safeMode: null, tags: ['full'] }) });
    expect(service.safeModeNotes()).toEqual([]);
  });

  test('close() does not wait for an update whose parse is still running', async () => {
    const root = makeVault({ 'A.md': '# A\n' });
    dirs.push(root);
    const signal = path.join(tempDir('plexus-signal-'), 'started');
    // A budget longer than the test's timeout: only stopping the parse lets close() return.
    const service = await open(root, { cacheDir: null, parseBudgetMs: 120_000 });
    const notices: string[] = [];
    service.onEvent((event) => event.type === 'notice' && notices.push(event.message));
    await service.whenWatching();
    fs.writeFileSync(path.join(root, 'Hang.md'), `${hangMark(signal)}\n`);
    await until(() => fs.existsSync(signal), 20_000);
    await service.close();
    expect(notices).toEqual([]);
  });

  test('aborting an open whose parse is still running stops it', async () => {
    const root = makeVault({ 'A.md': '# A\n' });
    dirs.push(root);
    const signal = path.join(tempDir('plexus-signal-'), 'started');
    fs.writeFileSync(path.join(root, 'Hang.md'), `${hangMark(signal)}\n`);
    const controller = new AbortController();
    const opening = VaultService.open(root, { cacheDir: null, parseBudgetMs: 120_000, parserModule: SLOW_PARSER_MODULE, signal: controller.signal });
    opening.catch(() => undefined);
    await until(() => fs.existsSync(signal), 20_000);
    controller.abort();
    await expect(opening).rejects.toThrow('parse pool closed');
  });
});
