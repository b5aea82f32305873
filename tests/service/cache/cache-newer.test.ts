/** A parse cache written by a newer Plexus: ignored with a notice, never read, never written over. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { VaultEvent } from '../../../main/contract/api-contract';
import { cacheFileFor } from '../../../main/service/cache/cache-dir';
import { cacheVersionOf, isNewerCache } from '../../../main/service/cache/cache-version';
import { CACHE_FORMAT, loadParseCache, PARSER_VERSION } from '../../../main/service/cache/parse-cache';
import { VaultService } from '../../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir, until } from '../temp-vault';
import { vp } from '../../support/vault-path';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** A vault indexed once, so its cache file exists; returns the vault, the cache file and its bytes. */
async function indexedVault() {
  const root = makeVault({ 'A.md': '# A\n[[B]]\n', 'B.md': '# B\n[[A]]\n', 'C.md': '# C\n' });
  const cacheDir = makeTempDir('plexus-cache-');
  dirs.push(root, cacheDir);
  const first = await VaultService.open(root, { watch: false, workers: 0, cacheDir });
  await first.close();
  const file = cacheFileFor(cacheDir, root);
  return { root, cacheDir, file, bytes: fs.readFileSync(file, 'latin1') };
}

/** The same cache as a later version would head it: `format`/`parserVersion` raised, the rest as it was. */
function asNewer(bytes: string, format: number, parserVersion: number): string {
  const head = `{"format":${CACHE_FORMAT},"parserVersion":${PARSER_VERSION},`;
  expect(bytes.startsWith(head)).toBe(true);
  return `{"format":${format},"parserVersion":${parserVersion},${bytes.slice(head.length)}`;
}

describe('which cache is newer', () => {
  test('a later format, or the same format and a later parser; anything else is not', () => {
    const ours = { format: 9, parserVersion: 2 };
    expect(isNewerCache({ format: 10, parserVersion: 1 }, ours)).toBe(true);
    expect(isNewerCache({ format: 9, parserVersion: 3 }, ours)).toBe(true);
    expect(isNewerCache({ format: 9, parserVersion: 2 }, ours)).toBe(false);
    expect(isNewerCache({ format: 8, parserVersion: 5 }, ours)).toBe(false);
  });

  test('the version is read from the head alone; a head without one states none', () => {
    expect(cacheVersionOf('{"format":12,"parserVersion":4,"root":"/v"')).toEqual({ format: 12, parserVersion: 4 });
    expect(cacheVersionOf('{"root":"/v","format":12')).toBeNull();
    expect(cacheVersionOf('garbage')).toBeNull();
  });
});

test.each([
  ['a later format', CACHE_FORMAT + 1, PARSER_VERSION],
  ['a later parser', CACHE_FORMAT, PARSER_VERSION + 1],
])('a cache with %s is not loaded: a cache-newer report, every note indexed afresh', async (_, format, parserVersion) => {
  const { root, file, bytes } = await indexedVault();
  fs.writeFileSync(file, asNewer(bytes, format, parserVersion), 'latin1');
  const loaded = loadParseCache(file, root);
  expect(loaded.entries.size).toBe(0);
  expect(loaded.report).toEqual({ path: '', problem: 'cache-newer', message: expect.stringContaining('newer version of Plexus') });
});

test('an older cache is still rebuilt as before (reported as outdated, not as newer)', async () => {
  const { root, file, bytes } = await indexedVault();
  fs.writeFileSync(file, asNewer(bytes, CACHE_FORMAT - 1, PARSER_VERSION), 'latin1');
  expect(loadParseCache(file, root).report).toEqual({ path: '', problem: 'cache', message: expect.stringContaining('another version') });
});

test('the service indexes every note without it, says so in a notice, and leaves the newer cache byte for byte as it was', async () => {
  const { root, cacheDir, file, bytes } = await indexedVault();
  const newer = asNewer(bytes, CACHE_FORMAT + 1, PARSER_VERSION);
  fs.writeFileSync(file, newer, 'latin1');
  const service = await VaultService.open(root, { watch: false, workers: 0, cacheDir });
  const events: VaultEvent[] = [];
  service.onEvent((event) => events.push(event));
  try {
    expect(service.graph.stats().notes).toBe(3);
    expect(service.graph.backlinks(vp('A.md')).map((link) => link.source)).toEqual(['B.md']);
    expect(service.reports()).toContainEqual(expect.objectContaining({ problem: 'cache-newer' }));
    // The writer's first write comes right after the open; the notice reaches the listener that came after it.
    await until(() => events.some((event) => event.type === 'notice'));
    expect(events.filter((event) => event.type === 'notice')).toEqual([
      { type: 'notice', message: expect.stringMatching(/^The parse cache was written by a newer version of Plexus/) },
    ]);
  } finally {
    await service.close();
  }
  expect(fs.readFileSync(file, 'latin1')).toBe(newer);
  // Nor a temp file of a write begun beside it.
  expect(fs.readdirSync(cacheDir)).toEqual([path.basename(file)]);
});
