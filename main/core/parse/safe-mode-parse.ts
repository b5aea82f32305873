/**
 * The safe-mode parse: what the index keeps of a note whose full parse ran over its time budget
 * or crashed its worker. The note is taken as plain text: its frontmatter is not read as YAML
 * (no aliases, properties or frontmatter tags) and code spans, HTML and math are not told apart
 * from text. One pass over the lines finds ATX headings, block ids at line ends, wiki links and
 * embeds, markdown links to local files and inline tags, skipping fenced code blocks; wiki links
 * in the frontmatter lines are kept, marked as such.
 *
 * This is the fallback for input the real scanner cannot handle, so it must never be the slow
 * part: every search stops at the next `[` or the line's end (a markdown link's label cannot hold
 * brackets here), so each character is looked at a bounded number of times whatever the text
 * holds, and no regular expression runs over more than one character. Each list stops at
 * SAFE_MODE_MAX_ITEMS entries so a huge note cannot flood the graph or the worker's memory.
 */
import type { BlockIdInfo, HeadingInfo, LinkRef, ParsedNote, VaultPath } from '../types';
import { LineIndex } from './line-index';
import { decodeDestination, toLocalLinkTarget } from './markdown-link-syntax';
import { titleFromPath } from '../paths';
import type { RawLink } from './raw-link';
import { readSafeModeTag } from './safe-mode-tags';
import { addUniqueTags } from './tags';
import { matchWikiLinkEnd, splitWikiLinkInner } from './wiki-link-syntax';

export const SAFE_MODE_MAX_ITEMS = 100_000;

const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const HASH = 35;
const BANG = 33;
const SPACE = 32;
const TAB = 9;

interface Findings {
  links: RawLink[];
  tags: string[];
  headings: HeadingInfo[];
  blockIds: BlockIdInfo[];
}

export function parseNoteSafeMode(path: VaultPath, text: string): ParsedNote {
  const found: Findings = { links: [], tags: [], headings: [], blockIds: [] };
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let frontmatterEnd = frontmatterEndLine(text, lineStart);
  let fence: { char: number; length: number } | null = null;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (frontmatterEnd > 0) {
      if (line > 1 && line < frontmatterEnd) scanWikiLinksOnly(text, lineStart, contentEnd, found);
      if (line === frontmatterEnd) frontmatterEnd = 0;
    } else {
      const indentEnd = skipIndent(text, lineStart, contentEnd);
      const fenceHere = fenceAt(text, indentEnd, contentEnd);
      if (fence !== null) {
        if (fenceHere !== null && fenceHere.char === fence.char && fenceHere.length >= fence.length && fenceHere.bare) fence = null;
      } else if (fenceHere !== null) {
        fence = { char: fenceHere.char, length: fenceHere.length };
      } else {
        const heading = headingAt(text, indentEnd, contentEnd, line);
        if (heading !== null && found.headings.length < SAFE_MODE_MAX_ITEMS) found.headings.push(heading);
        scanLine(text, lineStart, contentEnd, found);
        if (heading === null) blockIdAt(text, lineStart, contentEnd, line, found);
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
    line++;
  }

  const lines = new LineIndex(text);
  const links: LinkRef[] = found.links.map((link) => ({ ...link, line: lines.lineAt(link.start), context: lines.contextAt(link.start, link.end) }));
  const tags: string[] = [];
  addUniqueTags(tags, new Set(), found.tags);
  return {
    path,
    title: titleFromPath(path),
    aliases: [],
    tags,
    headings: found.headings,
    blockIds: found.blockIds,
    links,
    frontmatter: null,
    frontmatterError: null,
  };
}

/** The 1-based line closing a frontmatter block opened by a first line `---`, or 0 when there is none. */
function frontmatterEndLine(text: string, from: number): number {
  if (!isLineOf(text, from, lineEndAt(text, from), '---')) return 0;
  let line = 1;
  for (let start = text.indexOf('\n', from) + 1; start > 0; start = text.indexOf('\n', start) + 1) {
    line++;
    const end = lineEndAt(text, start);
    if (isLineOf(text, start, end, '---') || isLineOf(text, start, end, '...')) return line;
  }
  return 0;
}

function lineEndAt(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** The line is `marker` followed only by spaces and tabs. */
function isLineOf(text: string, start: number, end: number, marker: string): boolean {
  if (!text.startsWith(marker, start)) return false;
  for (let i = start + marker.length; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB) return false;
  }
  return true;
}

function skipIndent(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** A run of 3+ backticks or tildes; `bare` when nothing but spaces follows it (a closing fence). */
function fenceAt(text: string, start: number, end: number): { char: number; length: number; bare: boolean } | null {
  const char = text.charCodeAt(start);
  if (char !== 96 && char !== 126) return null;
  let i = start;
  while (i < end && text.charCodeAt(i) === char) i++;
  if (i - start < 3) return null;
  return { char, length: i - start, bare: isLineOf(text, i, end, '') };
}

function headingAt(text: string, start: number, end: number, line: number): HeadingInfo | null {
  let i = start;
  while (i < end && text.charCodeAt(i) === HASH && i - start < 7) i++;
  const level = i - start;
  if (level === 0 || level > 6 || (i < end && text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== TAB)) return null;
  // A closing run of '#' counts only after a space (`# C#` keeps its '#').
  let stop = end;
  while (stop > i && (text.charCodeAt(stop - 1) === SPACE || text.charCodeAt(stop - 1) === TAB)) stop--;
  let hashes = stop;
  while (hashes > i && text.charCodeAt(hashes - 1) === HASH) hashes--;
  if (hashes < stop && (hashes === i || text.charCodeAt(hashes - 1) === SPACE || text.charCodeAt(hashes - 1) === TAB)) stop = hashes;
  return { text: text.slice(i, stop).trim(), level, line };
}

/** `text ^block-id` at the end of a line. */
function blockIdAt(text: string, start: number, end: number, line: number, found: Findings): void {
  let stop = end;
  while (stop > start && (text.charCodeAt(stop - 1) === SPACE || text.charCodeAt(stop - 1) === TAB)) stop--;
  let i = stop;
  while (i > start && isBlockIdChar(text.charCodeAt(i - 1))) i--;
  if (i === stop || i - 1 < start || text.charCodeAt(i - 1) !== 94) return;
  const before = i - 2;
  if (before >= start && text.charCodeAt(before) !== SPACE && text.charCodeAt(before) !== TAB) return;
  if (found.blockIds.length < SAFE_MODE_MAX_ITEMS) found.blockIds.push({ id: text.slice(i, stop), line });
}

function isBlockIdChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;
}

function scanWikiLinksOnly(text: string, start: number, end: number, found: Findings): void {
  for (let i = start; i + 1 < end; i++) {
    if (text.charCodeAt(i) !== OPEN_BRACKET || text.charCodeAt(i + 1) !== OPEN_BRACKET) continue;
    const close = matchWikiLinkEnd(text, i, end);
    if (close < 0) continue;
    pushLink(found, { kind: 'wiki', embed: false, ...splitWikiLinkInner(text.slice(i + 2, close - 2)), start: i, end: close, inFrontmatter: true });
    i = close - 1;
  }
}

function scanLine(text: string, start: number, end: number, found: Findings): void {
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) {
      i += 2;
    } else if (code === OPEN_BRACKET) {
      i = scanBracket(text, i, end, i > start && text.charCodeAt(i - 1) === BANG, found);
    } else if (code === HASH && (i === start || isSpaceOrTab(text.charCodeAt(i - 1)))) {
      const tag = readSafeModeTag(text, i + 1, end);
      if (tag.tag !== null && found.tags.length < SAFE_MODE_MAX_ITEMS) found.tags.push(tag.tag);
      i = Math.max(tag.end, i + 1);
    } else {
      i++;
    }
  }
}

