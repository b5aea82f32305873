/**
 * Every setting of the app, once: its section, label, description, kind and default. The
 * settings dialog draws itself from SETTING_FIELDS grouped by section, and stored values are
 * checked against the same list (parseSettings), so a new setting is one entry here plus its
 * type in `Settings` — no dialog or storage change. Pure: no storage, no React. The attachment,
 * template and daily-note settings are defined beside the code that uses them (into-notes-fields.ts).
 */
import { INTO_NOTES_FIELDS, type IntoNotesSettings } from './into-notes-fields';

export type Theme = 'system' | 'light' | 'dark';
export type NewNoteLocation = 'root' | 'current' | 'folder';

export interface Settings extends IntoNotesSettings {
  /** What Ctrl/Cmd+E opens a note in: Live Preview (Obsidian's default) or source mode. */
  defaultEditingMode: 'live' | 'source';
  strictLineBreaks: boolean;
  loadRemoteImages: boolean;
  theme: Theme;
  /** The notes' text size in px (Obsidian's "Font size"). */
  fontSize: number;
  /** Notes keep a readable column width instead of filling the pane. */
  readableLineWidth: boolean;
  newNoteLocation: NewNoteLocation;
  /** The folder new notes go to when newNoteLocation is 'folder'. */
  newNoteFolder: string;
  /** Folders hidden from the explorer, search and the quick switcher (Obsidian's "Excluded files"). */
  excludedFolders: string[];
}

export type SettingKey = keyof Settings;

interface FieldBase<K extends SettingKey> {
  key: K;
  section: string;
  label: string;
  description: string;
  default: Settings[K];
  /** Shown only when this holds (a folder name only for "In the folder below"). */
  shownWhen?(settings: Settings): boolean;
}

export type SettingField<K extends SettingKey = SettingKey> = FieldBase<K> &
  (
    | { kind: 'toggle' }
    | { kind: 'choice'; options: readonly { value: Settings[K]; label: string }[] }
    | { kind: 'number'; min: number; max: number; unit: string }
    | { kind: 'text'; placeholder: string }
    /** Free text kept as typed (trimmed), e.g. a date format; empty reads as the default. */
    | { kind: 'format'; placeholder: string }
    | { kind: 'folder-list' }
  );

type AnyField = { [K in SettingKey]: SettingField<K> }[SettingKey];

/** Sections in the order the dialog lists them; a field may name another, which then follows these. */
export const SECTIONS = ['Editor', 'Appearance', 'Files and links'] as const;

export const FONT_SIZE_MIN = 10;
export const FONT_SIZE_MAX = 30;

export const SETTING_FIELDS: readonly AnyField[] = [
  {
    key: 'defaultEditingMode',
    section: 'Editor',
    kind: 'choice',
    label: 'Default editing mode',
    default: 'live',
    description: 'What a note opens in when you start editing it.',
    options: [
      { value: 'live', label: 'Live Preview' },
      { value: 'source', label: 'Source mode' },
    ],
  },
  {
    key: 'strictLineBreaks',
    section: 'Editor',
    kind: 'toggle',
    label: 'Strict line breaks',
    default: false,
    description: 'A single newline is a space, as in plain Markdown, not a line break.',
  },
  {
    key: 'loadRemoteImages',
    section: 'Editor',
    kind: 'toggle',
    label: 'Load remote images',
    default: false,
    description: 'Images from the web load without asking; off, each is a placeholder with “Load image”.',
  },
  {
    key: 'theme',
    section: 'Appearance',
    kind: 'choice',
    label: 'Theme',
    default: 'system',
    description: 'Light or dark, or the one your system uses.',
    options: [
      { value: 'system', label: 'Follow system' },
      { value: 'light', label: 'Light' },
      { value: 'dark', label: 'Dark' },
    ],
  },
  {
    key: 'fontSize',
    section: 'Appearance',
    kind: 'number',
    label: 'Font size',
    default: 16,
    min: FONT_SIZE_MIN,
    max: FONT_SIZE_MAX,
    unit: 'px',
    description: `The size of the notes’ text, ${FONT_SIZE_MIN} to ${FONT_SIZE_MAX} px.`,
  },
  {
    key: 'readableLineWidth',
    section: 'Appearance',
    kind: 'toggle',
    label: 'Readable line length',
    default: true,
    description: 'Notes keep a comfortable column width; off, they fill the pane.',
  },
  {
    key: 'newNoteLocation',
    section: 'Files and links',
    kind: 'choice',
    label: 'Default location for new notes',
    default: 'current',
    description: 'Where “New note” and the quick switcher’s “Create” put a note.',
    options: [
      { value: 'root', label: 'Vault folder' },
      { value: 'current', label: 'Same folder as current note' },
      { value: 'folder', label: 'In the folder specified below' },
    ],
  },
  {
    key: 'newNoteFolder',
    section: 'Files and links',
    kind: 'text',
    label: 'Folder to create new notes in',
    default: '',
    placeholder: 'e.g. Inbox',
    description: 'A folder of the vault; it is created with the first note.',
    shownWhen: (s) => s.newNoteLocation === 'folder',
  },
  {
    key: 'excludedFolders',
    section: 'Files and links',
    kind: 'folder-list',
    label: 'Excluded folders',
    default: [],
    description: 'Hidden from the file explorer, search results and the quick switcher.',
  },
  ...(INTO_NOTES_FIELDS as readonly AnyField[]),
];

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, f.default])) as unknown as Settings;

/** A folder as typed ("/Archive/", " Daily\\Notes ") as a vault path ("Archive", "Daily/Notes"); '' for the root or nothing. */
export function normalizeFolder(input: string): string {
  return input
    .trim()
    .replace(/\\/g, '/')
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/** The field's value from what was stored, or undefined when it is not a value this field can hold. */
export function checkValue(field: AnyField, value: unknown): Settings[SettingKey] | undefined {
  switch (field.kind) {
    case 'toggle':
      return typeof value === 'boolean' ? value : undefined;
    case 'choice':
      return field.options.some((o) => o.value === value) ? (value as Settings[SettingKey]) : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? Math.min(field.max, Math.max(field.min, Math.round(value))) : undefined;
    case 'text':
      return typeof value === 'string' ? normalizeFolder(value) : undefined;
    case 'format':
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    case 'folder-list': {
      if (!Array.isArray(value)) return undefined;
      const folders = value
        .filter((v): v is string => typeof v === 'string')
        .map(normalizeFolder)
        .filter((f) => f !== '');
      return [...new Set(folders)];
    }
  }
}

/** Stored settings text made safe: unknown keys dropped, each bad or missing value its default. Never throws. */
export function parseSettings(text: string | null): Settings {
  if (!text) return DEFAULT_SETTINGS;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return DEFAULT_SETTINGS; // not ours or cut short
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return DEFAULT_SETTINGS;
  const record = stored as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  for (const field of SETTING_FIELDS) settings[field.key] = checkValue(field, record[field.key]) ?? field.default;
  return settings as unknown as Settings;
}

/** The dialog's sections: SECTIONS first, then any other a field names, each with its fields in list order. */
export function settingSections(fields: readonly AnyField[] = SETTING_FIELDS): { name: string; fields: AnyField[] }[] {
  const names: string[] = [...SECTIONS];
  for (const f of fields) if (!names.includes(f.section)) names.push(f.section);
  return names.map((name) => ({ name, fields: fields.filter((f) => f.section === name) }));
}

export type { AnyField };
