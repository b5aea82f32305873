/**
 * The attachment, template and daily-note settings: kept in the settings store beside the
 * reading settings (bad stored values read as their defaults), and changed from the Settings
 * dialog, which draws them from the one field list.
 */
import '../setup';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { SettingsDialog } from '../../../renderer/src/settings/settings-dialog';
import { readingSettings, setSettingsVault, settingsKeyFor } from '../../../renderer/src/settings/settings-store';
import { INTO_NOTES_DEFAULTS, INTO_NOTES_FIELDS, attachmentLocationOf, parseIntoNotes } from '../../../renderer/src/settings/into-notes-fields';

beforeEach(() => window.localStorage.clear());

test('defaults, and every setting has a field', () => {
  expect(readingSettings()).toMatchObject({
    attachmentLocation: 'root',
    attachmentFolder: 'attachments',
    templateFolder: 'Templates',
    dailyNoteFormat: 'YYYY-MM-DD',
    dailyNoteFolder: '',
    dailyNoteTemplate: '',
  });
  expect(INTO_NOTES_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(INTO_NOTES_DEFAULTS).sort());
});

test('stored values are checked: wrong ones read as defaults, folders are tidied', () => {
  expect(
    parseIntoNotes({
      attachmentLocation: 'elsewhere',
      attachmentFolder: 7,
      templateFolder: '/My Templates/',
      dailyNoteFormat: '  ',
      dailyNoteFolder: 'Journal\\\\Daily',
    }),
  ).toEqual({
    ...INTO_NOTES_DEFAULTS,
    templateFolder: 'My Templates',
    dailyNoteFolder: 'Journal/Daily',
  });
  expect(attachmentLocationOf({ ...INTO_NOTES_DEFAULTS, attachmentLocation: 'folder', attachmentFolder: 'assets' })).toEqual({
    kind: 'folder',
    folder: 'assets',
  });
  expect(attachmentLocationOf({ ...INTO_NOTES_DEFAULTS, attachmentLocation: 'note-folder' })).toEqual({ kind: 'note-folder' });
});

test('the Settings dialog changes them through the store; the folder field shows only for a named folder', () => {
  act(() => setSettingsVault('/v'));
  render(<SettingsDialog folders={[]} onClose={() => undefined} />);
  const dialog = screen.getByRole('dialog', { name: 'Settings' });
  fireEvent.click(within(dialog).getByRole('tab', { name: 'Files and links' }));
  expect(screen.queryByLabelText('Attachment folder path')).toBeNull();
  act(() => {
    fireEvent.change(screen.getByLabelText('Default location for new attachments'), { target: { value: 'folder' } });
  });
  const folder = screen.getByLabelText('Attachment folder path');
  act(() => {
    fireEvent.change(folder, { target: { value: ' pics/pasted/ ' } });
    fireEvent.blur(folder);
  });
  expect(readingSettings()).toMatchObject({ attachmentLocation: 'folder', attachmentFolder: 'pics/pasted' });
  expect(JSON.parse(window.localStorage.getItem(settingsKeyFor('/v'))!)).toMatchObject({ attachmentLocation: 'folder' });
  fireEvent.click(within(dialog).getByRole('tab', { name: 'Daily notes' }));
  const format = screen.getByLabelText('Date format');
  act(() => {
    fireEvent.change(format, { target: { value: 'DD.MM.YYYY' } });
    fireEvent.keyDown(format, { key: 'Enter' });
  });
  expect(readingSettings().dailyNoteFormat).toBe('DD.MM.YYYY');
});
