/**
 * What happens to text an editor could not put in its note when the editor closes (Ctrl+E, Read,
 * another note) while the note is in conflict or its last save failed. Leaving never drops it:
 *
 * 1. it is written as a conflict copy next to the note (`Note (conflict 2024-05-01 0930).md`,
 *    numbered if that name is taken) through the ordinary createNote call, and the app says where;
 * 2. if the vault refuses that write too, it is kept in this window (kept-texts.ts): the app says
 *    so, closing the window asks first, and reopening the note offers Restore / Discard.
 *
 * The caller has already tried the note itself (a final save) where that was safe to do.
 */
import type { PlexusApi, Result, WriteOutcome } from '../../../main/contract/api-contract';
import { conflictCopyPath } from './conflict-copy-path';
import { keepText } from './kept-texts';
import type { VaultPath } from '../../../main/core/types';
import { toVaultPath } from '../../../main/core/vault-path';

/** Copies made in one minute share a name stem; past this many the vault is misbehaving. */
const MAX_COPY_NUMBER = 50;

export type RescueReport =
  { kind: 'copied'; path: VaultPath; copyPath: VaultPath; reason: string } | { kind: 'kept'; path: VaultPath; reason: string; copyError: string };

/** Writes `text` as a new conflict copy of `path`; an existing copy is never overwritten. */
export async function writeConflictCopy(api: PlexusApi, path: VaultPath, text: string, date: Date): Promise<Result<{ copyPath: VaultPath } & WriteOutcome>> {
  for (let n = 1; ; n++) {
    const copy = toVaultPath(conflictCopyPath(path, date, n));
    if (!copy.ok) return { ok: false, error: { code: 'invalid-input', message: copy.error.message } };
    const copyPath = copy.value;
    const res = await api.createNote(copyPath, text);
    if (res.ok) return { ok: true, value: { copyPath, ...res.value } };
    if (res.error.code !== 'exists' || n >= MAX_COPY_NUMBER) return res;
  }
}

/**
 * Puts `text` (from the closed editor of `path`) somewhere safe: a conflict copy, else this
 * window's kept texts. `reason` says why it is not in the note itself.
 */
export async function rescueText(api: PlexusApi, path: VaultPath, text: string, reason: string, now = new Date()): Promise<RescueReport> {
  let copyError: string;
  try {
    const copy = await writeConflictCopy(api, path, text, now);
    if (copy.ok) return { kind: 'copied', path, copyPath: copy.value.copyPath, reason };
    copyError = copy.error.message;
  } catch (error) {
    // The call itself failed (the browser-mode server is gone): the text stays in the window.
    copyError = error instanceof Error ? error.message : String(error);
  }
  keepText({ path, text, keptAt: now.getTime(), reason });
  return { kind: 'kept', path, reason, copyError };
}

/** The sentence the app shows for a rescue. */
export function describeRescue(report: RescueReport): string {
  if (report.kind === 'copied') return `Your text in “${report.path}” was not saved there (${report.reason}); it is in “${report.copyPath}”.`;
  return `Your text in “${report.path}” could not be saved (${report.reason}), nor saved as a copy (${report.copyError}). It is kept in this window: open the note to restore it.`;
}
