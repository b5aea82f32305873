/**
 * Unlinked mentions of a note, for the API: the core's rule (core/query/unlinked-mentions.ts)
 * applied to the notes that can contain a mention. The full-text index narrows the candidates,
 * so only those notes are read.
 */
import type { Result, UnlinkedMention } from '../../contract/api-contract';
import { findUnlinkedMentions, mentionTerms, type MentionSource } from '../../core/query/unlinked-mentions';
import type { VaultPath } from '../../core/types';
import type { VaultService } from '../vault-service';
import { fail } from '../files/vault-reads';

export async function unlinkedMentions(service: VaultService, target: VaultPath): Promise<Result<UnlinkedMention[]>> {
  const note = service.vaultState.notes.get(target)?.parsed;
  if (note === undefined) return fail('not-found', `no note "${target}" in this vault`);
  const mentionTarget = { path: target, title: note.title, aliases: note.aliases };
  const candidates = new Set<VaultPath>();
  for (const term of mentionTerms(mentionTarget)) for (const candidate of await service.notesContaining(term)) candidates.add(candidate);
  const sources: MentionSource[] = [];
  for (const source of candidates) {
    const text = service.currentText(source);
    if (text !== null) sources.push({ path: source, title: service.vaultState.notes.get(source)?.parsed.title ?? source, text });
  }
  return { ok: true, value: findUnlinkedMentions(mentionTarget, sources, service.graph) };
}
