/** The dialogs around choosing a vault: the folder picker and the "vault folder is missing" prompt. */
import { access, stat } from 'node:fs/promises';
import { dialog, type BrowserWindow } from 'electron';

export async function isDirectory(target: string): Promise<boolean> {
  try {
    await access(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
  return (await stat(target)).isDirectory();
}

export async function pickVaultFolder(win: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Open Vault',
    buttonLabel: 'Open Vault',
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
  };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

export type MissingVaultChoice = 'pick' | 'sample' | 'quit';

/** Asked when the remembered vault folder is gone (moved, renamed, an unplugged drive). */
export async function askAboutMissingVault(root: string): Promise<MissingVaultChoice> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: ['Open Another Vault…', 'Open the Sample Vault', 'Quit'],
    defaultId: 0,
    cancelId: 2,
    message: 'The vault folder is missing.',
    detail: `Plexus could not find ${root}. It may have been moved, renamed or be on a drive that is not connected.`,
  });
  return (['pick', 'sample', 'quit'] as const)[response] ?? 'quit';
}
