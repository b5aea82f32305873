/**
 * The settings for getting things into notes, as Obsidian names them: "Default location for new
 * attachments" (vault folder, a named folder, or the note's own folder), "Template folder
 * location", and the daily notes' date format, folder and template. Each is a field (section,
 * label, description, kind, default) in the shape the settings dialog draws from, and the
 * settings store (settings-fields.ts lists them with the others) keeps them. Pure.
 */
import type { AttachmentLocation } from '../../../main/core/attachments/attachment-names';
import { cleanFolder } from '../../../main/core/attachments/attachment-names';

export type AttachmentLocationKind = AttachmentLocation['kind'];

export interface IntoNotesSettings {
  attachmentLocation: AttachmentLocationKind;
  /** The folder attachments go to when attachmentLocation is 'folder'. */
  attachmentFolder: string;
  /** Notes in this folder are offered by "Insert template" ('' : none set). */
  templateFolder: string;
  /** Moment-style tokens (YYYY-MM-DD): the daily note's file name. */
  dailyNoteFormat: string;
  dailyNoteFolder: string;
  /** A note path (with or without .md) whose text a new daily note starts from ('' : empty). */
  dailyNoteTemplate: string;
}

type TextKey = { [K in keyof IntoNotesSettings]: IntoNotesSettings[K] extends string ? K : never }[keyof IntoNotesSettings];

interface FieldBase<K extends keyof IntoNotesSettings> {
  key: K;
  section: string;
  label: string;
  description: string;
  default: IntoNotesSettings[K];
  shownWhen?(settings: IntoNotesSettings): boolean;
}

export type IntoNotesField =
  | (FieldBase<'attachmentLocation'> & { kind: 'choice'; options: readonly { value: AttachmentLocationKind; label: string }[] })
  | (FieldBase<Exclude<TextKey, 'attachmentLocation'>> & { kind: 'text' | 'format'; placeholder: string });

export const INTO_NOTES_FIELDS: readonly IntoNotesField[] = [
  {
    key: 'attachmentLocation',
    section: 'Files and links',
    kind: 'choice',
    label: 'Default location for new attachments',
    default: 'root',
    description: 'Where pasted images and dropped files are saved.',
    options: [
      { value: 'root', label: 'Vault folder' },
      { value: 'folder', label: 'In the folder specified below' },
      { value: 'note-folder', label: 'Same folder as current file' },
    ],
  },
  {
    key: 'attachmentFolder',
    section: 'Files and links',
    kind: 'text',
    label: 'Attachment folder path',
    default: 'attachments',
    placeholder: 'e.g. attachments',
    description: 'A folder of the vault; it is created with the first attachment.',
    shownWhen: (s) => s.attachmentLocation === 'folder',
  },
  {
    key: 'templateFolder',
    section: 'Templates',
    kind: 'text',
    label: 'Template folder location',
    default: 'Templates',
    placeholder: 'e.g. Templates',
    description: 'Notes in this folder are offered by “Insert template”.',
  },
  {
    key: 'dailyNoteFormat',
    section: 'Daily notes',
    kind: 'format',
    label: 'Date format',
    default: 'YYYY-MM-DD',
    placeholder: 'YYYY-MM-DD',
    description: 'The daily note’s name: YYYY, MM, DD, dddd, MMMM and the other date tokens.',
  },
  {
    key: 'dailyNoteFolder',
    section: 'Daily notes',
    kind: 'text',
    label: 'New file location',
    default: '',
    placeholder: 'e.g. Daily',
    description: 'New daily notes are created in this folder (empty: the vault folder).',
  },
  {
    key: 'dailyNoteTemplate',
    section: 'Daily notes',
    kind: 'text',
    label: 'Template file location',
    default: '',
    placeholder: 'e.g. Templates/Daily',
    description: 'A note whose text each new daily note starts from.',
  },
];

export const INTO_NOTES_DEFAULTS: IntoNotesSettings = Object.fromEntries(INTO_NOTES_FIELDS.map((f) => [f.key, f.default])) as unknown as IntoNotesSettings;

/** Stored values checked one by one: a missing or wrong one is its default. */
export function parseIntoNotes(stored: Partial<Record<string, unknown>>): IntoNotesSettings {
  const text = (key: TextKey, clean: (v: string) => string) => {
    const value = stored[key];
    return typeof value === 'string' ? clean(value) : (INTO_NOTES_DEFAULTS[key] as string);
  };
  const location = stored.attachmentLocation;
  return {
    attachmentLocation: location === 'folder' || location === 'note-folder' || location === 'root' ? location : INTO_NOTES_DEFAULTS.attachmentLocation,
    attachmentFolder: text('attachmentFolder', cleanFolder),
    templateFolder: text('templateFolder', cleanFolder),
    dailyNoteFormat: text('dailyNoteFormat', (v) => (v.trim() === '' ? INTO_NOTES_DEFAULTS.dailyNoteFormat : v.trim())),
    dailyNoteFolder: text('dailyNoteFolder', cleanFolder),
    dailyNoteTemplate: text('dailyNoteTemplate', cleanFolder),
  };
}

/** The attachment location the writer's naming takes. */
export function attachmentLocationOf(settings: IntoNotesSettings): AttachmentLocation {
  return settings.attachmentLocation === 'folder' ? { kind: 'folder', folder: settings.attachmentFolder } : { kind: settings.attachmentLocation };
}
