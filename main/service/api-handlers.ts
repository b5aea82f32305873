/**
 * The only place where contract calls meet the vault service. Every argument is checked at
 * runtime (the caller may be a browser tab): types, lengths, and vault paths that must stay
 * inside the vault. Reads must name a file the index holds; writes are resolved through
 * symlinks on disk and handed to the note writer, or refused when the host is read-only.
 */
import * as path from 'node:path';
import type { ApiHandlers, FileEntry, GraphLayoutPositions, LinkTargetInfo, Result, SwitcherItem } from '../contract/api-contract';
import { describeError } from './file-reports';
import type { NoteWriter } from './write/note-writer';
import { isAllowedExternalUrl, resolveForWrite, validateVaultPath } from './files/path-validation';
import { recoveryHandlers } from './snapshots/recovery-handlers';
import { unlinkedMentions } from './search/unlinked-mentions';
import { VaultDataStore, defaultDataDir } from './app-data/vault-data-store';
import type { VaultService } from './vault-service';
import type { VaultPath } from '../core/types';
import { attachmentDataUrl, backlinkGroups, fail, linkTarget, outgoingLinks, switcherItems } from './files/vault-reads';
import { isLayout, isSettings } from './app-data/layout-validation';
import { checkOpenable } from './files/open-attachment';
import { decodeAttachment } from './files/attachment-bytes';
import { creationTimes } from './files/creation-times';
import { keptAnswer } from './kept-answer';

export interface ApiHost {
  kind: 'electron' | 'browser';
  readOnly: boolean;
  openExternal(url: string): void | Promise<void>;
  /**
   * Opens a file (absolute, inside the vault) in the OS default app; resolves to an error
   * message or ''. Electron passes shell.openPath; browser mode has none, so the call is refused.
   */
  openPath?(absolutePath: string): Promise<string>;
  /** The note writer (main/service/note-writer.ts); without it every write answers 'read-only'. */
  writer?: NoteWriter;
  /** The app's data folder for per-vault layout and settings; default the OS config folder. */
  dataDir?: string;
}

const MAX_TEXT = 1024;
const MAX_CONTENT_CHARS = 20 * 1024 * 1024;
const NO_TARGET: LinkTargetInfo = { resolved: null, kind: null, createPath: null };
/** Targets one resolveLinks call may ask for: bounds the work and the reply of one request. */
export const MAX_RESOLVE_TARGETS = 2000;

