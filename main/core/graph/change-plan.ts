/**
 * What one `VaultGraph.applyChanges` call must do, decided before anything moves: which files
 * really appear or disappear, and which notes' links must be resolved again. A link's answer can
 * change only when its own note changed or a file with its lookup key (its target's file name)
 * appeared or disappeared, so only those are re-resolved.
 */
import { lookupKey } from '../resolve/file-index';
import type { ParsedNote, VaultPath } from '../types';
import { edgeId } from './graph-diff';
import type { LinkStore, NoteLinks } from './link-store';
import { nodeIdOf } from './placeholders';

export interface VaultChange {
  upsertNotes?: ParsedNote[];
  removeNotes?: VaultPath[];
  addAttachments?: VaultPath[];
  removeAttachments?: VaultPath[];
}

export interface ChangePlan {
  upserts: ParsedNote[];
  /** Notes the graph holds that the change removes (once each). */
  removedNotes: VaultPath[];
  /** Attachments the graph does not hold yet. */
  addedAttachments: VaultPath[];
  /** Attachments the graph holds that the change removes. */
  removedAttachments: VaultPath[];
  /** Notes whose links must be resolved again (changed notes and those linking to a changed key). */
  toResolve: Set<VaultPath>;
}

/** What the graph holds before the change. */
export interface GraphContents {
  notes: ReadonlyMap<VaultPath, ParsedNote>;
  attachments: ReadonlySet<VaultPath>;
  links: LinkStore;
}

export function isEmptyChange(change: VaultChange): boolean {
  const nothing = (list: unknown[] | undefined) => list === undefined || list.length === 0;
  return nothing(change.upsertNotes) && nothing(change.removeNotes) && nothing(change.addAttachments) && nothing(change.removeAttachments);
}

export function planChange(change: VaultChange, graph: GraphContents): ChangePlan {
  const upserts = change.upsertNotes ?? [];
  const removedNotes = [...new Set(change.removeNotes ?? [])].filter((p) => graph.notes.has(p));
  const removedSet = new Set(removedNotes);
  const addedAttachments = (change.addAttachments ?? []).filter((p) => !graph.attachments.has(p));
  const removedAttachments = (change.removeAttachments ?? []).filter((p) => graph.attachments.has(p));

  // Files appearing or disappearing change the answer of links sharing their key.
  const changedKeys = new Set<string>();
  const toResolve = new Set<VaultPath>();
  for (const path of removedNotes) changedKeys.add(lookupKey(path));
  for (const path of [...addedAttachments, ...removedAttachments]) changedKeys.add(lookupKey(path));
  for (const note of upserts) {
    if (!graph.notes.has(note.path) && !removedSet.has(note.path)) changedKeys.add(lookupKey(note.path));
    toResolve.add(note.path);
  }
  for (const key of changedKeys) for (const source of graph.links.sourcesWithKey(key)) toResolve.add(source);
  const upsertPaths = new Set(upserts.map((n) => n.path));
  for (const path of removedNotes) if (!upsertPaths.has(path)) toResolve.delete(path);
  return { upserts, removedNotes, addedAttachments, removedAttachments, toResolve };
}

/** The nodes and edges (id to [source, target]) the change can touch, before or after it. */
export function touchedElements(
  plan: ChangePlan,
  resolved: ReadonlyMap<VaultPath, NoteLinks>,
  links: LinkStore,
): { nodes: Set<string>; edges: Map<string, [VaultPath, string]> } {
  const nodes = new Set<string>([...plan.removedNotes, ...plan.upserts.map((n) => n.path), ...plan.addedAttachments, ...plan.removedAttachments]);
  const edges = new Map<string, [VaultPath, string]>();
  const touch = (source: VaultPath, target: string) => {
    if (target === source) return;
    nodes.add(target);
    edges.set(edgeId(source, target), [source, target]);
  };
  for (const source of [...plan.toResolve, ...plan.removedNotes]) for (const target of links.targetsOf(source)) touch(source, target);
  for (const [source, { links: list, resolutions }] of resolved) for (let i = 0; i < list.length; i++) touch(source, nodeIdOf(list[i], resolutions[i]));
  return { nodes, edges };
}
