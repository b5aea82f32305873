/**
 * Carries out one deep link (deep-link.ts) in the running app: validate, find the vault, switch to
 * it if another is open (the usual unsaved-text prompt applies), then show the file. A file the
 * vault does not hold is offered for creation (a note, in a writable vault) or reported. Every
 * refusal is a message to the user; nothing here throws for bad input.
 */
import path from 'node:path';
import type { VaultPath } from '../core/types';
import { toVaultPath } from '../core/vault-path';
import { parseDeepLink } from './deep-link';
import { resolveLinkTarget } from './deep-link-target';
import type { VaultBackend } from './vault-backend';

export const CREATE_BUTTON = 0;

export interface DeepLinkHost {
  current(): VaultBackend | null;
  recentVaults(): string[];
  readOnly: boolean;
  /** Opens `root` in the window; afterwards current() is that vault, unless it failed or the user kept editing. */
  switchVault(root: string): Promise<void>;
  /** Shows the vault path in the window (the vault is open). */
  showNote(vaultPath: VaultPath): Promise<void>;
  tell(message: string, detail: string): Promise<void>;
  /** Returns the index of the chosen button. */
  ask(message: string, detail: string, buttons: string[]): Promise<number>;
}

const CANNOT_OPEN = 'Plexus cannot open this link.';

async function findInVault(backend: VaultBackend, file: VaultPath): Promise<VaultPath | null> {
  if (await backend.access.isIndexed(file)) return file;
  // Like Obsidian, `file=Folder/Note` may leave the extension off.
  const withMd = withMdExtension(file);
  if (!file.toLowerCase().endsWith('.md') && (await backend.access.isIndexed(withMd))) return withMd;
  return null;
}

/** `file` with '.md' appended (a valid path stays valid, so the guard cannot refuse it). */
function withMdExtension(file: VaultPath): VaultPath {
  const checked = toVaultPath(`${file}.md`);
  if (!checked.ok) throw new Error(`a vault path with '.md' appended is refused: ${checked.error.message}`);
  return checked.value;
}

async function offerToCreate(host: DeepLinkHost, backend: VaultBackend, file: VaultPath): Promise<void> {
  const vaultName = path.basename(backend.root);
  const missing = `“${file}” is not in the vault “${vaultName}”.`;
  const ext = path.extname(file).toLowerCase();
  if (ext !== '' && ext !== '.md') return host.tell(missing, 'The link names a file that does not exist (it may have been renamed, moved or deleted).');
  if (host.readOnly) return host.tell(missing, 'The vault is open read-only, so the note cannot be created.');
  const notePath = ext === '.md' ? file : withMdExtension(file);
  const choice = await host.ask(missing, `Create the note “${notePath}”?`, ['Create Note', 'Cancel']);
  if (choice !== CREATE_BUTTON) return;
  const created = await backend.handlers.createNote(notePath, '');
  if (!created.ok) return host.tell(`Could not create “${notePath}”.`, created.error.message);
  await host.showNote(notePath);
}

export async function openDeepLink(raw: string, host: DeepLinkHost): Promise<void> {
  const parsed = parseDeepLink(raw);
  if (!parsed.ok) return host.tell(CANNOT_OPEN, parsed.error.message);
  const target = await resolveLinkTarget(parsed.value, host.current()?.root ?? null, host.recentVaults());
  if (!target.ok) return host.tell(CANNOT_OPEN, target.error.message);
  const { root, file } = target.value;
  if (host.current()?.root !== root) {
    await host.switchVault(root);
    // switchVault has told the user why it did not switch (or they chose to keep editing).
    if (host.current()?.root !== root) return;
  }
  const backend = host.current();
  if (file === null || backend === null) return;
  const found = await findInVault(backend, file);
  if (found === null) return offerToCreate(host, backend, file);
  await host.showNote(found);
}
