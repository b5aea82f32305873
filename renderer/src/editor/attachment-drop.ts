/**
 * Paste and drop into the editor, as Obsidian does: a pasted image or a dropped file is saved in
 * the attachment folder (writeAttachment: never over an existing file) and `![[name]]` goes in at
 * the cursor, or where it was dropped; a note dragged from the file explorer becomes `[[Note]]`
 * (an attachment from there `![[file]]`) without copying anything.
 */
import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import type { PlexusApi } from '../../../main/contract/api-contract';
import {
  attachmentFolder,
  imageExtension,
  linkCandidates,
  pastedImageName,
  safeFileName,
  type AttachmentLocation,
} from '../../../main/core/attachments/attachment-names';
import { join } from '../../../main/core/paths';
import type { VaultPath } from '../../../main/core/types';
import { toVaultPath } from '../../../main/core/vault-path';

/** The drag type the file explorer puts a row's vault path under. */
export const VAULT_PATH_DRAG = 'application/x-plexus-path';

export interface AttachmentDropDeps {
  api: PlexusApi;
  notePath(): VaultPath;
  location(): AttachmentLocation;
  onError(message: string): void;
  now?(): Date;
}

/** The shortest link text that resolves from `from` to `target` (its whole path when none shorter does). */
export async function shortestLink(api: PlexusApi, from: VaultPath, target: VaultPath): Promise<string> {
  const candidates = linkCandidates(target);
  for (const candidate of candidates.slice(0, -1)) {
    if ((await api.resolveLink(from, candidate)).resolved === target) return candidate;
  }
  return candidates[candidates.length - 1];
}

function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Saves each file and inserts the embeds at the tracked position (mapped through edits made meanwhile). */
async function saveAndEmbed(view: EditorView, deps: AttachmentDropDeps, files: { file: File; name: string }[], tracker: { pos: number }): Promise<void> {
  const from = deps.notePath();
  const folder = attachmentFolder(deps.location(), from);
  const links: string[] = [];
  for (const { file, name } of files) {
    try {
      // The name comes with the dropped or pasted file: the guard decides whether it can be one.
      const target = toVaultPath(join(folder, name));
      if (!target.ok) {
        deps.onError(`Could not save "${name}": ${target.error.message}`);
        continue;
      }
      const written = await deps.api.writeAttachment(target.value, await base64Of(file));
      if (!written.ok) {
        deps.onError(`Could not save "${name}": ${written.error.message}`);
        continue;
      }
      links.push(`![[${await shortestLink(deps.api, from, written.value.path)}]]`);
    } catch (error) {
      deps.onError(`Could not save "${name}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // The editor may have closed while the files were saved: they are in the vault, unlinked.
  if (links.length === 0 || !view.dom.isConnected) return;
  const at = Math.min(tracker.pos, view.state.doc.length);
  const insert = links.join('\n');
  view.dispatch({ changes: { from: at, insert }, selection: { anchor: at + insert.length }, userEvent: 'input.paste', scrollIntoView: true });
}

/** Keeps a pending insert position in step with edits made while files are saved. */
function tracked(view: EditorView, pos: number, run: (tracker: { pos: number }) => Promise<void>): void {
  const tracker = { pos };
  pending.set(view, [...(pending.get(view) ?? []), tracker]);
  void run(tracker).finally(() =>
    pending.set(
      view,
      (pending.get(view) ?? []).filter((t) => t !== tracker),
    ),
  );
}

const pending = new WeakMap<EditorView, { pos: number }[]>();

const mapPending = EditorView.updateListener.of((update) => {
  if (!update.docChanged) return;
  for (const tracker of pending.get(update.view) ?? []) tracker.pos = update.changes.mapPos(tracker.pos, 1);
});

export function attachmentDrops(deps: AttachmentDropDeps): Extension {
  const now = deps.now ?? (() => new Date());
  const start = (view: EditorView, files: { file: File; name: string }[], pos: number) =>
    tracked(view, pos, (tracker) => saveAndEmbed(view, deps, files, tracker));
  return [
    mapPending,
    EditorView.domEventHandlers({
      paste(event, view) {
        const images = [...(event.clipboardData?.files ?? [])].filter((file) => file.type.startsWith('image/'));
        if (images.length === 0) return false; // text pastes as CodeMirror pastes it
        event.preventDefault();
        const when = now();
        // Several images in one paste share the second: the writer numbers them ` 1`, ` 2`.
        const files = images.map((file) => ({ file, name: pastedImageName(when, imageExtension(file.type)) }));
        const { from, to } = view.state.selection.main;
        if (to > from) view.dispatch({ changes: { from, to }, userEvent: 'delete' });
        start(view, files, from);
        return true;
      },
      dragover(event) {
        const types = event.dataTransfer?.types ?? [];
        if (!types.includes('Files') && !types.includes(VAULT_PATH_DRAG)) return false;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = types.includes(VAULT_PATH_DRAG) ? 'link' : 'copy';
        return true;
      },
      drop(event, view) {
        const data = event.dataTransfer;
        if (!data) return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
        // What another page or app put on the drag is input: only a vault path is dropped as a link.
        const dragged = toVaultPath(data.getData(VAULT_PATH_DRAG));
        const vaultPath = dragged.ok ? dragged.value : null;
        if (vaultPath) {
          event.preventDefault();
          const embed = /\.md$/i.test(vaultPath) ? '' : '!';
          void shortestLink(deps.api, deps.notePath(), vaultPath).then(
            (text) => {
              const at = Math.min(pos, view.state.doc.length);
              const insert = `${embed}[[${text}]]`;
              view.dispatch({ changes: { from: at, insert }, selection: { anchor: at + insert.length }, userEvent: 'input.drop' });
            },
            (error: unknown) => deps.onError(`Could not link "${vaultPath}": ${String(error)}`),
          );
          return true;
        }
        const files = [...data.files];
        if (files.length === 0) return false;
        event.preventDefault();
        start(
          view,
          files.map((file) => ({ file, name: safeFileName(file.name || pastedImageName(now(), imageExtension(file.type))) })),
          pos,
        );
        return true;
      },
    }),
  ];
}
