import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  defaultSettings,
  fitBounds,
  forgetRecent,
  loadSettings,
  MAX_RECENT,
  rememberNote,
  rememberVault,
  sanitizeSettings,
  saveSettings,
} from '../../main/electron/settings';
import { noteFromUrl, startUrl } from '../../main/electron/note-route';

const dir = mkdtempSync(path.join(tmpdir(), 'plexus-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a missing file gives defaults; a corrupt one gives defaults and a warning', async () => {
  expect(await loadSettings(path.join(dir, 'none.json'))).toEqual({ settings: defaultSettings(), warning: null });
  const bad = path.join(dir, 'bad.json');
  writeFileSync(bad, '{oops');
  const loaded = await loadSettings(bad);
  expect(loaded.settings).toEqual(defaultSettings());
  expect(loaded.warning).toContain('not valid JSON');
});

test('save then load round-trips', async () => {
  const file = path.join(dir, 'nested', 'settings.json');
  let settings = rememberVault(defaultSettings(), '/v/one');
  settings = rememberNote(settings, '/v/one', 'Notes/A.md');
  settings = { ...settings, windowBounds: { x: 1, y: 2, width: 900, height: 700, maximized: true } };
  await saveSettings(file, settings);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(settings);
  expect((await loadSettings(file)).settings).toEqual(settings);
});

test('recent vaults: most recent first, no duplicates, at most ten', () => {
  let settings = defaultSettings();
  for (let i = 0; i < 12; i++) settings = rememberVault(settings, `/v/${i}`);
  settings = rememberVault(settings, '/v/5');
  expect(settings.lastVault).toBe('/v/5');
  expect(settings.recentVaults).toHaveLength(MAX_RECENT);
  expect(settings.recentVaults[0]).toBe('/v/5');
  expect(new Set(settings.recentVaults).size).toBe(MAX_RECENT);
  expect(forgetRecent(settings).recentVaults).toEqual(['/v/5']);
});

test('sanitize drops ill-typed fields', () => {
  expect(sanitizeSettings({ lastVault: 3, recentVaults: ['/a', 4, '/a', ''], lastNote: { '/a': 'x.md', '/b': 5 }, windowBounds: { width: 'x' } })).toEqual({
    lastVault: null,
    recentVaults: ['/a'],
    lastNote: { '/a': 'x.md' },
    windowBounds: null,
  });
  expect(sanitizeSettings(null)).toEqual(defaultSettings());
});

test('bounds off every display lose their position but keep their size', () => {
  const areas = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  const on = { x: 100, y: 100, width: 800, height: 600, maximized: false };
  expect(fitBounds(on, areas)).toBe(on);
  expect(fitBounds({ ...on, x: 5000 }, areas)).toEqual({ width: 800, height: 600, maximized: false });
  expect(fitBounds(null, areas)).toBeNull();
});

test('the last note is read from and written to the renderer hash route', () => {
  expect(noteFromUrl('plexus://app/index.html#/note/Build%20Notes%2FA%23B.md#Heading')).toBe('Build Notes/A#B.md');
  expect(noteFromUrl('plexus://app/index.html#/graph')).toBeNull();
  expect(noteFromUrl('plexus://app/index.html#/note/%E0%A4')).toBeNull();
  expect(startUrl('Build Notes/A#B.md')).toBe('plexus://app/index.html#/note/Build%20Notes%2FA%23B.md');
  expect(startUrl(undefined)).toBe('plexus://app/index.html');
});
