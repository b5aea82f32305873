/**
 * The Electron window's second bridge beside `window.plexus`: `window.plexusDrafts`, through
 * which the renderer mirrors its unsaved text to the main process and takes it back after a
 * crash (main/electron/drafts.ts). Type-only; browser mode has no such object.
 */
import type { VaultPath } from '../core/types';
export interface Draft {
  path: VaultPath;
  text: string;
}

export interface DraftsBridge {
  report(drafts: Draft[]): Promise<void>;
  take(): Promise<Draft[]>;
}
