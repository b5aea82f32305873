/**
 * Unsaved text survives closing, quitting and switching vaults through the web's own
 * `beforeunload`: the renderer cancels the unload while it holds unsaved text
 * (`event.preventDefault()` in a 'beforeunload' listener), Electron then emits
 * 'will-prevent-unload' here and we ask the user. Choosing "Discard" calls preventDefault on
 * *that* event, which lets the unload proceed. The same renderer code gives the browser's own
 * prompt in browser mode, so no extra IPC channel or API method is needed.
 */
import { dialog, type BrowserWindow } from 'electron';

export const DISCARD_BUTTON = 1;

export function confirmDiscard(win: BrowserWindow): boolean {
  const choice = dialog.showMessageBoxSync(win, {
    type: 'warning',
    buttons: ['Keep editing', 'Discard changes'],
    defaultId: 0,
    cancelId: 0,
    message: 'You have unsaved changes.',
    detail: 'If you continue, the text you have not saved yet is lost.',
  });
  return choice === DISCARD_BUTTON;
}

export class UnsavedChangesGuard {
  private readonly keepListeners = new Set<() => void>();

  constructor(
    private readonly win: BrowserWindow,
    confirm: (win: BrowserWindow) => boolean = confirmDiscard,
  ) {
    win.webContents.on('will-prevent-unload', (event) => {
      if (confirm(win)) {
        event.preventDefault();
        return;
      }
      for (const listener of [...this.keepListeners]) listener();
    });
  }

  /**
   * Unloads the page (to about:blank) before the vault behind it is swapped. Resolves false when
   * the user chose to keep editing; then nothing changed.
   */
  leavePage(): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const onKeep = () => {
        this.keepListeners.delete(onKeep);
        resolve(false);
      };
      this.keepListeners.add(onKeep);
      this.win.webContents.loadURL('about:blank').then(
        () => {
          this.keepListeners.delete(onKeep);
          resolve(true);
        },
        (error: unknown) => {
          this.keepListeners.delete(onKeep);
          // A cancelled unload aborts the load; onKeep has already answered in that case.
          reject(error);
        },
      );
    });
  }
}
