/** The settings model: defaults, what a stored value must be to be used, and the dialog's sections. */
import {
  DEFAULT_SETTINGS,
  normalizeFolder,
  parseSettings,
  SETTING_FIELDS,
  settingSections,
  type AnyField,
} from '../../../renderer/src/settings/settings-fields';

test('the defaults are Obsidian’s where it has one, and every field has one', () => {
  expect(DEFAULT_SETTINGS).toEqual({
    defaultEditingMode: 'live',
    strictLineBreaks: false,
    loadRemoteImages: false,
    theme: 'system',
    fontSize: 16,
    readableLineWidth: true,
    newNoteLocation: 'current',
    newNoteFolder: '',
    excludedFolders: [],
    attachmentLocation: 'root',
    attachmentFolder: 'attachments',
    templateFolder: 'Templates',
    dailyNoteFormat: 'YYYY-MM-DD',
    dailyNoteFolder: '',
    dailyNoteTemplate: '',
  });
  expect(new Set(SETTING_FIELDS.map((f) => f.key)).size).toBe(SETTING_FIELDS.length);
});

test.each([
  ['nothing stored', null],
  ['not JSON', '{"theme": "dark"'],
  ['JSON but not an object', '[1,2]'],
  ['a string', '"dark"'],
  ['null', 'null'],
])('%s reads as the defaults', (_what, text) => {
  expect(parseSettings(text)).toEqual(DEFAULT_SETTINGS);
});

test.each<[string, Record<string, unknown>, Partial<typeof DEFAULT_SETTINGS>]>([
  ['a good theme', { theme: 'dark' }, { theme: 'dark' }],
  ['an unknown theme', { theme: 'purple' }, { theme: 'system' }],
  ['a theme of the wrong type', { theme: 1 }, { theme: 'system' }],
  ['a toggle given as a string', { strictLineBreaks: 'true' }, { strictLineBreaks: false }],
  ['a toggle', { readableLineWidth: false }, { readableLineWidth: false }],
  ['a font size in range', { fontSize: 20 }, { fontSize: 20 }],
  ['a font size too small', { fontSize: 2 }, { fontSize: 10 }],
  ['a font size too large', { fontSize: 400 }, { fontSize: 30 }],
  ['a fractional font size', { fontSize: 17.6 }, { fontSize: 18 }],
  ['a font size that is not a number', { fontSize: '20' }, { fontSize: 16 }],
  ['an infinite font size', { fontSize: Infinity }, { fontSize: 16 }],
  [
    'excluded folders, written loosely',
    { excludedFolders: ['/Archive/', ' Daily\\Notes ', 'Archive', '', 3, '.'] },
    { excludedFolders: ['Archive', 'Daily/Notes'] },
  ],
  ['excluded folders that are not a list', { excludedFolders: 'Archive' }, { excludedFolders: [] }],
  ['a new-note location', { newNoteLocation: 'folder', newNoteFolder: 'Inbox/' }, { newNoteLocation: 'folder', newNoteFolder: 'Inbox' }],
  ['an unknown new-note location', { newNoteLocation: 'desktop' }, { newNoteLocation: 'current' }],
  ['the editing mode', { defaultEditingMode: 'source' }, { defaultEditingMode: 'source' }],
])('%s', (_what, stored, expected) => {
  const parsed = parseSettings(JSON.stringify({ ...stored, unknownKey: 'dropped' }));
  expect(parsed).toEqual({ ...DEFAULT_SETTINGS, ...expected });
  expect(parsed).not.toHaveProperty('unknownKey');
});

test.each([
  ['Archive', 'Archive'],
  ['/Archive/', 'Archive'],
  ['a\\b', 'a/b'],
  [' a / b ', 'a/b'],
  ['./a//b', 'a/b'],
  ['/', ''],
])('normalizeFolder(%j) is %j', (input, expected) => {
  expect(normalizeFolder(input)).toBe(expected);
});

test('sections come in Obsidian’s order, each with its fields; a section a new field names follows them', () => {
  expect(settingSections().map((s) => [s.name, s.fields.map((f) => f.key)])).toEqual([
    ['Editor', ['defaultEditingMode', 'strictLineBreaks', 'loadRemoteImages']],
    ['Appearance', ['theme', 'fontSize', 'readableLineWidth']],
    ['Files and links', ['newNoteLocation', 'newNoteFolder', 'excludedFolders', 'attachmentLocation', 'attachmentFolder']],
    ['Templates', ['templateFolder']],
    ['Daily notes', ['dailyNoteFormat', 'dailyNoteFolder', 'dailyNoteTemplate']],
  ]);
  const extra = { key: 'strictLineBreaks', section: 'Sync', kind: 'toggle', label: 'X', description: '', default: false } as AnyField;
  expect(settingSections([...SETTING_FIELDS, extra]).map((s) => s.name)).toEqual([
    'Editor',
    'Appearance',
    'Files and links',
    'Templates',
    'Daily notes',
    'Sync',
  ]);
});
