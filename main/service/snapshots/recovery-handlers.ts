/**
 * The contract's file-recovery methods: list and read a note's kept versions, restore one
 * (through the note writer's conflict-checked save, keeping the current text first, so the
 * restore itself can be undone), and list deleted notes. Every argument is validated here.
 */
import type { ApiHandlers, NoteVersion, Result } from '../../contract/api-contract';
import { basename, dirname, join } from '../../core/paths';
import type { VaultPath } from '../../core/types';
import { toVaultPath } from '../../core/vault-path';
import { describeError, errorCode } from '../file-reports';
import type { NoteWriter } from '../write/note-writer';
import { validateVaultPath } from '../files/path-validation';
import { decodeUtf8, hashBytes } from '../files/read-vault-file';
import { isIgnoredVaultPath, toAbsolutePath } from '../files/vault-files';
import { isNotePath } from '../../core/paths';
import { fail } from '../files/vault-reads';
import type { VaultFs } from '../files/vault-fs';
import type { SnapshotRecorder } from './snapshot-recorder';
import type { SnapshotEntry } from './snapshot-types';
import type { VaultDataStore } from '../app-data/vault-data-store';
import { DEFAULT_RECOVERY_SETTINGS, SETTINGS_FILE, readRecoverySettings, toPolicy, validateRecoverySettings } from './recovery-settings';

export type RecoveryHandlers = Pick<
  ApiHandlers,
  'listVersions' | 'readVersion' | 'restoreVersion' | 'listDeletedNotes' | 'getRecoverySettings' | 'saveRecoverySettings'
>;

export interface RecoveryDeps {
  realRoot: string;
  /** Where the vault's files live. */
  fs: Pick<VaultFs, 'readFile'>;
  recorder: SnapshotRecorder | null;
  /** The vault's app-data folder (where the settings are kept). */
  data: VaultDataStore;
  exists(path: VaultPath): boolean;
  /** Runs a write after the host's read-only and path checks (api-handlers' `write`). */
  write<T>(paths: unknown[], run: (writer: NoteWriter) => Promise<Result<T>>): Promise<Result<T>>;
}

/** Time, then the store's tag and a counter (earlier stores: eight random hex digits). */
const ID = /^[0-9a-z]{1,16}-[0-9a-z]{8,24}$/;
/** How many other names a restored deleted note may try when its path is taken. */
const MAX_NEW_NAMES = 20;

export function recoveryHandlers(deps: RecoveryDeps): RecoveryHandlers {
  const notePath = (input: unknown): Result<VaultPath> => {
    const valid = validateVaultPath(input);
    if (!valid.ok) return valid;
    if (!isNotePath(valid.value) || isIgnoredVaultPath(valid.value)) return fail('invalid-input', `not a note (.md) path: ${valid.value}`);
    return valid;
  };

  const find = async (input: unknown, id: unknown): Promise<Result<{ entry: SnapshotEntry; bytes: Uint8Array }>> => {
    const valid = notePath(input);
    if (!valid.ok) return valid;
    if (typeof id !== 'string' || !ID.test(id)) return fail('invalid-input', 'version id must be a version id from listVersions');
    if (deps.recorder === null) return fail('not-found', 'file recovery is off');
    try {
      const found = await deps.recorder.read(valid.value, id);
      return found === null ? fail('not-found', `no version ${id} of "${valid.value}"`) : { ok: true, value: found };
    } catch (error) {
      return fail('io-error', `could not read the kept version: ${describeError(error)}`);
    }
  };

  return {
    async listVersions(input) {
      const valid = notePath(input);
      if (!valid.ok) return valid;
      return { ok: true, value: deps.recorder === null ? [] : (await deps.recorder.versions(valid.value)).map(toVersion) };
    },
    async readVersion(input, id) {
      const found = await find(input, id);
      if (!found.ok) return found;
      const { text, decodeWarning } = decodeUtf8(found.value.bytes);
      return { ok: true, value: { version: toVersion(found.value.entry), content: text, decodeWarning } };
    },
    async restoreVersion(input, id, expectedHash) {
      if (expectedHash !== null && (typeof expectedHash !== 'string' || !/^[0-9a-f]{64}$/.test(expectedHash))) {
        return fail('invalid-input', 'expectedHash must be a sha-256 hex string or null');
      }
      return deps.write([input], async (writer) => {
        const found = await find(input, id);
        if (!found.ok) return found;
        const path = found.value.entry.path;
        if (expectedHash === null) return recreate(writer, path, found.value.bytes);
        const current = await readCurrent(path);
        if (!current.ok) return current;
        if (current.value === null) return fail('conflict', `"${path}" was deleted on disk since it was opened`);
        if (hashBytes(current.value) !== expectedHash) return fail('conflict', `"${path}" was changed on disk since it was opened`);
        deps.recorder?.beforeOverwrite(path, current.value, expectedHash, 'before-restore');
        // The version's own bytes (line endings, BOM, even invalid UTF-8), not its text re-encoded.
        const written = await writer.writeNoteBytes(path, found.value.bytes, expectedHash);
        return written.ok ? { ok: true, value: { ...written.value, path } } : written;
      });
    },
    async listDeletedNotes() {
      if (deps.recorder === null) return { ok: true, value: [] };
      return { ok: true, value: (await deps.recorder.deleted(deps.exists)).map(toVersion) };
    },
    async getRecoverySettings() {
      // A damaged file: the defaults apply (as the recorder does), and the form says why.
      const { stored, problem } = await readRecoverySettings(deps.data);
      return { ok: true, value: { settings: stored ?? DEFAULT_RECOVERY_SETTINGS, problem } };
    },
    async saveRecoverySettings(input) {
      const valid = validateRecoverySettings(input);
      if (!valid.ok) return valid;
      return deps.write([], async () => {
        try {
          await deps.data.write(SETTINGS_FILE, valid.value);
        } catch (error) {
          return fail('io-error', `could not save the file recovery settings: ${describeError(error)}`);
        }
        deps.recorder?.configure(toPolicy(valid.value));
        // A smaller cap or a shorter age takes effect now, in the background.
        void deps.recorder?.prune();
        return { ok: true, value: valid.value };
      });
    },
  };

  async function readCurrent(path: VaultPath): Promise<Result<Uint8Array | null>> {
    try {
      return { ok: true, value: await deps.fs.readFile(toAbsolutePath(deps.realRoot, path)) };
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: true, value: null };
      return fail('io-error', `could not read "${path}": ${describeError(error)}`);
    }
  }

  /** A deleted note comes back at its path, or beside it as "name (restored).md" when that is taken. */
  async function recreate(writer: NoteWriter, path: VaultPath, bytes: Uint8Array): Promise<Result<{ hash: string; mtimeMs: number; path: VaultPath }>> {
    const stem = basename(path).replace(/\.md$/i, '');
    for (let n = 0; n <= MAX_NEW_NAMES; n++) {
      const name = n === 0 ? basename(path) : `${stem} (restored${n === 1 ? '' : ` ${n}`}).md`;
      const target = toVaultPath(join(dirname(path), name));
      if (!target.ok) return fail('invalid-input', target.error.message);
      const created = await writer.createNoteBytes(target.value, bytes);
      if (created.ok) return { ok: true, value: { ...created.value, path: target.value } };
      if (created.error.code !== 'exists') return created;
    }
    return fail('exists', `"${path}" and ${MAX_NEW_NAMES} other names beside it are taken`);
  }
}

function toVersion(entry: SnapshotEntry): NoteVersion {
  return { id: entry.id, path: entry.path, time: entry.time, size: entry.size, hash: entry.hash, reason: entry.reason };
}
