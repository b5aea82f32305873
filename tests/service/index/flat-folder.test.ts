/**
 * A folder holding thousands of notes directly (20k in the issue; 3,000 here to keep the test
 * short): every note is scanned, parsed and linked, the file list has them all, and a warm open
 * from the cache gives the same graph.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VaultService } from '../../../main/service/vault-service';
import { makeTempDir, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';

jest.setTimeout(120_000);

const NOTES = 3_000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

test(`${NOTES.toLocaleString('en-US')} notes in one folder index completely, cold and warm`, async () => {
  const root = makeTempDir('plexus-vault-');
  const cacheDir = makeTempDir('plexus-cache-');
  dirs.push(root, cacheDir);
  fs.mkdirSync(path.join(root, 'Inbox'));
  for (let i = 0; i < NOTES; i++) fs.writeFileSync(path.join(root, 'Inbox', `Note ${i}.md`), `# Note ${i}\n\nSee [[Note ${(i + 1) % NOTES}]] #tag${i % 7}\n`);
  const snapshots: string[] = [];
  for (const run of ['cold', 'warm']) {
    const service = await VaultService.open(root, { watch: false, workers: 1, cacheDir });
    try {
      const stats = service.graph.stats();
      expect({ run, notes: stats.notes, links: stats.links, unresolved: stats.unresolved }).toEqual({ run, notes: NOTES, links: NOTES, unresolved: 0 });
      const files = service.listFiles();
      expect(files).toHaveLength(NOTES);
      expect(new Set(files.map((file) => path.posix.dirname(file.path)))).toEqual(new Set(['Inbox']));
      expect(service.graph.backlinks(vp('Inbox/Note 0.md')).map((link) => link.source)).toEqual([`Inbox/Note ${NOTES - 1}.md`]);
      snapshots.push(JSON.stringify(service.graph.snapshot()));
    } finally {
      await service.close();
    }
  }
  expect(snapshots[1]).toBe(snapshots[0]);
});
