/**
 * Readable, marked snippets: a search hit's line around its first match, a backlink's context
 * with every link to the note marked (links on one line give one snippet), and an unlinked
 * mention's context with the mentioned name marked. Text comes from readable-text.ts (no
 * markdown syntax, no frontmatter); marks are U+E000 ... U+E001 for the UI to turn into <mark>.
 */
import { frontmatterBody } from '../parse/frontmatter-bounds';
import type { Highlight } from './search-evaluate';
import { markRanges, readableInline, MATCH_END, MATCH_START } from './readable-text';

const RADIUS = 90;
const FALLBACK_CHARS = 180;

export interface SearchSnippet {
  /** Readable text with matches marked. */
  snippet: string;
  /** 1-based line of the file (frontmatter counted) the snippet comes from, or null when no line matched (a path or tag hit). */
  line: number | null;
  /** The first marked text, which the UI looks for to scroll to and highlight; null when nothing is marked. */
  match: string | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Global, case-aware patterns for the highlights; a tag also matches its nested children. */
function patterns(highlights: readonly Highlight[]): RegExp[] {
  return highlights.map((h) => {
    if (h.kind === 'regex') return new RegExp(h.re.source, h.re.flags.includes('g') ? h.re.flags : `${h.re.flags}g`);
    if (h.kind === 'tag') return new RegExp(`#${escapeRegExp(h.tag)}(?:/[\\p{L}\\p{N}\\p{M}_\\-/]*)?(?![\\p{L}\\p{N}\\p{M}_\\-])`, 'giu');
    return new RegExp(escapeRegExp(h.value), h.caseSensitive ? 'g' : 'gi');
  });
}

/** Every match of the patterns in `text` (non-empty ones only). */
export function findRanges(text: string, compiled: readonly RegExp[]): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  for (const pattern of compiled) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      ranges.push({ from: m.index, to: m.index + m[0].length });
    }
  }
  return ranges;
}

/** `text` cut to about 2 * RADIUS characters around `centre`, on word boundaries, with `…` where cut. */
function windowAround(text: string, ranges: { from: number; to: number }[], centre: number): string {
  let from = Math.max(0, centre - RADIUS);
  let to = Math.min(text.length, centre + RADIUS);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < centre) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > centre) to = space;
  }
  const inside = ranges.filter((r) => r.from >= from && r.to <= to).map((r) => ({ from: r.from - from, to: r.to - from }));
  return (from > 0 ? '…' : '') + markRanges(text.slice(from, to), inside) + (to < text.length ? '…' : '');
}

function firstMark(snippet: string): string | null {
  const start = snippet.indexOf(MATCH_START);
  return start < 0 ? null : snippet.slice(start + 1, snippet.indexOf(MATCH_END, start));
}

export function searchSnippet(noteText: string, highlights: readonly Highlight[]): SearchSnippet {
  const { bodyStart, bodyLine } = frontmatterBody(noteText);
  const lines = noteText.slice(bodyStart).split(/\r?\n/);
  const compiled = patterns(highlights);
  for (let i = 0; i < lines.length; i++) {
    if (compiled.length === 0) break;
    if (findRanges(lines[i], compiled).length === 0) continue;
    const { text } = readableInline(lines[i]);
    const ranges = findRanges(text, compiled);
    // The match was inside syntax that does not read (a link target behind an alias): show the line unmarked.
    if (ranges.length === 0) return { snippet: windowAround(text, [], 0), line: bodyLine + i, match: null };
    const first = ranges.reduce((a, b) => (b.from < a.from ? b : a));
    const snippet = windowAround(text, ranges, first.from);
    return { snippet, line: bodyLine + i, match: firstMark(snippet) };
  }
  const opening = lines
    .map((line) => readableInline(line).text)
    .filter((text) => text !== '')
    .join(' ');
  const cut =
    opening.length > FALLBACK_CHARS
      ? `${opening.slice(0, opening.lastIndexOf(' ', FALLBACK_CHARS) > 0 ? opening.lastIndexOf(' ', FALLBACK_CHARS) : FALLBACK_CHARS)}…`
      : opening;
  return { snippet: cut, line: null, match: null };
}

/** A context cut out of a longer line starts and ends with `…`; drop the half words at the cuts. */
function wholeWords(context: string): string {
  let out = context;
  if (out.startsWith('…')) out = out.replace(/^…\S*\s+/, '…');
  if (out.endsWith('…')) out = out.replace(/\s+\S*…$/, '…');
  return out;
}

function normalTarget(target: string): string {
  return target.trim().replace(/\.md$/i, '').toLowerCase();
}

/** One linking line as readable text, its links marked. */
export interface LineSnippet {
  line: number;
  text: string;
}

export interface SnippetLink {
  line: number;
  target: string;
  context: string;
}

/**
 * One snippet per line that links to the note, every link to it on that line marked. A line
 * longer than one context window can give more than one context; those whose links were all
 * marked already are left out.
 */
export function backlinkSnippets(links: readonly SnippetLink[]): LineSnippet[] {
  const targets = new Set(links.map((l) => normalTarget(l.target)));
  const byLine = new Map<number, SnippetLink[]>();
  for (const link of links) {
    const list = byLine.get(link.line) ?? [];
    list.push(link);
    byLine.set(link.line, list);
  }
  const out: LineSnippet[] = [];
  for (const [line, group] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
    let marked = 0;
    const seen = new Set<string>();
    for (const { context } of group) {
      if (seen.has(context) || marked >= group.length) continue;
      seen.add(context);
      const readable = readableInline(wholeWords(context));
      const ranges = readable.links.filter((l) => targets.has(normalTarget(l.target)));
      marked += ranges.length;
      out.push({ line, text: markRanges(readable.text, ranges) });
    }
  }
  return out;
}

/** A mention's context as readable text with each whole-word occurrence of `matched` marked (not inside link text: a link is no unlinked mention). */
export function mentionSnippet(context: string, matched: string): string {
  const { text, links } = readableInline(wholeWords(context));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(matched)}(?![\\p{L}\\p{N}_])`, 'giu');
  const outsideLinks = findRanges(text, [pattern]).filter((r) => !links.some((l) => r.from < l.to && r.to > l.from));
  return markRanges(text, outsideLinks);
}
