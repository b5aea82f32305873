/**
 * One left-to-right pass over an inline region: skips code spans, math, HTML comments, inline
 * HTML and autolinks, and reports wiki links, markdown links to local files, tags and block ids.
 * Every search either stops at a nearby delimiter or remembers that it failed, so the pass is
 * linear in the region's length.
 */
import { matchMarkdownLink, toLocalLinkTarget } from './markdown-link-syntax';
import type { RawLink } from './raw-link';
import { readTagAt } from './tags';
import { matchWikiLinkEnd, splitWikiLinkInner } from './wiki-link-syntax';

export interface InlineFindings {
  links: RawLink[];
  tags: string[];
  /** Block ids with the offset of their `^`. */
  blockIds: { id: string; offset: number }[];
  /** Set when a markdown link (local or not, not an image) was matched; see scanLink. */
  sawMarkdownLink?: boolean;
}

const BLOCK_ID_AT_LINE_END = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;
const MAX_HTML_TAG = 1000;
const AUTOLINK = /^(?:<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9.-]+>)/;
// CommonMark's raw HTML tags: an attribute is a name ([A-Za-z_:][A-Za-z0-9_.:-]*) with an
// optional unquoted, single- or double-quoted value, so `<x #x>` is text (and `#x` a tag), as in
// remark. Every repetition needs a name character after its whitespace, so a failed match
// backtracks linearly over the (bounded) window.
const TAG_ATTRIBUTE = String.raw`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
const INLINE_TAG = new RegExp(String.raw`^(?:<[A-Za-z][A-Za-z0-9-]*${TAG_ATTRIBUTE}*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)`);

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff || Number.isNaN(code);
}

/** Remembers, per delimiter, the offset from which a closer is known to be missing. */
class CloserSearch {
  private readonly missingFrom = new Map<string, number>();
  constructor(private readonly text: string, private readonly limit: number) {}

  /** Offset of `closer` at or after `from`, or -1; each closer is searched for at most once per failure. */
  find(closer: string, from: number, accept: (at: number) => boolean = () => true): number {
    const known = this.missingFrom.get(closer);
    if (known !== undefined && from >= known) return -1;
    let at = this.text.indexOf(closer, from);
    while (at >= 0 && at + closer.length <= this.limit) {
      if (accept(at)) return at;
      at = this.text.indexOf(closer, at + 1);
    }
    this.missingFrom.set(closer, from);
    return -1;
  }
}

export function scanInline(text: string, start: number, limit: number, withBlockIds: boolean, out: InlineFindings): void {
  const closers = new CloserSearch(text, limit);
  /** Ranges whose text belongs to code, math or HTML; block ids inside them do not count. */
  const opaque: number[] = [];
  let i = start;
  while (i < limit) {
    const code = text.charCodeAt(i);
    switch (code) {
      case 92: // backslash escape
        i += 2;
        break;
      case 96: { // code span: closes at a run of exactly the same length
        let run = i;
        while (run < limit && text.charCodeAt(run) === 96) run++;
        const ticks = text.slice(i, run);
        const close = closers.find(ticks, run, (at) => text.charCodeAt(at + ticks.length) !== 96 && text.charCodeAt(at - 1) !== 96);
        if (close >= 0) opaque.push(i, close + ticks.length);
        i = close >= 0 ? close + ticks.length : run;
        break;
      }
      case 36: // $math$ and $$math$$
        i = skipMath(text, i, limit, closers, opaque);
        break;
      case 60: // <!-- comment -->, <tag>, <scheme:autolink>
        i = skipHtml(text, i, limit, closers, opaque);
        break;
      case 33: // ! starts an embed
        if (text.charCodeAt(i + 1) === 91) i = scanLink(text, i + 1, limit, true, out);
        else i++;
        break;
      case 91:
        i = scanLink(text, i, limit, false, out);
        break;
      case 35: {
        const tag = isWhitespace(text.charCodeAt(i - 1)) || i === 0 ? readTagAt(text, i + 1, limit) : null;
        if (tag) out.tags.push(tag);
        i += 1 + (tag ? tag.length : 0);
        break;
      }
      default:
        i++;
    }
  }
  if (withBlockIds) findBlockIds(text, start, limit, opaque, out);
}

/** Returns the offset to continue from; records the link when `[` at `open` starts one. */
function scanLink(text: string, open: number, limit: number, embed: boolean, out: InlineFindings): number {
  const linkStart = embed ? open - 1 : open;
  if (text.charCodeAt(open + 1) === 91) {
    const end = matchWikiLinkEnd(text, open, limit);
    if (end >= 0) {
      const parts = splitWikiLinkInner(text.slice(open + 2, end - 2));
      out.links.push({ kind: 'wiki', embed, ...parts, start: linkStart, end, inFrontmatter: false });
      return end;
    }
    // `[[[x]] y](z.md)` is a markdown link whose label holds a wiki link.
  }
  const match = matchMarkdownLink(text, open, limit);
  if (!match) return open + 1;
  // A link's label is inline content: it may hold images, wiki links and tags, but CommonMark
  // forbids links inside links, so a label that holds one makes the outer brackets plain text.
  // An image's description is only alt text (remark keeps no nodes there), so it is not scanned.
  const inner: InlineFindings = { links: [], tags: [], blockIds: [] };
  if (!embed) {
    const labelStart = open + 1;
    scanInline(text, labelStart, labelStart + match.label.length, false, inner);
    if (inner.sawMarkdownLink) return open + 1;
    out.sawMarkdownLink = true;
  }
  const local = toLocalLinkTarget(match.destination);
  if (local) {
    const label = match.label.trim();
    out.links.push({ kind: 'markdown', embed, ...local, text: match.destination, alias: label === '' ? null : label, start: linkStart, end: match.end, inFrontmatter: false });
  }
  out.links.push(...inner.links);
  out.tags.push(...inner.tags);
  return match.end;
}

function skipMath(text: string, i: number, limit: number, closers: CloserSearch, opaque: number[]): number {
  if (text.charCodeAt(i + 1) === 36) {
    const close = closers.find('$$', i + 2);
    if (close < 0) return i + 2;
    opaque.push(i, close + 2);
    return close + 2;
  }
  // Pandoc's rule keeps prices like "$5 and $10" out of math: no space inside the delimiters,
  // and no digit right after the closing one.
  const next = text.charCodeAt(i + 1);
  if (i + 1 >= limit || isWhitespace(next)) return i + 1;
  const close = closers.find('$', i + 1, (at) => at > i + 1 && !isWhitespace(text.charCodeAt(at - 1)) && text.charCodeAt(at - 1) !== 92 && !(text.charCodeAt(at + 1) >= 48 && text.charCodeAt(at + 1) <= 57));
  if (close < 0) return i + 1;
  opaque.push(i, close + 1);
  return close + 1;
}

function skipHtml(text: string, i: number, limit: number, closers: CloserSearch, opaque: number[]): number {
  if (text.startsWith('<!--', i)) {
    const close = closers.find('-->', i + 4);
    if (close < 0) return i + 1;
    opaque.push(i, close + 3);
    return close + 3;
  }
  const next = text.charCodeAt(i + 1);
  const startsName = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47;
  if (!startsName) return i + 1;
  // A bounded window keeps unclosed quotes in `<a b='...` from rescanning the rest of the text.
  const window = text.slice(i, Math.min(limit, i + MAX_HTML_TAG));
  for (const pattern of [AUTOLINK, INLINE_TAG]) {
    const match = pattern.exec(window);
    if (match) {
      opaque.push(i, i + match[0].length);
      return i + match[0].length;
    }
  }
  return i + 1;
}

function findBlockIds(text: string, start: number, limit: number, opaque: number[], out: InlineFindings): void {
  let lineStart = start;
  let nextOpaque = 0; // opaque ranges are in order, and so are the lines
  while (lineStart <= limit) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > limit ? limit : newline;
    // Only the tail can hold an id; looking at a bounded tail keeps 5 MB lines cheap.
    const tailStart = Math.max(lineStart, lineEnd - 128);
    const match = BLOCK_ID_AT_LINE_END.exec(text.slice(tailStart, lineEnd));
    if (match && (match.index > 0 || tailStart === lineStart || isWhitespace(text.charCodeAt(tailStart - 1)))) {
      const caret = tailStart + match.index + match[0].indexOf('^');
      while (nextOpaque < opaque.length && opaque[nextOpaque + 1] <= caret) nextOpaque += 2;
      const insideOpaque = nextOpaque < opaque.length && opaque[nextOpaque] <= caret;
      if (!insideOpaque) out.blockIds.push({ id: match[1], offset: caret });
    }
    lineStart = lineEnd + 1;
  }
}
