/** The one-line status the recovery dialogs and the settings form show, and what they share to build it. */
export interface RecoveryStatus {
  kind: 'ok' | 'error';
  text: string;
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Copies `text` to the clipboard; the status says `copied`, or why it could not. */
export async function copyToClipboard(text: string, copied: string): Promise<RecoveryStatus> {
  try {
    await navigator.clipboard.writeText(text);
    return { kind: 'ok', text: copied };
  } catch (error) {
    return { kind: 'error', text: `Could not copy: ${errorMessage(error)}` };
  }
}
