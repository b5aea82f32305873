/**
 * The renderer's settings store is the one place the reading settings are read and written:
 * the status-bar menu is drawn from its field list (as a settings dialog will be), and no other
 * renderer module touches their storage.
 */
import '../setup';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ReadingSettingsMenu } from '../../../renderer/src/components/reading-settings-menu';
import { READING_SETTING_FIELDS, READING_SETTINGS_KEY, readingSettings } from '../../../renderer/src/settings/settings-store';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

beforeEach(() => window.localStorage.clear());

test('every setting has a field, and the menu shows and changes each through the store', () => {
  expect(READING_SETTING_FIELDS.map((field) => field.key).sort()).toEqual(Object.keys(readingSettings()).sort());
  render(<ReadingSettingsMenu />);
  for (const field of READING_SETTING_FIELDS) {
    if (field.kind === 'toggle') {
      const box = screen.getByRole('checkbox', { name: field.label });
      expect(box).not.toBeChecked();
      act(() => {
        fireEvent.click(box);
      });
      expect(readingSettings()[field.key]).toBe(true);
      expect(screen.getByRole('checkbox', { name: field.label })).toBeChecked();
    } else {
      const select = screen.getByRole('combobox', { name: field.label });
      const other = field.options.find((o) => o.value !== readingSettings()[field.key])!;
      act(() => {
        fireEvent.change(select, { target: { value: other.value } });
      });
      expect(readingSettings()[field.key]).toBe(other.value);
    }
  }
  expect(JSON.parse(window.localStorage.getItem(READING_SETTINGS_KEY)!)).toEqual({ strictLineBreaks: true, loadRemoteImages: true, defaultEditingMode: 'source' });
});

test('no renderer module but the store reads or writes the settings storage', () => {
  const root = join(__dirname, '../../../renderer/src');
  const readers = sourceFiles(root).filter((file) => /plexus\.readingSettings|READING_SETTINGS_KEY/.test(readFileSync(file, 'utf8')));
  expect(readers.map((file) => file.slice(root.length + 1))).toEqual(['settings/settings-store.ts']);
});
