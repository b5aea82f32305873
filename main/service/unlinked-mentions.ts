/**
 * Unlinked mentions of a note: places where another note spells the note's title or an alias
 * as a whole word outside any link and outside frontmatter. The full-text index narrows the
 * candidates, so only notes that can contain a mention are read.
 */
import type { Result, UnlinkedMention } from '../contract/api-contract';
import type { VaultPath } from '../core/types';
import type { VaultService } from './vault-service';
import { fail } from './vault-reads';

const LINK_SPAN = /!?\[\[[^\]\n]*\]\]|!?\[[^\]\n]*\]\([^)\n]*\)|`[^`\n]*`/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Mentions of `terms` in `text`, one per line and term, skipping frontmatter, links and inline code. */
export function findMentionsInText(text: string, terms: string[]): { line: number; context: string; matched: string }[] {
  const lines = text.split(/\r?\n/);
  let first = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end !== -1) first = end + 1;
  }
  const patterns = terms.map((term) => ({ term, pattern: new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(term)}(?![\\p{L}\\p{N}_])`, 'iu') }));
  const found: { line: number; context: string; matched: string }[] = [];
  for (let i = first; i < lines.length; i++) {
    const visible = lines[i].replace(LINK_SPAN, (span) => ' '.repeat(span.length));
    for (const { term, pattern } of patterns) {
      if (pattern.test(visible)) found.push({ line: i + 1, context: lines[i].trim().slice(0, 200), matched: term });
    }
  }
  return found;
}

export async function unlinkedMentions(service: VaultService, target: VaultPath): Promise<Result<UnlinkedMention[]>> {
  const note = service.vaultState.notes.get(target)?.parsed;
  if (note === undefined) return fail('not-found', `no note "${target}" in this vault`);
  const terms = [...new Set([note.title, ...note.aliases].map((term) => term.trim()).filter((term) => term.length >= 2))];
  const linking = new Set(service.graph.linkingNotes(target));
  const candidates = new Set<VaultPath>();
  for (const term of terms) for (const candidate of await service.notesContaining(term)) candidates.add(candidate);
  const mentions: UnlinkedMention[] = [];
  for (const source of [...candidates].sort()) {
    if (source === target || linking.has(source)) continue;
    const text = service.currentText(source);
    if (text === null) continue;
    const sourceTitle = service.vaultState.notes.get(source)?.parsed.title ?? source;
    for (const mention of findMentionsInText(text, terms)) mentions.push({ source, sourceTitle, ...mention });
  }
  return { ok: true, value: mentions };
}