/** At a `[`: a wiki link, a markdown link or neither; returns where to go on. */
function scanBracket(text: string, open: number, end: number, embed: boolean, found: Findings): number {
  const linkStart = embed ? open - 1 : open;
  if (text.charCodeAt(open + 1) === OPEN_BRACKET) {
    const close = matchWikiLinkEnd(text, open, end);
    if (close < 0) return open + 1;
    pushLink(found, { kind: 'wiki', embed, ...splitWikiLinkInner(text.slice(open + 2, close - 2)), start: linkStart, end: close, inFrontmatter: false });
    return close;
  }
  const match = matchMarkdownLink(text, open, end);
  if (match === null) return open + 1;
  const local = toLocalLinkTarget(match.destination);
  if (local !== null) {
    const label = match.label.trim();
    pushLink(found, {
      kind: 'markdown',
      embed,
      ...local,
      text: match.destination,
      alias: label === '' ? null : label,
      start: linkStart,
      end: match.end,
      inFrontmatter: false,
    });
  }
  return match.end;
}

function pushLink(found: Findings, link: RawLink): void {
  if (found.links.length < SAFE_MODE_MAX_ITEMS) found.links.push(link);
}

/**
 * `[label](destination "title")` on one line, with no bracket in the label or the destination.
 * Every loop stops at the next `[`, so attempts from successive brackets never overlap.
 */
function matchMarkdownLink(text: string, open: number, end: number): { end: number; label: string; destination: string } | null {
  let i = open + 1;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === CLOSE_BRACKET) break;
    if (code === OPEN_BRACKET) return null;
    i += code === BACKSLASH ? 2 : 1;
  }
  if (i >= end || text.charCodeAt(i + 1) !== OPEN_PAREN) return null;
  const label = text.slice(open + 1, i);
  let j = i + 2;
  let destination: string;
  if (text.charCodeAt(j) === 60) {
    let k = j + 1;
    while (k < end && text.charCodeAt(k) !== 62 && text.charCodeAt(k) !== 60 && text.charCodeAt(k) !== OPEN_BRACKET) k++;
    if (text.charCodeAt(k) !== 62 || k >= end) return null;
    destination = text.slice(j + 1, k);
    j = k + 1;
  } else {
    let k = j;
    while (k < end) {
      const code = text.charCodeAt(k);
      if (code <= SPACE || code === CLOSE_PAREN || code === OPEN_PAREN || code === OPEN_BRACKET) break;
      k += code === BACKSLASH ? 2 : 1;
    }
    destination = text.slice(j, Math.min(k, end));
    j = k;
  }
  while (j < end && isSpaceOrTab(text.charCodeAt(j))) j++;
  const quote = text.charCodeAt(j);
  if (quote === 34 || quote === 39) {
    let k = j + 1;
    while (k < end && text.charCodeAt(k) !== quote && text.charCodeAt(k) !== OPEN_BRACKET) k += text.charCodeAt(k) === BACKSLASH ? 2 : 1;
    if (k >= end || text.charCodeAt(k) !== quote) return null;
    j = k + 1;
    while (j < end && isSpaceOrTab(text.charCodeAt(j))) j++;
  }
  if (j >= end || text.charCodeAt(j) !== CLOSE_PAREN) return null;
  return { end: j + 1, label, destination: decodeDestination(destination) };
}

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}
