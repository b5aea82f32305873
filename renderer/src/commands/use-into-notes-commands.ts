/**
 * The commands that put things into notes: Copy link to block / to heading (on the editor used
 * last), Insert template (a picker of the template folder's notes, filled in at the cursor), and
 * the daily notes (today's, created from its template when missing; the previous and next ones).
 */
import { createElement, useCallback, useState, type ReactElement } from 'react';
import type { FileEntry, PlexusApi } from '../../../main/contract/api-contract';
import { fillTemplate } from '../../../main/core/dates/date-format';
import { activeEditor } from '../editor/active-editor';
import { copyLinkToBlock, copyLinkToHeading, type CopyOutcome } from '../editor/link-commands';
import { readingSettings } from '../settings/settings-store';
import { toVaultPath } from '../../../main/core/vault-path';
import { adjacentDailyNote, dailyNoteDay, dailyNotePath, templateNotePath, type DailyNoteSettings } from '../daily-notes/daily-note-paths';
import { TemplatePicker, type TemplateChoice } from '../components/template-picker';
import { formatDate } from '../../../main/core/dates/date-format';
import type { VaultPath } from '../../../main/core/types';

export interface IntoNotesDeps {
  api: PlexusApi;
  files: FileEntry[] | null;
  currentPath: VaultPath | null;
  readOnly: boolean;
  openPath(path: VaultPath): void;
  reportError(message: string): void;
  notice(message: string): void;
  now?(): Date;
}

export type IntoNotesCommandId = 'copyBlockLink' | 'copyHeadingLink' | 'insertTemplate' | 'openDailyNote' | 'openPreviousDailyNote' | 'openNextDailyNote';

const NO_EDITOR = 'Open a note for editing (Ctrl/Cmd+E) and put the cursor where you want it first.';
const titleOf = (path: VaultPath) => path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
const clipboard = (text: string) => navigator.clipboard.writeText(text);

function dailySettings(): DailyNoteSettings {
  const s = readingSettings();
  return { format: s.dailyNoteFormat, folder: s.dailyNoteFolder };
}

export function useIntoNotesCommands(deps: IntoNotesDeps): { runs: Record<IntoNotesCommandId, () => void>; element: ReactElement | null } {
  const { api, files, currentPath, readOnly, openPath, reportError, notice } = deps;
  const now = deps.now ?? (() => new Date());
  const [picker, setPicker] = useState<{ folder: string; templates: TemplateChoice[] } | null>(null);

  const report = useCallback((outcome: CopyOutcome) => (outcome.ok ? notice(`Copied ${outcome.link}`) : reportError(outcome.message)), [notice, reportError]);
  const failed = useCallback(
    (what: string) => (error: unknown) => reportError(`${what}: ${error instanceof Error ? error.message : String(error)}`),
    [reportError],
  );

  const copyBlock = () => {
    const editor = activeEditor();
    if (!editor) return reportError(NO_EDITOR);
    copyLinkToBlock(editor.view, api, editor.path, clipboard).then(report, failed('Could not copy the link'));
  };
  const copyHeading = () => {
    const editor = activeEditor();
    if (!editor) return reportError(NO_EDITOR);
    copyLinkToHeading(editor.view, api, editor.path, clipboard).then(report, failed('Could not copy the link'));
  };

  const insertTemplate = () => {
    if (!activeEditor()) return reportError(NO_EDITOR);
    const folder = readingSettings().templateFolder;
    if (folder === '') return reportError('Set a template folder in the settings first.');
    const prefix = `${folder}/`;
    const templates = (files ?? [])
      .filter((f) => f.kind === 'note' && f.path.startsWith(prefix))
      .map((f) => ({ path: f.path, name: f.path.slice(prefix.length, -3) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    setPicker({ folder, templates });
  };

  const chooseTemplate = (template: TemplateChoice) => {
    setPicker(null);
    api.readNote(template.path).then(
      (read) => {
        if (!read.ok) return reportError(`Could not read the template ${template.path}: ${read.error.message}`);
        const editor = activeEditor();
        if (!editor) return reportError(NO_EDITOR);
        const text = fillTemplate(read.value.content, { title: titleOf(editor.path), now: now() });
        const { from, to } = editor.view.state.selection.main;
        editor.view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length }, userEvent: 'input', scrollIntoView: true });
        editor.view.focus();
      },
      failed(`Could not read the template ${template.path}`),
    );
  };

  const openDailyNote = async () => {
    const settings = dailySettings();
    const today = now();
    // The folder and the format are settings, typed by the user: the guard decides.
    const checked = toVaultPath(dailyNotePath(today, settings));
    if (!checked.ok) return reportError(`Today's daily note has no valid path: ${checked.error.message}`);
    const path = checked.value;
    if ((files ?? []).some((f) => f.path === path)) return openPath(path);
    if (readOnly) return reportError(`Today's daily note ${path} does not exist, and this vault is open read-only.`);
    let content = '';
    const templateSetting = templateNotePath(readingSettings().dailyNoteTemplate);
    if (templateSetting !== null) {
      const template = toVaultPath(templateSetting);
      if (!template.ok) return reportError(`Could not read the daily note template ${templateSetting}: ${template.error.message}`);
      const read = await api.readNote(template.value);
      if (!read.ok) return reportError(`Could not read the daily note template ${templateSetting}: ${read.error.message}`);
      content = fillTemplate(read.value.content, { title: formatDate(today, settings.format).split('/').pop() ?? '', now: today });
    }
    const created = await api.createNote(path, content);
    // Created meanwhile (another window, a sync): it is there to open all the same.
    if (!created.ok && created.error.code !== 'exists') return reportError(`Could not create ${path}: ${created.error.message}`);
    openPath(path);
  };

  const openAdjacent = (direction: -1 | 1) => {
    const settings = dailySettings();
    const from = (currentPath !== null ? dailyNoteDay(currentPath, settings) : null) ?? now();
    const target = adjacentDailyNote(
      (files ?? []).map((f) => f.path),
      from,
      direction,
      settings,
    );
    if (target === null) return notice(direction === -1 ? 'No earlier daily note.' : 'No later daily note.');
    openPath(target);
  };

  return {
    runs: {
      copyBlockLink: copyBlock,
      copyHeadingLink: copyHeading,
      insertTemplate,
      openDailyNote: () => void openDailyNote().catch(failed("Could not open today's daily note")),
      openPreviousDailyNote: () => openAdjacent(-1),
      openNextDailyNote: () => openAdjacent(1),
    },
    element: picker
      ? createElement(TemplatePicker, { templates: picker.templates, folder: picker.folder, onChoose: chooseTemplate, onClose: () => setPicker(null) })
      : null,
  };
}
