/**
 * The cache read part by part (parse-cache-parts.ts): a vault bigger than one part loads exactly
 * what was stored, links across parts included, and a fault in any one part voids the whole
 * cache (reported as corrupt, nothing half-loaded).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VaultGraph } from '../../../main/core/graph/vault-graph';
import { parseNote } from '../../../main/core/parse/parse-note';
import { loadParseCache, saveParseCache, type CacheEntry } from '../../../main/service/cache/parse-cache';
import { NOTES_PER_PART } from '../../../main/service/cache/parse-cache-parts';
import { makeTempDir, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

const NOTES = NOTES_PER_PART * 2 + 345;

function vaultNotes() {
  return Array.from({ length: NOTES }, (_, i) =>
    // Links reach notes in other parts, ahead and behind, plus an attachment and a missing note.
    parseNote(
      vp(`F${i % 3}/N${i}.md`),
      `# N${i}\n\nsee [[N${(i * 7919) % NOTES}]] and [[N${(i + 1) % NOTES}|next]], ![[p.png]], [[Missing ${i % 5}]]${i % 10 === 0 ? ' é' : ''}`,
    ),
  );
}

describe('parse cache in parts', () => {
  let dir: string;
  let file: string;
  const notes = vaultNotes();
  const graph = new VaultGraph();
  graph.load({ upsertNotes: notes, addAttachments: [vp('p.png')] });
  const stored: [VaultPath, CacheEntry][] = notes.map((n, i) => [
    n.path,
    { size: i, mtimeMs: i + 0.5, hash: `h${i}`, decodeWarning: null, safeMode: null, parsed: n },
  ]);
  const save = () =>
    saveParseCache(file, '/r', stored, {
      graph: { attachments: [vp('p.png')], attachmentFiles: new Map([[vp('p.png'), { size: 3, mtimeMs: 4 }]]), resolutionsOf: (p) => graph.outgoing(p) },
    });

  beforeEach(async () => {
    dir = makeTempDir('plexus-cache-');
    file = path.join(dir, 'parts.cache');
    await save();
  });
  afterEach(() => removeDir(dir));

  /** The header and the bytes after it. */
  function layout(): { header: { parts: [number, number][] }; start: number; bytes: Buffer } {
    const bytes = fs.readFileSync(file);
    const newline = bytes.indexOf(10);
    return { header: JSON.parse(bytes.toString('latin1', 0, newline)), start: newline + 1, bytes };
  }

  test('a vault of several parts loads every parse and every resolution as stored', () => {
    const { parts } = layout().header;
    expect(parts).toHaveLength(3);
    expect(parts.every(([, raw]) => raw > 0)).toBe(true);
    const loaded = loadParseCache(file, '/r');
    expect(loaded.report).toBeNull();
    expect([...loaded.entries.keys()]).toEqual(notes.map((n) => n.path));
    expect([...loaded.entries.values()].map((e) => e.parsed)).toEqual(notes.map((n) => ({ ...n, links: graph.outgoing(n.path) })));
    for (const n of notes) expect(loaded.stored?.links.get(n.path)).toEqual(graph.outgoing(n.path));
    expect(loaded.entries.get(notes[NOTES - 1].path)).toMatchObject({ size: NOTES - 1, mtimeMs: NOTES - 0.5, hash: `h${NOTES - 1}` });
    expect(loaded.stored?.attachmentStats).toEqual([{ size: 3, mtimeMs: 4 }]);
    // Built from it, the graph is the one that was saved.
    const warm = new VaultGraph();
    warm.loadResolved({ upsertNotes: [...loaded.entries.values()].map((e) => e.parsed), addAttachments: [vp('p.png')] }, loaded.stored!.links);
    expect(warm.snapshot()).toEqual(graph.snapshot());
  });

  test('a damaged byte in a later part voids the whole cache', () => {
    const { header, start, bytes } = layout();
    // Inside the second part's JSON, then inside its raw section (a snippet's letter made non-ASCII).
    const second = start + header.parts[0][0] + header.parts[0][1];
    for (const at of [second + 10, second + header.parts[1][0] + 5]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = at === second + 10 ? 0x7b : 0xe9;
      fs.writeFileSync(file, damaged);
      const loaded = loadParseCache(file, '/r');
      expect(loaded.entries.size).toBe(0);
      expect(loaded.stored).toBeNull();
      expect(loaded.report?.message).toMatch(/corrupt/);
    }
  });

  test('part lengths that do not add up to the file, or split a part wrongly, void it', () => {
    const { header, start, bytes } = layout();
    const rewrite = (parts: unknown) => {
      fs.writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, parts })}\n`, 'latin1'), bytes.subarray(start)]));
      return loadParseCache(file, '/r');
    };
    const [a, b, c] = header.parts;
    for (const parts of [
      [a, b], // a part left out: the file holds more
      [a, b, [c[0], c[1] + 1]],
      [[a[0] + 1, a[1] - 1], b, c], // the same total, the JSON/raw split moved by one
      [[a[0] + a[1], 0], b, c], // the first raw section read as JSON
      [a, b, [c[0] + c[1] + 1, -1]],
      'all',
    ]) {
      const loaded = rewrite(parts);
      expect([parts, loaded.entries.size]).toEqual([parts, 0]);
      expect(loaded.report?.message).toMatch(/corrupt/);
    }
    expect(rewrite(header.parts).entries.size).toBe(NOTES);
  });

  test('records that disagree with the header path table void it', () => {
    const { header, start, bytes } = layout();
    const withHeader = (changed: object) =>
      fs.writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, ...changed })}\n`, 'latin1'), bytes.subarray(start)]));
    const { paths, titles } = header as unknown as { paths: string[]; titles: string[] };
    for (const changed of [
      { paths: [...paths.slice(0, -1), 'Other.md'] }, // the last record is not that note
      { paths: paths.slice(0, -1), titles: titles.slice(0, -1) }, // one record more than paths
      { paths: [...paths, 'Extra.md'], titles: [...titles, 'Extra'] }, // one path without a record
      { titles: titles.map((t, i) => (i === 5 ? 'Renamed' : t)) },
      { paths: paths.map((p, i) => (i === 1 ? paths[0] : p)) },
    ]) {
      withHeader(changed);
      const loaded = loadParseCache(file, '/r');
      expect(loaded.entries.size).toBe(0);
      expect(loaded.report?.message).toMatch(/corrupt/);
    }
  });
});
