/** The one wording for every control that read-only mode disables. */
export const READ_ONLY_MESSAGE = 'This vault is open read-only';

/** Where a deleted note went, worded for the host (Electron uses the OS trash; browser mode the vault's .trash/ folder). */
export function trashLocation(host: 'electron' | 'browser'): string {
  return host === 'electron' ? 'moved to the system trash' : 'moved to .trash/ in the vault';
}
