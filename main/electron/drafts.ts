/**
 * Unsaved text survives a renderer crash: the renderer mirrors every text it holds that is not on
 * disk (its unsaved registry) to the main process over one channel, and takes it back after the
 * "Reload" of the crash page. The main process only keeps it in memory, per vault:
 * - `live`: the latest report of the page now shown (replaced by each report, cleared when a new
 *   page commits, as a reload or a vault switch the user confirmed has let go of that text);
 * - `kept`: what a crashed page had reported, until a page of the same vault takes it.
 * The renderer is untrusted input: reports come only from the app's top frame and are checked
 * for shape and size.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Result } from '../contract/api-contract';
import type { Draft } from '../contract/drafts-bridge';
import { toVaultPath } from '../core/vault-path';
import { isTrustedFrame } from './ipc';
import { DRAFTS_REPORT_CHANNEL, DRAFTS_TAKE_CHANNEL } from './ipc-channels';

export { DRAFTS_REPORT_CHANNEL, DRAFTS_TAKE_CHANNEL };

export const MAX_DRAFTS = 500;
export const MAX_DRAFT_PATH = 4096;
/** In UTF-16 code units over all texts of one report: far above any vault's unsaved text. */
export const MAX_DRAFT_CHARS = 64 * 1024 * 1024;

export function checkDrafts(value: unknown): Result<Draft[]> {
  const fail = (message: string): Result<Draft[]> => ({ ok: false, error: { code: 'invalid-input', message } });
  if (!Array.isArray(value)) return fail('drafts must be an array');
  if (value.length > MAX_DRAFTS) return fail(`more than ${MAX_DRAFTS} drafts`);
  const drafts: Draft[] = [];
  let chars = 0;
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return fail('a draft must be an object');
    const { path: raw, text } = item as Record<string, unknown>;
    const path = typeof raw === 'string' && raw.length <= MAX_DRAFT_PATH ? toVaultPath(raw) : null;
    if (path === null || !path.ok) return fail('a draft needs a vault path');
    if (typeof text !== 'string') return fail(`the draft of ${path.value.slice(0, 200)} has no text`);
    chars += text.length;
    if (chars > MAX_DRAFT_CHARS) return fail('the drafts are too large');
    drafts.push({ path: path.value, text });
  }
  return { ok: true, value: drafts };
}

export class DraftStore {
  private live: { root: string; drafts: Draft[] } | null = null;
  private readonly kept = new Map<string, Draft[]>();

  report(root: string, drafts: Draft[]): void {
    this.live = { root, drafts };
  }

  /** The page just committed a new document: the previous page's text is no longer live. */
  pageLeft(): void {
    this.live = null;
  }

  /** The renderer is gone: its last report is kept for its vault. Returns how many texts `root` now has kept. */
  rendererGone(root: string | null): number {
    const live = this.live;
    this.live = null;
    if (live !== null && live.drafts.length > 0) {
      // Appended, never replacing: the renderer joins several texts of one note (kept-texts.ts).
      this.kept.set(live.root, [...(this.kept.get(live.root) ?? []), ...live.drafts]);
    }
    return root === null ? 0 : this.keptCount(root);
  }

  keptCount(root: string): number {
    return this.kept.get(root)?.length ?? 0;
  }

  /** Hands the kept texts of `root` to the page that asks (it reports them back as its own). */
  take(root: string): Draft[] {
    const kept = this.kept.get(root) ?? [];
    this.kept.delete(root);
    return kept;
  }
}

export interface DraftIpcOptions {
  store: DraftStore;
  getMainContents: () => WebContents | null;
  /** The open vault's root; null while none is open. */
  currentRoot: () => string | null;
  log: (message: string) => void;
}

function checkSender(options: DraftIpcOptions, event: IpcMainInvokeEvent, channel: string): void {
  const contents = options.getMainContents();
  if (event.sender !== contents || !isTrustedFrame(event.senderFrame, contents)) {
    options.log(`plexus: refused ${channel} from an untrusted frame (${event.senderFrame?.url ?? 'gone'})`);
    throw new Error(`${channel}: sender is not the Plexus window`);
  }
}

export function registerDraftIpc(options: DraftIpcOptions): () => void {
  ipcMain.handle(DRAFTS_REPORT_CHANNEL, (event, drafts: unknown) => {
    checkSender(options, event, DRAFTS_REPORT_CHANNEL);
    const checked = checkDrafts(drafts);
    if (!checked.ok) {
      options.log(`plexus: refused a drafts report: ${checked.error.message}`);
      throw new Error(`${DRAFTS_REPORT_CHANNEL}: ${checked.error.message}`);
    }
    const root = options.currentRoot();
    if (root !== null) options.store.report(root, checked.value);
  });
  ipcMain.handle(DRAFTS_TAKE_CHANNEL, (event) => {
    checkSender(options, event, DRAFTS_TAKE_CHANNEL);
    const root = options.currentRoot();
    return root === null ? [] : options.store.take(root);
  });
  return () => {
    ipcMain.removeHandler(DRAFTS_REPORT_CHANNEL);
    ipcMain.removeHandler(DRAFTS_TAKE_CHANNEL);
  };
}
