import { VaultGraph } from '../../../main/core/graph/vault-graph';
import { cacheFileFor } from '../../../main/service/cache/cache-dir';
import { indexVault } from '../../../main/service/index/index-vault';
import { loadParseCache, saveParseCache } from '../../../main/service/cache/parse-cache';
import { ParsePool } from '../../../main/service/index/parse-pool';
import { changeWhileClosed, CLOSED_VAULT_FILES, CLOSED_VAULT_MAX_BYTES } from '../closed-vault-changes';
import { makeTempDir, makeVault, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

const MAX_BYTES = CLOSED_VAULT_MAX_BYTES;

async function index(root: string, cacheFile: string | null, pool: ParsePool) {
  const graph = new VaultGraph();
  const outcome = await indexVault(root, { pool, graph, maxFileBytes: MAX_BYTES, cacheFile, onProgress: () => undefined });
  return { graph, outcome };
}

/** Indexes with the cache and without it; everything observable must agree. */
async function expectSameAsCold(root: string, cacheFile: string, pool: ParsePool) {
  const warm = await index(root, cacheFile, pool);
  const cold = await index(root, null, pool);
  expect(warm.graph.snapshot()).toEqual(cold.graph.snapshot());
  expect(warm.graph.stats()).toEqual(cold.graph.stats());
  for (const note of cold.graph.notePaths()) {
    expect(warm.graph.outgoing(note)).toEqual(cold.graph.outgoing(note));
    expect(warm.graph.backlinks(note)).toEqual(cold.graph.backlinks(note));
  }
  expect(warm.outcome.state.sortedFiles()).toEqual(cold.outcome.state.sortedFiles());
  expect(warm.outcome.state.reports()).toEqual(cold.outcome.state.reports().filter((r) => r.problem !== 'cache'));
  return warm;
}

describe('indexVault with a parse cache (graph built from the cache while the folder is scanned)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  const withResolutions = (graph: VaultGraph) => ({
    graph: { attachments: graph.attachmentPaths(), resolutionsOf: (path: VaultPath) => graph.outgoing(path) },
  });

  test.each([
    [0, 'stored resolutions'],
    [1, 'stored resolutions'],
    [0, 'no stored resolutions'],
  ])('changes made while the app was closed are all reflected (workers: %i, %s)', async (workers, variant) => {
    const root = makeVault(CLOSED_VAULT_FILES);
    const cacheDir = makeTempDir('plexus-cache-');
    dirs.push(root, cacheDir);
    const cacheFile = cacheFileFor(cacheDir, root);
    const pool = new ParsePool({ size: workers });
    try {
      const first = await index(root, cacheFile, pool);
      await saveParseCache(cacheFile, root, first.outcome.state.notes, variant === 'stored resolutions' ? withResolutions(first.graph) : {});
      expect(loadParseCache(cacheFile, root).stored !== null).toBe(variant === 'stored resolutions');

      changeWhileClosed(root);

      const warm = await expectSameAsCold(root, cacheFile, pool);
      expect(warm.outcome.cacheHits).toBe(4); // A, Stays, Sub/Dup and Linker
      expect(warm.graph.hasFile('Gone.md')).toBe(false);
      expect(warm.graph.resolve(vp('Linker.md'), 'Dup').resolved).toBe('Dup.md');
      expect(warm.graph.outgoing(vp('A.md')).map((l) => l.resolved)).toEqual(['B.md', null, 'pic.png', 'Later.md']);
      expect(warm.outcome.state.reports().map((r) => [r.path, r.problem])).toEqual([['Shrinks.md', 'too-large']]);
      expect(warm.outcome.cacheDirty).toBe(true);
    } finally {
      await pool.close();
    }
  });

  test('an unchanged vault is a pure cache hit and needs no rewrite of the cache', async () => {
    const root = makeVault({ 'A.md': '[[B]] [[Nowhere]]', 'B.md': 'b', 'img.png': 'png', 'C.md': '![[img.png]]' });
    const cacheDir = makeTempDir('plexus-cache-');
    dirs.push(root, cacheDir);
    const cacheFile = cacheFileFor(cacheDir, root);
    const pool = new ParsePool({ size: 0 });
    const first = await index(root, cacheFile, pool);
    await saveParseCache(cacheFile, root, first.outcome.state.notes, withResolutions(first.graph));
    expect(loadParseCache(cacheFile, root).stored?.attachments).toEqual(['img.png']);
    const warm = await expectSameAsCold(root, cacheFile, pool);
    expect(warm.outcome).toMatchObject({ cacheHits: 3, parsedFresh: 0, cacheDirty: false });
    await pool.close();
  });
});
