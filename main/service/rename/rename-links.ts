/**
 * Reading the notes a rename touches and planning their edits from the bytes on disk (not the
 * cached parse), so the offsets we edit at are offsets into exactly the text we will rewrite.
 */
import type { VaultPath } from '../../core/types';
import { planRenameEdits, renameCandidates, type RenameEdits } from '../../core/rewrite/plan-rename-edits';
import type { Result } from '../../contract/api-contract';
import { readDisk, type WriterContext } from '../write/note-writer-context';
import { hasBom } from '../write/note-writer-text';
import { decodeUtf8 } from '../files/read-vault-file';
import { toAbsolutePath } from '../files/vault-files';

export interface NoteOnDisk {
  abs: string;
  hash: string;
  bytes: Uint8Array;
  text: string;
  bom: boolean;
  /** Invalid UTF-8: rewriting would replace bytes we could not read, so such notes are left alone. */
  undecodable: boolean;
}

export interface DiskPlan {
  edits: RenameEdits;
  /** Keyed by the note's pre-rename path. */
  files: Map<VaultPath, NoteOnDisk>;
}

/**
 * `movedAlready`: the file already sits at `to` (an outside rename), so the renamed note's text is
 * read from there.
 */
export async function planFromDisk(ctx: WriterContext, from: VaultPath, to: VaultPath, movedAlready: boolean): Promise<Result<DiskPlan>> {
  const graph = ctx.service.graph;
  const files = new Map<VaultPath, NoteOnDisk>();
  for (const source of renameCandidates(graph, from, to)) {
    const where = source === from && movedAlready ? to : source;
    const abs = toAbsolutePath(ctx.root, where);
    const read = await readDisk(ctx, abs, where);
    if (!read.ok) return read;
    if (read.value === null) continue; // the graph lags a deletion; nothing to rewrite there
    const { text, decodeWarning } = decodeUtf8(read.value.bytes);
    files.set(source, { abs, hash: read.value.hash, bytes: read.value.bytes, text, bom: hasBom(read.value.bytes), undecodable: decodeWarning !== null });
  }
  const notesText = (p: VaultPath): string => {
    const file = files.get(p);
    if (!file || file.undecodable) return '';
    return file.text;
  };
  return { ok: true, value: { edits: planRenameEdits(graph, notesText, from, to, ctx.rewrite), files } };
}

/** Notes with at least one link that resolves to `target` (for "N notes link here" on delete). */
export function linkingNotes(ctx: WriterContext, target: VaultPath): VaultPath[] {
  const graph = ctx.service.graph;
  const resolver = ctx.rewrite.resolverFor([...graph.notePaths(), ...graph.attachmentPaths()]);
  const out: VaultPath[] = [];
  for (const source of graph.notePaths()) {
    if (source === target) continue;
    const links = graph.getNote(source)?.links ?? [];
    if (links.some((l) => l.target !== '' && resolver.resolve(source, l.target, l.kind) === target)) out.push(source);
  }
  return out.sort();
}
