/** The one wording for every control that read-only mode disables. */
export const READ_ONLY_MESSAGE = 'This vault is open read-only';
/** The same controls while browser mode has lost its server (the editor stays, its saves wait). */
export const DISCONNECTED_MESSAGE = 'Not connected to Plexus';

/**
 * Why writing is refused right now, if it is: the vault is read-only (nothing can be edited), or
 * the connection is lost (new/rename/delete wait; the editor keeps its text and saves on reconnect).
 */
export type WriteBlock = { reason: 'read-only' | 'disconnected'; message: string } | null;

export function writeBlock(readOnly: boolean, disconnected: boolean): WriteBlock {
  if (readOnly) return { reason: 'read-only', message: READ_ONLY_MESSAGE };
  if (disconnected) return { reason: 'disconnected', message: DISCONNECTED_MESSAGE };
  return null;
}

/** Where a deleted note went, worded for the host (Electron uses the OS trash; browser mode the vault's .trash/ folder). */
export function trashLocation(host: 'electron' | 'browser'): string {
  return host === 'electron' ? 'moved to the system trash' : 'moved to .trash/ in the vault';
}
