import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedNote } from '../../main/core/types';
import { cacheFileFor, defaultCacheDir } from '../../main/service/cache-dir';
import { loadParseCache, saveParseCache, type CacheEntry } from '../../main/service/parse-cache';
import { makeTempDir, removeDir } from './temp-vault';

function note(notePath: string): ParsedNote {
  return { path: notePath, title: notePath.replace(/\.md$/, ''), aliases: [], tags: ['t'], headings: [], blockIds: [], links: [], frontmatter: null, frontmatterError: null };
}

describe('parse cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('plexus-cache-');
  });
  afterEach(() => removeDir(dir));

  const entries = (): [string, CacheEntry][] => [
    ['A.md', { size: 1, mtimeMs: 10.5, hash: 'h1', parsed: note('A.md') }],
    ['Sub/B.md', { size: 2, mtimeMs: 20, hash: 'h2', parsed: note('Sub/B.md') }],
  ];

  test('round-trips entries (hit) and leaves no temp files', async () => {
    const file = cacheFileFor(dir, '/vault/root');
    await saveParseCache(file, '/vault/root', entries());
    const loaded = loadParseCache(file, '/vault/root');
    expect(loaded.report).toBeNull();
    expect([...loaded.entries]).toEqual(entries());
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  test('a missing cache is reported, not thrown', () => {
    const loaded = loadParseCache(path.join(dir, 'none.cache'), '/r');
    expect(loaded.entries.size).toBe(0);
    expect(loaded.report).toEqual({ path: '', problem: 'cache', message: expect.stringContaining('no parse cache') });
  });

  test('a corrupt cache is reported and ignored', async () => {
    const file = path.join(dir, 'c.cache');
    await saveParseCache(file, '/r', entries());
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(loadParseCache(file, '/r').report?.message).toMatch(/corrupt/);
    fs.writeFileSync(file, 'not v8 at all');
    const loaded = loadParseCache(file, '/r');
    expect(loaded.entries.size).toBe(0);
    expect(loaded.report?.message).toMatch(/corrupt/);
  });

  test('a cache from another parser version or vault is rebuilt', async () => {
    const file = path.join(dir, 'v.cache');
    await saveParseCache(file, '/r', entries(), 1);
    expect(loadParseCache(file, '/r', 2).report?.message).toMatch(/another version/);
    expect(loadParseCache(file, '/other', 1).report?.message).toMatch(/another vault/);
    expect(loadParseCache(file, '/r', 1).entries.size).toBe(2);
  });

  test('cache location follows the OS conventions and PLEXUS_CACHE_DIR', () => {
    expect(defaultCacheDir({ platform: 'linux', env: {}, home: '/home/u' })).toBe(path.join('/home/u', '.cache', 'plexus'));
    expect(defaultCacheDir({ platform: 'linux', env: { XDG_CACHE_HOME: '/xdg' }, home: '/home/u' })).toBe(path.join('/xdg', 'plexus'));
    expect(defaultCacheDir({ platform: 'darwin', env: {}, home: '/Users/u' })).toBe(path.join('/Users/u', 'Library', 'Caches', 'plexus'));
    expect(defaultCacheDir({ platform: 'win32', env: { LOCALAPPDATA: 'C:\\L' }, home: 'C:\\U' })).toBe(path.join('C:\\L', 'plexus', 'Cache'));
    expect(defaultCacheDir({ platform: 'linux', env: { PLEXUS_CACHE_DIR: '/t' }, home: '/h' })).toBe('/t');
    expect(cacheFileFor('/c', '/a')).not.toBe(cacheFileFor('/c', '/b'));
  });
});
