/**
 * One temp-then-rename writer (note-writer-atomic.ts) for notes and for every piece of app data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { saveSettings, defaultSettings, rememberVault } from '../../../main/electron/settings';
import { VaultDataStore } from '../../../main/service/app-data/vault-data-store';
import { writeFileAtomic } from '../../../main/service/write/note-writer-atomic';
import { makeTempDir, removeDir } from '../temp-vault';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('plexus-atomic-');
});
afterEach(() => removeDir(dir));

const allFiles = (root: string): string[] => (fs.readdirSync(root, { recursive: true }) as string[]).sort();

test('concurrent saves of the settings each land whole (each write has its own temp file)', async () => {
  const file = path.join(dir, 'settings.json');
  const saves = Array.from({ length: 8 }, (_, i) => rememberVault(defaultSettings(), `/v/${i}`));
  await Promise.all(saves.map((settings) => saveSettings(file, settings)));
  expect(saves).toContainEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
  expect(allFiles(dir)).toEqual(['settings.json']);
});

test('concurrent writes of one vault data file each land whole', async () => {
  const store = new VaultDataStore(dir, '/some/vault');
  await Promise.all(Array.from({ length: 8 }, (_, i) => store.write('graph-layout', { i })));
  expect((await store.read('graph-layout')) as { i: number }).toEqual({ i: expect.any(Number) });
  expect(allFiles(dir).filter((name) => name.includes('tmp'))).toEqual([]);
});

test('writeFileAtomic makes the folder, replaces the file, and a failed write leaves the old bytes and no temp file', async () => {
  const file = path.join(dir, 'deep', 'er', 'data.json');
  await writeFileAtomic(file, 'one');
  await writeFileAtomic(file, new Uint8Array([116, 119, 111]), { durable: false });
  expect(fs.readFileSync(file, 'utf8')).toBe('two');
  // A folder where the file should be: the rename fails, the temp file is removed.
  const blocked = path.join(dir, 'deep', 'blocked');
  fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
  await expect(writeFileAtomic(blocked, 'x')).rejects.toThrow();
  expect(allFiles(path.join(dir, 'deep'))).toEqual(['blocked', 'blocked/inside', 'er', 'er/data.json']);
});

/** Every .ts file under main/. */
function sources(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, f));
}

test('no other module writes a temp file and renames it into place', () => {
  const main = path.join(__dirname, '..', '..', '..', 'main');
  const offenders = sources(main)
    .filter((file) => !file.endsWith(path.join('write', 'note-writer-atomic.ts')))
    .filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      // A temp name made up by hand (`.tmp`, a pid or random suffix) next to a rename.
      return /\brename(Sync)?\(/.test(text) && /\.tmp\b|process\.pid|randomBytes\(/.test(text);
    })
    .map((file) => path.relative(main, file));
  expect(offenders).toEqual([]);
});
