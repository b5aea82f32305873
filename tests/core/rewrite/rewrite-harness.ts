/** Builds a graph view and deps from an in-memory vault so rename plans can be tested as tables. */
import { parseNote } from '../../../main/core/parse/parse-note';
import { applyEdits } from '../../../main/core/rewrite/apply-edits';
import { planRenameEdits, type RenameEdits, type RewriteDeps, type RewriteGraph } from '../../../main/core/rewrite/plan-rename-edits';
import type { VaultPath } from '../../../main/core/types';
import { vp } from '../../support/vault-path';
import { simpleResolverFor } from './simple-resolver';

export const testDeps: RewriteDeps = { parse: parseNote, resolverFor: simpleResolverFor };

/** The tables name paths as plain strings; each goes through the guard here. */
export function graphOf(notes: Record<string, string>, attachments: string[] = []): RewriteGraph {
  return {
    notePaths: () => Object.keys(notes).map(vp),
    attachmentPaths: () => attachments.map(vp),
    getNote: (p) => (p in notes ? parseNote(p, notes[p]) : null),
  };
}

/** Plans the rename and returns every note's text afterwards (keyed by its new path) plus the plan. */
export function renameInMemory(
  notes: Record<string, string>,
  fromPath: string,
  toPath: string,
  attachments: string[] = [],
): { after: Record<string, string>; plan: RenameEdits } {
  const [from, to] = [vp(fromPath), vp(toPath)];
  const plan = planRenameEdits(graphOf(notes, attachments), (p: VaultPath) => notes[p] ?? (p === from ? notes[to] : undefined) ?? '', from, to, testDeps);
  const after: Record<string, string> = {};
  for (const [path, text] of Object.entries(notes)) after[path === from ? to : path] = text;
  // After an outside move the note is already keyed by `to`; its edits apply to that text.
  for (const note of plan.notes) after[note.newPath] = applyEdits(note.text, note.edits);
  return { after, plan };
}
