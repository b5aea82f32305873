/**
 * awaitDiskCheck: false (what the apps use): with a complete cache, open resolves once the graph
 * is built from it, and the scan for changes made while the vault was closed is applied after,
 * as ordinary change events. Once settled, the service must match a cold index exactly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { VaultEvent } from '../../main/contract/api-contract';
import { cacheFileFor } from '../../main/service/cache/cache-dir';
import { loadParseCache } from '../../main/service/cache/parse-cache';
import { ParsePool } from '../../main/service/index/parse-pool';
import { VaultService } from '../../main/service/vault-service';

const realScan = ParsePool.prototype.scan;
import { changeWhileClosed, CLOSED_VAULT_FILES, CLOSED_VAULT_MAX_BYTES } from './closed-vault-changes';
import { makeTempDir, makeVault, removeDir } from './temp-vault';
import { vp } from '../support/vault-path';

const MAX_BYTES = CLOSED_VAULT_MAX_BYTES;

describe('open without waiting for the disk check', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  test('changes made while closed arrive as updates after open, and the result equals a cold index', async () => {
    const root = makeVault(CLOSED_VAULT_FILES);
    const cacheDir = makeTempDir('plexus-cache-');
    dirs.push(root, cacheDir);
    const options = { cacheDir, watch: false, maxFileBytes: MAX_BYTES, workers: 0 };

    const first = await VaultService.open(root, options);
    await first.close(); // writes the cache, with the attachments' sizes and mtimes
    expect(loadParseCache(cacheFileFor(cacheDir, first.realRoot), first.realRoot).stored?.attachmentStats).toEqual([
      { size: 3, mtimeMs: fs.statSync(path.join(root, 'old.png')).mtimeMs },
    ]);

    changeWhileClosed(root);

    const events: VaultEvent[] = [];
    const warm = await VaultService.open(root, { ...options, awaitDiskCheck: false });
    const off = warm.onEvent((event) => events.push(event));
    try {
      // Open resolved with the graph from the cache: the deleted note is still there (the disk
      // check needs file reads, which cannot have finished within open's own continuation).
      expect(warm.graph.hasFile('Gone.md')).toBe(true);
      expect(warm.getStatus()).toMatchObject({ state: 'ready', notes: 7 });

      await warm.settled();
      const cold = await VaultService.open(root, { ...options, cacheDir: null });
      try {
        expect(warm.graph.snapshot()).toEqual(cold.graph.snapshot());
        expect(warm.graph.stats()).toEqual(cold.graph.stats());
        for (const note of cold.graph.notePaths()) expect(warm.graph.backlinks(note)).toEqual(cold.graph.backlinks(note));
        expect(warm.listFiles()).toEqual(cold.listFiles());
        expect(warm.reports().map((r) => [r.path, r.problem])).toEqual([['Shrinks.md', 'too-large']]);
        expect(warm.graph.resolve(vp('Linker.md'), 'Dup').resolved).toBe('Dup.md');
      } finally {
        await cold.close();
      }
      // The corrections were announced like any change on disk.
      const graphEvents = events.filter((e): e is Extract<VaultEvent, { type: 'graph' }> => e.type === 'graph');
      expect(graphEvents.flatMap((e) => e.delta.nodesRemoved)).toContain('Gone.md');
      expect(graphEvents.flatMap((e) => e.delta.nodesAdded.map((n) => n.id))).toEqual(expect.arrayContaining(['Later.md', 'Dup.md', 'pic.png']));
      expect(warm.getStatus()).toMatchObject({ state: 'ready', notes: 7 });
    } finally {
      off();
      await warm.close();
    }
  });

  test('without a usable cache, open still waits for the full index', async () => {
    const root = makeVault({ 'A.md': '[[B]]', 'B.md': 'b', 'x.png': 'png' });
    const cacheDir = makeTempDir('plexus-cache-');
    dirs.push(root, cacheDir);
    const service = await VaultService.open(root, { cacheDir, watch: false, workers: 0, awaitDiskCheck: false });
    try {
      expect(service.graph.notePaths()).toEqual(['A.md', 'B.md']);
      expect(service.listFiles().map((f) => f.path)).toEqual(['A.md', 'B.md', 'x.png']);
    } finally {
      await service.close();
    }
  });

  test('the deferred scan runs on this thread in slices, and search is built from the checked notes', async () => {
    const root = makeVault({ 'A.md': '[[B]] alpha', 'B.md': 'b', 'x.png': 'png' });
    const cacheDir = makeTempDir('plexus-cache-');
    dirs.push(root, cacheDir);
    const options = { cacheDir, watch: false, workers: 1 };
    await (await VaultService.open(root, options)).close();
    fs.writeFileSync(path.join(root, 'A.md'), '[[B]] omega, written while closed');
    const scans: unknown[] = [];
    const scan = jest.spyOn(ParsePool.prototype, 'scan').mockImplementation(function (this: ParsePool, ...args) {
      scans.push(args[1]);
      return realScan.apply(this, args);
    });
    const warm = await VaultService.open(root, { ...options, awaitDiskCheck: false });
    try {
      // No worker boots for it: a worker's heap at 50k notes cost more than the scan (docs/benchmarks.md).
      expect(scans).toEqual([{ onWorker: false, sliceMs: expect.any(Number) }]);
      await warm.settled();
      const found = await warm.search('omega');
      expect(found.ok && found.value.hits.map((h) => h.path)).toEqual(['A.md']);
    } finally {
      scan.mockRestore();
      await warm.close();
    }
  });
});
