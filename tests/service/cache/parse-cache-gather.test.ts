import { parseNote } from '../../../main/core/parse/parse-note';
import type { Resolution } from '../../../main/core/resolve/resolve-link';
import type { CacheEntry, GraphForCache } from '../../../main/service/cache/parse-cache';
import { GATHER_SLICE, gatherEntries } from '../../../main/service/cache/parse-cache-gather';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

/** The save's first step over a large vault: in slices, and from one state of the graph. */
describe('gatherEntries', () => {
  const entries = new Map<VaultPath, CacheEntry>(
    Array.from({ length: 2 * GATHER_SLICE + 1 }, (_, i) => {
      const p = vp(`N${i}.md`);
      return [p, { size: 1, mtimeMs: i, hash: `h${i}`, decodeWarning: null, safeMode: null, parsed: parseNote(p, `# ${i}\n`) }];
    }),
  );
  const lastPath = `N${2 * GATHER_SLICE}.md`;

  /** A graph whose resolutions are those of its current state (one array per state, told apart by identity). */
  function graphOf(changeCount: boolean) {
    const graph = { state: 0, arrays: [[], [], []] as Resolution[][], readLastAt: [] as number[], turns: 0 };
    const port: GraphForCache = {
      attachments: [],
      resolutionsOf: (path) => {
        if (path === lastPath) graph.readLastAt.push(graph.turns);
        return graph.arrays[graph.state];
      },
      ...(changeCount ? { changeCount: () => graph.state } : {}),
    };
    return { graph, port };
  }

  test('the event loop turns between slices when the graph counts its changes', async () => {
    const { graph, port } = graphOf(true);
    const tick = () => {
      graph.turns++;
      if (graph.readLastAt.length === 0) setImmediate(tick);
    };
    setImmediate(tick);
    const gathered = await gatherEntries(entries, port);
    expect(graph.readLastAt[0]).toBeGreaterThan(0);
    expect(gathered.kept).toHaveLength(entries.size);
    expect(gathered.complete).toBe(true);
  });

  test('without a change count, in one go (nothing could tell a graph changed midway)', async () => {
    const { graph, port } = graphOf(false);
    setImmediate(() => graph.turns++);
    await gatherEntries(entries, port);
    expect(graph.readLastAt).toEqual([0]);
  });

  test('a graph changed between slices is gathered again, so every resolution is of one state', async () => {
    const { graph, port } = graphOf(true);
    // As a watcher batch applied between two slices would.
    setImmediate(() => graph.state++);
    const gathered = await gatherEntries(entries, port);
    expect(graph.state).toBe(1);
    expect(gathered.kept.every((k) => k.resolutions === graph.arrays[1])).toBe(true);
    expect(gathered.kept).toHaveLength(entries.size);
  });
});
