/**
 * Unlinked mentions (Obsidian's "unlinked mentions" pane): places where another note spells a
 * note's title or one of its aliases as plain prose — whole words, any case — without linking
 * to it. Text inside links, code, math, comments, URLs, tags and frontmatter does not count,
 * and notes that already link to the target are left out entirely.
 */
import type { VaultGraph } from '../graph/vault-graph';
import type { VaultPath } from '../types';
import { maskNonProse } from './prose-mask';
import { mentionSnippet } from './snippets';

export interface MentionTarget {
  path: VaultPath;
  title: string;
  aliases: readonly string[];
}

export interface MentionSource {
  path: VaultPath;
  title: string;
  text: string;
}

/** One unlinked mention; the contract hands it to the renderer as it is. */
export interface UnlinkedMention {
  source: VaultPath;
  sourceTitle: string;
  /** 1-based line of the mention. */
  line: number;
  /** The mention's line, trimmed; a window of about 200 characters around it when the line is longer. */
  context: string;
  /** The title or alias that was mentioned, as the target spells it. */
  matched: string;
  /** Where the mention starts in its line (UTF-16 offset) and how the note spells it: what "Link" replaces. */
  column: number;
  written: string;
  /** `context` as readable text (no markdown syntax) with the mention marked by U+E000 ... U+E001. */
  snippet: string;
}

const CONTEXT_CHARS = 200;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The words that count as a mention: title and aliases, distinct ignoring case, at least two
 * characters (a one-letter alias would flag every stray letter), longest first so 'Machine
 * Learning' wins over 'Machine' at the same place.
 */
export function mentionTerms(target: MentionTarget): string[] {
  const seen = new Map<string, string>();
  for (const raw of [target.title, ...target.aliases]) {
    const term = raw.trim();
    if (term.length >= 2 && !seen.has(term.toLowerCase())) seen.set(term.toLowerCase(), term);
  }
  return [...seen.values()].sort((a, b) => b.length - a.length);
}

/** One regex for all terms, each its own capture group, bounded by non-word characters on both sides. */
function mentionPattern(terms: string[]): RegExp {
  const body = terms.map((t) => `(${escapeRegExp(t)})`).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, 'giu');
}

function contextAround(lineText: string, column: number): string {
  const trimmed = lineText.trim();
  if (trimmed.length <= CONTEXT_CHARS) return trimmed;
  const start = Math.max(0, Math.min(column - CONTEXT_CHARS / 2, lineText.length - CONTEXT_CHARS));
  const window = lineText.slice(start, start + CONTEXT_CHARS).trim();
  return `${start > 0 ? '…' : ''}${window}${start + CONTEXT_CHARS < lineText.length ? '…' : ''}`;
}

/**
 * Mentions of `terms` in one note's text: at most one per line (the leftmost, so a line naming
 * both the title and an alias is listed once). Linear in the text's length.
 */
export type MentionInText = Pick<UnlinkedMention, 'line' | 'context' | 'matched' | 'column' | 'written'>;

export function findMentionsInText(text: string, terms: string[]): MentionInText[] {
  if (terms.length === 0) return [];
  const prose = maskNonProse(text);
  const pattern = mentionPattern(terms);
  const found: MentionInText[] = [];
  const reported = new Set<number>();
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of prose.matchAll(pattern)) {
    // Matches come in order, so counting line breaks up to each one is one pass over the text.
    for (let i = scanned; i < match.index; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    scanned = match.index;
    const group = match.findIndex((g, i) => i > 0 && g !== undefined);
    if (group < 1) throw new Error('mention pattern matched without a term group');
    const matched = terms[group - 1];
    if (reported.has(line)) continue;
    reported.add(line);
    const newline = text.indexOf('\n', lineStart);
    const lineText = text.slice(lineStart, newline === -1 ? text.length : newline).replace(/\r$/, '');
    const column = match.index - lineStart;
    found.push({ line, context: contextAround(lineText, column), matched, column, written: text.slice(match.index, match.index + match[0].length) });
  }
  return found;
}

/**
 * Notes (other than the target and those already linking to it) that mention the target's
 * title or an alias in prose, sorted by source path then line.
 */
export function findUnlinkedMentions(target: MentionTarget, notes: Iterable<MentionSource>, graph: Pick<VaultGraph, 'linkingNotes'>): UnlinkedMention[] {
  const terms = mentionTerms(target);
  const linking = new Set(graph.linkingNotes(target.path));
  const mentions: UnlinkedMention[] = [];
  for (const note of notes) {
    if (note.path === target.path || linking.has(note.path)) continue;
    for (const m of findMentionsInText(note.text, terms))
      mentions.push({ source: note.path, sourceTitle: note.title, ...m, snippet: mentionSnippet(m.context, m.matched) });
  }
  return mentions.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.line - b.line));
}
