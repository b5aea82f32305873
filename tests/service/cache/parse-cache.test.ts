import * as fs from 'node:fs';
import * as path from 'node:path';
import { VaultGraph } from '../../../main/core/graph/vault-graph';
import { parseNote } from '../../../main/core/parse/parse-note';
import type { ParsedNote } from '../../../main/core/types';
import { cacheFileFor, defaultCacheDir } from '../../../main/service/cache/cache-dir';
import { loadParseCache, saveParseCache, type CacheEntry } from '../../../main/service/cache/parse-cache';
import { makeTempDir, removeDir } from '../temp-vault';
import { unchecked, vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

/**
 * The cache file as one JSON head and one raw section (see saveParseCache): the header with its
 * parts' records joined into `entries`, and their raw sections joined. writeCacheFile stores it
 * back as one part, its lengths recomputed, so a damaged record reaches the decoder.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests damage the JSON head field by field
function readCacheFile(file: string): { data: any; raw: string } {
  const text = fs.readFileSync(file, 'latin1');
  const newline = text.indexOf('\n');
  const data = JSON.parse(text.slice(0, newline));
  let at = newline + 1;
  const entries: unknown[] = [];
  let raw = '';
  for (const [json, rawBytes] of data.parts as [number, number][]) {
    entries.push(...JSON.parse(text.slice(at, at + json)));
    raw += text.slice(at + json, at + json + rawBytes);
    at += json + rawBytes;
  }
  return { data: { ...data, entries }, raw };
}

function writeCacheFile(file: string, { data, raw }: { data: { entries: unknown[] }; raw: string }): void {
  const { entries, ...header } = data;
  const json = JSON.stringify(entries);
  fs.writeFileSync(file, `${JSON.stringify({ ...header, parts: [[json.length, raw.length]] })}\n${json}${raw}`, 'latin1');
}

function note(notePath: string): ParsedNote {
  return {
    // Some tests store a path the loader must refuse: unchecked on purpose.
    path: unchecked(notePath),
    title: notePath.replace(/\.md$/, ''),
    aliases: [],
    tags: ['t'],
    headings: [],
    blockIds: [],
    links: [],
    frontmatter: null,
    frontmatterError: null,
  };
}

describe('parse cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('plexus-cache-');
  });
  afterEach(() => removeDir(dir));

  const entries = (): [VaultPath, CacheEntry][] => [
    [vp('A.md'), { size: 1, mtimeMs: 10.5, hash: 'h1', decodeWarning: null, safeMode: null, parsed: note('A.md') }],
    [
      vp('Sub/B.md'),
      {
        size: 2,
        mtimeMs: 20,
        hash: 'h2',
        decodeWarning: 'invalid UTF-8 at byte 3',
        safeMode: 'parsing took longer than the 2000 ms budget',
        parsed: note('Sub/B.md'),
      },
    ],
  ];

  test('round-trips entries (hit) and leaves no temp files', async () => {
    const file = cacheFileFor(dir, '/vault/root');
    await saveParseCache(file, '/vault/root', entries());
    const loaded = loadParseCache(file, '/vault/root');
    expect(loaded.report).toBeNull();
    expect([...loaded.entries]).toEqual(entries());
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  test('real parses with every field (links, headings, blocks, nested frontmatter) round-trip exactly', async () => {
    const texts: Record<string, string> = {
      'Folder/Rich.md':
        '---\ntags: [a, "#b"]\naliases:\n  - R\nrelated: "[[X#H|y]]"\nnested:\n  deep: [1, {k: v}]\n  flag: true\n---\n# Title #t\n\nSee [[Note#H1#H2|shown]], ![[img.png]] and [md](../My%20Note.md#^blk) ^own\n\n| [[T\\|x]] | b |\n| - | - |\n',
      'Bad YAML.md': '---\ntags: [unclosed\n---\nbody [[Z]]',
      'Plain.md': 'no frontmatter, no links',
      'Ünïcödé/日本.md': '---\naliases: [Café]\n---\n# Überblick 😀\n\n[[Ψ-Note|naïve]] text \ud800 lone surrogate #ταγ\n',
    };
    const rich: [VaultPath, CacheEntry][] = Object.entries(texts).map(([p, text], i) => [
      vp(p),
      { size: text.length, mtimeMs: 1000 + i, hash: `h${i}`, decodeWarning: null, safeMode: null, parsed: parseNote(vp(p), text) },
    ]);
    expect(rich[0][1].parsed.links.length).toBeGreaterThanOrEqual(4);
    const file = path.join(dir, 'rich.cache');
    await saveParseCache(file, '/r', rich);
    const loaded = loadParseCache(file, '/r');
    expect(loaded.report).toBeNull();
    expect([...loaded.entries]).toEqual(rich);
    // Stored as pure ASCII (non-ASCII characters escaped), which loads much faster than UTF-8.
    expect([...fs.readFileSync(file)].every((byte) => byte < 0x80)).toBe(true);
  });

  test('a note whose frontmatter JSON cannot carry exactly (.nan, .inf, -0) is left out and re-parsed next time', async () => {
    const odd = parseNote(vp('Odd.md'), '---\nscore: .nan\nbig: .inf\n---\nx');
    expect(Number.isNaN(odd.frontmatter!.score)).toBe(true);
    const file = path.join(dir, 'odd.cache');
    await saveParseCache(file, '/r', [...entries(), [vp('Odd.md'), { size: 1, mtimeMs: 1, hash: 'h', decodeWarning: null, safeMode: null, parsed: odd }]]);
    const loaded = loadParseCache(file, '/r');
    expect([...loaded.entries.keys()]).toEqual(['A.md', 'Sub/B.md']);
  });

  test('a record of the wrong shape makes the whole cache corrupt (rebuilt), never a half-trusted load', async () => {
    const file = path.join(dir, 'shape.cache');
    await saveParseCache(file, '/r', entries());
    const cached = readCacheFile(file);
    cached.data.entries[1][4].links = [['not', 'a', 'link']];
    writeCacheFile(file, cached);
    const loaded = loadParseCache(file, '/r');
    expect(loaded.entries.size).toBe(0);
    expect(loaded.report?.message).toMatch(/corrupt/);
  });

  test('a cache naming a path outside the vault is corrupt (its paths are trusted before any scan)', async () => {
    const file = path.join(dir, 'outside.cache');
    for (const bad of ['../secret.md', '/etc/passwd.md', 'a/../../b.md', './A.md']) {
      await saveParseCache(file, '/r', [[unchecked(bad), { size: 1, mtimeMs: 1, hash: 'h', decodeWarning: null, safeMode: null, parsed: note(bad) }]]);
      const loaded = loadParseCache(file, '/r');
      expect(loaded.entries.size).toBe(0);
      expect(loaded.report?.message).toMatch(/corrupt.*not a path inside the vault/);
    }
    await saveParseCache(file, '/r', [
      [vp('a..b/c...md'), { size: 1, mtimeMs: 1, hash: 'h', decodeWarning: null, safeMode: null, parsed: note('a..b/c...md') }],
    ]);
    expect(loadParseCache(file, '/r').entries.size).toBe(1);
  });

  test('an entry stored under another path than its parse is a bug and throws', async () => {
    await expect(saveParseCache(path.join(dir, 'x.cache'), '/r', [[vp('A.md'), { ...entries()[1][1] }]])).rejects.toThrow(/holds the parse of/);
  });

  test("with the graph, every link is stored resolved; loading gives the resolved links as the notes' own links", async () => {
    const notes = [
      parseNote(vp('A.md'), 'see [[B]] and [[Dup]], ![[pic.png]], [[Nowhere|x]]'),
      parseNote(vp('B.md'), '[[A#Top]]'),
      parseNote(vp('x/Dup.md'), ''),
      parseNote(vp('y/Dup.md'), ''),
    ];
    const graph = new VaultGraph();
    graph.load({ upsertNotes: notes, addAttachments: [vp('pic.png')] });
    const stored: [VaultPath, CacheEntry][] = notes.map((n, i) => [
      n.path,
      { size: i, mtimeMs: i, hash: `h${i}`, decodeWarning: null, safeMode: null, parsed: n },
    ]);
    const file = path.join(dir, 'resolved.cache');
    await saveParseCache(file, '/r', stored, { graph: { attachments: graph.attachmentPaths(), resolutionsOf: (p) => graph.outgoing(p) } });
    const loaded = loadParseCache(file, '/r');
    expect(loaded.stored?.attachments).toEqual(['pic.png']);
    for (const note of notes) {
      expect(loaded.stored?.links.get(note.path)).toEqual(graph.outgoing(note.path));
      expect(loaded.entries.get(note.path)?.parsed.links).toBe(loaded.stored?.links.get(note.path));
    }
    expect(loaded.stored?.links.get(vp('A.md'))?.[1]).toMatchObject({ resolved: 'x/Dup.md', candidates: ['x/Dup.md', 'y/Dup.md'] });
    // Without the attachments' sizes and mtimes the file list cannot come from the cache alone.
    expect(loaded.stored?.attachmentStats).toBeNull();
    await saveParseCache(file, '/r', stored, {
      graph: {
        attachments: graph.attachmentPaths(),
        attachmentFiles: new Map([[vp('pic.png'), { size: 7, mtimeMs: 8.5 }]]),
        resolutionsOf: (p) => graph.outgoing(p),
      },
    });
    expect(loadParseCache(file, '/r').stored?.attachmentStats).toEqual([{ size: 7, mtimeMs: 8.5 }]);

    // Written under another resolution rule: the notes still load, as plain parses, and nothing counts as resolved.
    const cached = readCacheFile(file);
    cached.data.resolutionRule = -1;
    writeCacheFile(file, cached);
    const older = loadParseCache(file, '/r');
    expect(older.stored).toBeNull();
    expect([...older.entries.values()].map((e) => e.parsed)).toEqual(notes);

    // A note the graph holds differently (or cannot store) means no resolutions at all.
    await saveParseCache(file, '/r', stored, { graph: { attachments: [], resolutionsOf: (p) => (p === 'B.md' ? null : graph.outgoing(p)) } });
    expect(loadParseCache(file, '/r').stored).toBeNull();
    expect([...loadParseCache(file, '/r').entries.values()].map((e) => e.parsed)).toEqual(notes);
  });

  test('context snippets live in the raw section (ASCII) or the JSON (anything else), and the two must agree', async () => {
    const long = `${'word '.repeat(80)}[[A]]${' more'.repeat(80)}`;
    const notes = [
      parseNote(vp('A.md'), 'Plain words around [[B]] here.\n\nCafé près de [[B|là]].'),
      parseNote(vp('B.md'), `back to [[A]] "quoted" \\ text\n\n${long}`),
    ];
    const cut = notes[1].links[1].context;
    expect(cut.startsWith('…') && cut.endsWith('…')).toBe(true);
    const graph = new VaultGraph();
    graph.load({ upsertNotes: notes });
    const stored: [VaultPath, CacheEntry][] = notes.map((n, i) => [
      n.path,
      { size: i, mtimeMs: i, hash: `h${i}`, decodeWarning: null, safeMode: null, parsed: n },
    ]);
    const file = path.join(dir, 'contexts.cache');
    await saveParseCache(file, '/r', stored, { graph: { attachments: [], resolutionsOf: (p) => graph.outgoing(p) } });
    const { data, raw } = readCacheFile(file);
    // A snippet cut short keeps its ASCII body in the raw section and its '…' marks as flags.
    expect(raw).toBe(`${notes[0].links[0].context}${notes[1].links[0].context}${cut.slice(1, -1)}`);
    expect(data.entries[1][5][13 + 11]).toBe((cut.length - 2) * 4 + 3);
    expect(data.entries[0][5][13 + 11]).toBe(notes[0].links[1].context); // non-ASCII: kept in the JSON
    // Records lie flat, 13 values each; a title-equal target is stored as 1 and resolutions as path-table indices.
    expect(data.entries[0][5].slice(2, 4)).toEqual([1, 0]);
    expect(data.entries[0][5][12]).toBe(1);
    const loaded = loadParseCache(file, '/r');
    for (const n of notes) expect(loaded.stored?.links.get(n.path)).toEqual(graph.outgoing(n.path));

    // A raw section that does not match the records (shorter or longer) is a corrupt cache.
    writeCacheFile(file, { data, raw: raw.slice(1) });
    expect(loadParseCache(file, '/r').report?.message).toMatch(/corrupt/);
    writeCacheFile(file, { data, raw: `${raw}x` });
    expect(loadParseCache(file, '/r').report?.message).toMatch(/corrupt/);
    // A cache of the previous layout (JSON only) is rebuilt, not misread.
    fs.writeFileSync(file, JSON.stringify({ ...data, format: 5 }));
    expect(loadParseCache(file, '/r').report?.message).toMatch(/another version/);
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
    fs.writeFileSync(file, 'not json at all');
    const loaded = loadParseCache(file, '/r');
    expect(loaded.entries.size).toBe(0);
    expect(loaded.report?.message).toMatch(/corrupt/);
  });

  test('a cache from another parser version or vault is rebuilt', async () => {
    const file = path.join(dir, 'v.cache');
    await saveParseCache(file, '/r', entries(), { parserVersion: 1 });
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
