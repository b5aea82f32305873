/**
 * The service's read operations over its state and graph, as Result values: a path the index
 * does not hold is 'not-found', a file that cannot be read now is 'io-error' or 'too-large'.
 */
import type { ApiErrorCode, BacklinkGroup, LinkTargetInfo, NoteContent, NoteMeta, Result, SwitcherItem } from '../../contract/api-contract';
import type { VaultGraph } from '../../core/graph/vault-graph';
import { backlinkSnippets } from '../../core/query/snippets';
import type { ResolvedLink, VaultPath } from '../../core/types';
import { toVaultPath } from '../../core/vault-path';
import { mimeForPath } from './mime';
import { readVaultBytes, readVaultFile, type FileText } from './read-vault-file';
import { toAbsolutePath } from './vault-files';
import { isNotePath, titleFromPath } from '../../core/paths';
import type { VaultState } from '../vault-state';

export function fail<T>(code: ApiErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

export function readIndexedFile(state: VaultState, vaultPath: VaultPath, kind: 'note' | 'attachment', maxFileBytes: number): Result<FileText> {
  const entry = state.files.get(vaultPath);
  if (entry === undefined || entry.kind !== kind) {
    const report = state.fileReports.get(vaultPath);
    if (report?.problem === 'too-large') return fail('too-large', `${vaultPath}: ${report.message}`);
    return fail('not-found', `no ${kind} "${vaultPath}" in this vault`);
  }
  const outcome = readVaultFile(toAbsolutePath(state.realRoot, vaultPath), vaultPath, { maxFileBytes, fs: state.fs });
  if (outcome.ok) return outcome;
  const { problem, message } = outcome.error;
  if (problem === 'too-large') return fail('too-large', `${vaultPath}: ${message}`);
  if (message.startsWith('ENOENT')) return fail('not-found', `"${vaultPath}" no longer exists`);
  return fail('io-error', `could not read "${vaultPath}": ${message}`);
}

export function readNote(state: VaultState, vaultPath: VaultPath, maxFileBytes: number): Result<NoteContent> {
  const read = readIndexedFile(state, vaultPath, 'note', maxFileBytes);
  if (!read.ok) return read;
  const { text, hash, mtimeMs, decodeWarning } = read.value;
  return { ok: true, value: { path: vaultPath, content: text, hash, mtimeMs, eol: text.includes('\r\n') ? '\r\n' : '\n', decodeWarning } };
}

export function noteMeta(state: VaultState, vaultPath: VaultPath): Result<NoteMeta> {
  const entry = state.notes.get(vaultPath);
  if (entry === undefined) return fail('not-found', `no note "${vaultPath}" in this vault`);
  const { path, title, aliases, tags, headings, blockIds, frontmatter } = entry.parsed;
  return { ok: true, value: { path, title, aliases, tags, headings, blockIds, frontmatter, safeMode: entry.safeMode } };
}

/** Links into `vaultPath`, grouped by the note they come from, sources in path order. */
export function backlinkGroups(state: VaultState, graph: VaultGraph, vaultPath: VaultPath): Result<BacklinkGroup[]> {
  if (!state.files.has(vaultPath)) return fail('not-found', `no file "${vaultPath}" in this vault`);
  const groups = new Map<VaultPath, ResolvedLink[]>();
  for (const link of graph.backlinks(vaultPath)) {
    const list = groups.get(link.source) ?? [];
    list.push(link);
    groups.set(link.source, list);
  }
  return {
    ok: true,
    value: [...groups.keys()].sort().map((source) => ({
      source,
      sourceTitle: state.notes.get(source)?.parsed.title ?? titleFromPath(source),
      links: groups.get(source)!.sort((a, b) => a.start - b.start),
      snippets: backlinkSnippets(groups.get(source)!),
    })),
  };
}

export function outgoingLinks(state: VaultState, graph: VaultGraph, vaultPath: VaultPath): Result<ResolvedLink[]> {
  if (!state.notes.has(vaultPath)) return fail('not-found', `no note "${vaultPath}" in this vault`);
  return { ok: true, value: graph.outgoing(vaultPath) };
}

/**
 * Where a link from `from` points; for an unresolved link, where "create note" would put it:
 * a target with a folder is taken as a vault path, a bare name goes next to the linking note.
 */
export function linkTarget(state: VaultState, graph: VaultGraph, from: VaultPath, target: string): LinkTargetInfo {
  const { resolved } = graph.resolve(from, target);
  if (resolved !== null) return { resolved, kind: state.files.get(resolved)?.kind ?? null, createPath: null };
  const cleaned = target.trim().replace(/^\/+/, '');
  if (cleaned === '' || cleaned.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) {
    return { resolved: null, kind: null, createPath: null };
  }
  const withExt = isNotePath(cleaned) || /\.[A-Za-z0-9]{1,5}$/.test(cleaned.slice(cleaned.lastIndexOf('/') + 1)) ? cleaned : `${cleaned}.md`;
  if (!isNotePath(withExt)) return { resolved: null, kind: null, createPath: null };
  const folder = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const createPath = toVaultPath(cleaned.includes('/') ? withExt : folder + withExt);
  return { resolved: null, kind: null, createPath: createPath.ok ? createPath.value : null };
}

export function switcherItems(state: VaultState): SwitcherItem[] {
  const items: SwitcherItem[] = [];
  for (const [path, entry] of state.notes) items.push({ path, title: entry.parsed.title, aliases: entry.parsed.aliases });
  return items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The most an attachment viewer is sent (as base64 in JSON): enough for recordings and scans, not for films. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/**
 * Any indexed attachment's bytes as a data URL with the MIME its extension gives (the renderer
 * decides how to show it). Notes are read through readNote; a file over the cap is 'too-large'.
 */
export function attachmentDataUrl(state: VaultState, vaultPath: VaultPath, maxBytes = MAX_ATTACHMENT_BYTES): Result<{ mime: string; dataUrl: string }> {
  const entry = state.files.get(vaultPath);
  if (entry === undefined || entry.kind !== 'attachment') return fail('not-found', `no attachment "${vaultPath}" in this vault`);
  const outcome = readVaultBytes(toAbsolutePath(state.realRoot, vaultPath), vaultPath, { maxFileBytes: maxBytes, fs: state.fs });
  if (!outcome.ok) {
    const { problem, message } = outcome.error;
    if (problem === 'too-large')
      return fail('too-large', `"${vaultPath}" is larger than ${Math.round(maxBytes / (1024 * 1024))} MB, the most Plexus shows in the app`);
    return fail(message.startsWith('ENOENT') ? 'not-found' : 'io-error', `could not read "${vaultPath}": ${message}`);
  }
  const mime = mimeForPath(vaultPath);
  return { ok: true, value: { mime, dataUrl: `data:${mime};base64,${Buffer.from(outcome.value.bytes).toString('base64')}` } };
}
