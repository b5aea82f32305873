import * as path from 'node:path';
import { parseNote } from '../../../main/core/parse/parse-note';
import { loadParseCache, saveParseCache, type CacheEntry } from '../../../main/service/cache/parse-cache';
import { NOTES_PER_PART } from '../../../main/service/cache/parse-cache-parts';
import { makeTempDir, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

/**
 * A save of a large vault's cache lets the event loop turn between its parts (a watcher batch
 * waiting behind it reached the graph seconds late at 50k notes), and what it writes is the
 * vault as it was when the save began, whatever is applied meanwhile.
 */
describe('saveParseCache between its parts', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('plexus-cache-yields-');
  });
  afterEach(() => removeDir(dir));

  function entry(index: number, text = `# Note ${index}\n\nSee [[Note ${index + 1}]].\n`): [VaultPath, CacheEntry] {
    const p = vp(`N${String(index).padStart(5, '0')}.md`);
    return [p, { size: text.length, mtimeMs: 1000 + index, hash: `h${index}`, decodeWarning: null, safeMode: null, parsed: parseNote(p, text) }];
  }

  test('the next part is encoded only after the event loop has turned', async () => {
    const entries = Array.from({ length: NOTES_PER_PART + 1 }, (_, i) => entry(i));
    const last = entries[entries.length - 1][1];
    let turns = 0;
    let turnsWhenRead = -1;
    // Its links are read when its part is encoded (the note itself is copied without reading them).
    const links = last.parsed.links;
    const watched = new Proxy(links, {
      get(target, key, receiver) {
        if (key === '0' && turnsWhenRead === -1) turnsWhenRead = turns;
        return Reflect.get(target, key, receiver);
      },
    });
    entries[entries.length - 1] = [entries[entries.length - 1][0], { ...last, parsed: { ...last.parsed, links: watched } }];
    const tick = () => {
      turns++;
      if (turnsWhenRead === -1) setImmediate(tick);
    };
    setImmediate(tick);
    await saveParseCache(path.join(dir, 'big.cache'), '/r', entries);
    expect(turnsWhenRead).toBeGreaterThan(0);
  });

  test('entries replaced or removed while the save runs stay out of the file', async () => {
    const original = Array.from({ length: 2 * NOTES_PER_PART + 1 }, (_, i) => entry(i));
    const notes = new Map(original);
    const file = path.join(dir, 'changing.cache');
    const saving = saveParseCache(file, '/r', notes);
    // As a watcher batch would, between two parts of the save.
    await new Promise((resolve) => setImmediate(resolve));
    notes.set(original[5][0], entry(5, '# Changed\n\n[[Elsewhere]]\n')[1]);
    notes.delete(original[NOTES_PER_PART + 3][0]);
    notes.set(vp('Added.md'), entry(99_999)[1]);
    await saving;
    const loaded = loadParseCache(file, '/r');
    expect(loaded.report).toBeNull();
    expect([...loaded.entries]).toEqual(original);
  });
});
