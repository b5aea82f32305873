/** The settings store: one vault's settings are not another's, values are checked, and storage trouble never throws. */
import { currentSettings, READING_SETTINGS_KEY, setSetting, setSettingsVault, settingsKeyFor } from '../../../renderer/src/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../renderer/src/settings/settings-fields';

beforeEach(() => {
  window.localStorage.clear();
  setSettingsVault(null);
});
afterEach(() => jest.restoreAllMocks());

test('settings are kept per vault, keyed by its root', () => {
  setSettingsVault('/vaults/a');
  expect(setSetting('theme', 'dark')).toBe(true);
  setSetting('excludedFolders', ['Archive']);
  expect(currentSettings()).toMatchObject({ theme: 'dark', excludedFolders: ['Archive'] });

  setSettingsVault('/vaults/b');
  expect(currentSettings()).toEqual(DEFAULT_SETTINGS);
  setSetting('fontSize', 22);

  setSettingsVault('/vaults/a');
  expect(currentSettings()).toMatchObject({ theme: 'dark', excludedFolders: ['Archive'], fontSize: 16 });
  expect(JSON.parse(window.localStorage.getItem(settingsKeyFor('/vaults/b'))!)).toMatchObject({ fontSize: 22, theme: 'system' });
});

test('a vault with nothing of its own starts from the settings stored before they were per vault', () => {
  window.localStorage.setItem(READING_SETTINGS_KEY, JSON.stringify({ strictLineBreaks: true, defaultEditingMode: 'source' }));
  setSettingsVault('/vaults/a');
  expect(currentSettings()).toMatchObject({ strictLineBreaks: true, defaultEditingMode: 'source' });
  setSetting('theme', 'light');
  // Its own entry now, the old one untouched.
  expect(JSON.parse(window.localStorage.getItem(settingsKeyFor('/vaults/a'))!)).toMatchObject({ strictLineBreaks: true, theme: 'light' });
  expect(JSON.parse(window.localStorage.getItem(READING_SETTINGS_KEY)!)).toEqual({ strictLineBreaks: true, defaultEditingMode: 'source' });
});

test('a damaged stored entry reads as the defaults, and the next change replaces it', () => {
  setSettingsVault('/v');
  window.localStorage.setItem(settingsKeyFor('/v'), '{"theme": "dark", "fontSize": ');
  expect(currentSettings()).toEqual(DEFAULT_SETTINGS);
  setSetting('fontSize', 12);
  expect(currentSettings()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 12 });
});

test('a value the setting cannot hold is refused with an error and nothing is stored', () => {
  setSettingsVault('/v');
  expect(() => setSetting('theme', 'purple' as never)).toThrow('Not a value for the setting theme');
  expect(() => setSetting('fontSize', Number.NaN)).toThrow(/fontSize/);
  expect(window.localStorage.getItem(settingsKeyFor('/v'))).toBeNull();
  // In range after clamping is a value: the store keeps it within bounds.
  setSetting('fontSize', 99);
  expect(currentSettings().fontSize).toBe(30);
});

test('storage that refuses reads gives the defaults; refusing writes returns false and keeps the settings', () => {
  setSettingsVault('/v');
  setSetting('theme', 'dark');
  jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new Error('QuotaExceededError');
  });
  expect(setSetting('theme', 'light')).toBe(false);
  expect(currentSettings().theme).toBe('dark');
  jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new Error('SecurityError');
  });
  expect(currentSettings()).toEqual(DEFAULT_SETTINGS);
});
