/** The folder a new note goes to ("Default location for new notes"): the vault's top folder, the current note's, or a chosen one. */
import { dirname } from '../../../main/core/paths';
import type { Settings } from './settings-fields';
import type { VaultPath } from '../../../main/core/types';

export function newNoteFolder(settings: Pick<Settings, 'newNoteLocation' | 'newNoteFolder'>, currentPath: VaultPath | null): string {
  if (settings.newNoteLocation === 'root') return '';
  if (settings.newNoteLocation === 'folder') return settings.newNoteFolder;
  return currentPath ? dirname(currentPath) : '';
}
