/** How the File recovery dialog words a version: why it was kept, when, and how big. */
import type { NoteVersion } from '../../../../main/contract/api-contract';

const REASONS: Record<NoteVersion['reason'], string> = {
  'first-read': 'As opened, before editing here',
  'before-save': 'Edited here',
  'external-change': 'Changed by another program',
  deleted: 'Deleted',
  'before-rename': 'Before rename',
  'before-restore': 'Before restore',
};

export function reasonLabel(reason: NoteVersion['reason']): string {
  return REASONS[reason];
}

export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function timeLabel(time: number): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