export function createApiHandlers(service: VaultService, host: ApiHost): ApiHandlers {
  const store = new VaultDataStore(host.dataDir ?? defaultDataDir(), service.realRoot);
  const state = () => service.vaultState;

  /** A checked path the index holds (notes only when `note`): the one check of a read's path. */
  const indexed = (input: unknown, kind?: 'note'): Result<VaultPath> => {
    const valid = validateVaultPath(input);
    if (!valid.ok) return valid;
    const entry = state().files.get(valid.value);
    if (entry === undefined || (kind !== undefined && entry.kind !== kind)) return fail('not-found', `no ${kind ?? 'file'} "${valid.value}" in this vault`);
    return valid;
  };

  /** Checks a write's paths, then calls the writer with the checked paths (or refuses when read-only). */
  const write = async <T>(inputs: unknown[], run: (writer: NoteWriter, paths: VaultPath[]) => Promise<Result<T>>): Promise<Result<T>> => {
    if (host.readOnly || host.writer === undefined) return fail('read-only', 'this vault is open read-only; changes cannot be saved');
    const paths: VaultPath[] = [];
    for (const input of inputs) {
      const valid = validateVaultPath(input);
      if (!valid.ok) return valid;
      const real = resolveForWrite(service.realRoot, valid.value, service.fs);
      if (!real.ok) return real;
      paths.push(valid.value);
    }
    return run(host.writer, paths);
  };

  const contentOk = (content: unknown): content is string => typeof content === 'string' && content.length <= MAX_CONTENT_CHARS;

  // Kept until the file list or a note changes: each page load asks for them, and at 50k notes
  // they are megabytes of JSON (docs/benchmarks.md).
  const stateNow = () => [state(), state().changeCount()];
  const files = keptAnswer(stateNow, () => service.listFiles());
  const switcher = keptAnswer(stateNow, () => switcherItems(state()));

  return {
    async getVaultInfo() {
      return { name: path.basename(service.root), root: service.root, readOnly: host.readOnly, host: host.kind, status: service.getStatus() };
    },
    async listFiles() {
      return files() as FileEntry[];
    },
    async readNote(input) {
      const valid = indexed(input, 'note');
      return valid.ok ? service.readNote(valid.value) : valid;
    },
    async getNoteMeta(input) {
      const valid = indexed(input, 'note');
      return valid.ok ? service.getNoteMeta(valid.value) : valid;
    },
    async getBacklinks(input) {
      const valid = indexed(input);
      return valid.ok ? backlinkGroups(state(), service.graph, valid.value) : valid;
    },
    async getOutgoingLinks(input) {
      const valid = indexed(input, 'note');
      return valid.ok ? outgoingLinks(state(), service.graph, valid.value) : valid;
    },
    async getUnlinkedMentions(input) {
      const valid = indexed(input, 'note');
      return valid.ok ? unlinkedMentions(service, valid.value) : valid;
    },
    async resolveLink(from, target) {
      const valid = indexed(from, 'note');
      if (!valid.ok || typeof target !== 'string' || target.length > MAX_TEXT || target.includes('\0')) return NO_TARGET;
      return linkTarget(state(), service.graph, valid.value, target);
    },
    async resolveLinks(from, targets) {
      if (!Array.isArray(targets)) return fail('invalid-input', 'targets must be an array of strings');
      if (targets.length > MAX_RESOLVE_TARGETS) return fail('invalid-input', `too many targets (${targets.length}, at most ${MAX_RESOLVE_TARGETS})`);
      // An index loop, not every(): that skips the holes of a sparse array (IPC's structured clone keeps them).
      for (let i = 0; i < targets.length; i++) if (typeof targets[i] !== 'string') return fail('invalid-input', `targets[${i}] is not a string`);
      const valid = indexed(from, 'note');
      if (!valid.ok) return valid;
      // Each as resolveLink answers it, a target it would refuse included.
      const one = (target: string) => (target.length > MAX_TEXT || target.includes('\0') ? NO_TARGET : linkTarget(state(), service.graph, valid.value, target));
      return { ok: true, value: Array.from(targets, one) };
    },
    async getSwitcherItems() {
      return switcher() as SwitcherItem[];
    },
    async search(query) {
      if (typeof query !== 'string') return fail('invalid-input', 'the search query must be a string');
      if (query.length > MAX_TEXT) return fail('invalid-input', `the search query is too long (over ${MAX_TEXT} characters)`);
      return service.search(query);
    },
    async getTags() {
      return service.graph.tagCounts();
    },
    async getGraph() {
      return service.graph.snapshot();
    },
    async getCreationTimes() {
      return creationTimes(state().fs, state().realRoot, state().files.keys());
    },
    async getGraphLayout() {
      const stored = await store.read('graph-layout');
      return isLayout(stored) ? stored : null;
    },
    async saveGraphLayout(layout) {
      if (!isLayout(layout)) return fail('invalid-input', 'layout must be { positions: { id: {x, y} }, pinned: string[] } with finite numbers');
      return saveData('graph-layout', { positions: layout.positions, pinned: layout.pinned } satisfies GraphLayoutPositions);
    },
    async getGraphSettings() {
      const stored = await store.read('graph-settings');
      return isSettings(stored) ? stored : null;
    },
    async saveGraphSettings(settings) {
      if (!isSettings(settings)) return fail('invalid-input', 'settings must be a JSON object under 1 MB');
      return saveData('graph-settings', settings);
    },
    async readAttachment(input) {
      const valid = indexed(input);
      return valid.ok ? attachmentDataUrl(state(), valid.value) : valid;
    },
    async openAttachment(input) {
      const valid = indexed(input);
      if (!valid.ok) return valid;
      if (state().files.get(valid.value)?.kind !== 'attachment') return fail('invalid-input', `"${valid.value}" is a note; it opens in Plexus`);
      if (host.openPath === undefined) return fail('invalid-input', 'opening a file in another app works only in the desktop app; download it instead');
      const openable = checkOpenable(valid.value);
      if (!openable.ok) return openable;
      // The indexed path may have become a symlink since the scan: the real file must be inside.
      const real = resolveForWrite(service.realRoot, valid.value, service.fs);
      if (!real.ok) return real;
      const problem = await host.openPath(real.value);
      return problem === '' ? { ok: true, value: null } : fail('io-error', `could not open "${valid.value}": ${problem}`);
    },
    async writeNote(input, content, expectedHash) {
      if (!contentOk(content)) return fail('invalid-input', 'content must be a string under 20 MB');
      if (expectedHash !== null && (typeof expectedHash !== 'string' || !/^[0-9a-f]{64}$/.test(expectedHash))) {
        return fail('invalid-input', 'expectedHash must be a sha-256 hex string or null');
      }
      return write([input], (writer, [checked]) => writer.writeNote(checked, content, expectedHash));
    },
    async createNote(input, content) {
      if (!contentOk(content)) return fail('invalid-input', 'content must be a string under 20 MB');
      return write([input], (writer, [checked]) => writer.createNote(checked, content));
    },
    async writeAttachment(input, base64) {
      const bytes = decodeAttachment(base64);
      if (!bytes.ok) return bytes;
      return write([input], (writer, [checked]) => writer.writeAttachment(checked, bytes.value));
    },
    async planRename(from, to) {
      if (!indexed(from).ok) return indexed(from) as Result<never>;
      return write([from, to], (writer, [source, target]) => writer.planRename(source, target));
    },
    async renameNote(from, to) {
      if (!indexed(from).ok) return indexed(from) as Result<never>;
      return write([from, to], (writer, [source, target]) => writer.renameNote(source, target));
    },
    async undoRename(token) {
      if (typeof token !== 'string' || token.length === 0 || token.length > 256) return fail('invalid-input', 'undo token must be a short string');
      return write([], (writer) => writer.undoRename(token));
    },
    async updateLinksAfterExternalRename(from, to) {
      // `from` is gone by now (that is the point); `to` must be indexed.
      if (!indexed(to).ok) return indexed(to) as Result<never>;
      return write([from, to], (writer, [source, target]) => writer.updateLinksAfterExternalRename(source, target));
    },
    async deleteNote(input) {
      if (!indexed(input, 'note').ok) return indexed(input, 'note') as Result<never>;
      return write([input], (writer, [checked]) => writer.deleteNote(checked));
    },
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) return fail('invalid-input', 'only http:, https: and mailto: links can be opened');
      await host.openExternal(url);
      return { ok: true, value: null };
    },
    ...recoveryHandlers({ realRoot: service.realRoot, fs: service.fs, recorder: service.snapshots, data: store, exists: (p) => state().files.has(p), write }),
  };

  async function saveData(name: string, value: unknown): Promise<Result<null>> {
    try {
      await store.write(name, value);
      return { ok: true, value: null };
    } catch (error) {
      return fail('io-error', `could not save ${name}: ${describeError(error)}`);
    }
  }
}
