/**
 * Line-by-line block structure, just enough for indexing: which source ranges hold inline
 * content (paragraphs, list items, table rows, quotes) and which are opaque (fenced and
 * indented code, `$$` math, HTML blocks and comments, thematic breaks), plus ATX and setext
 * headings. A hand-written scanner rather than micromark because micromark tokenizes too slowly
 * for indexing (docs/benchmarks.md) and is quadratic on some inputs; this one is linear by
 * construction.
 */
import type { HeadingInfo } from '../types';
import { findHtmlBlockEnd, htmlBlockStart, type HtmlBlockEnd } from './html-blocks';

export interface InlineRegion {
  start: number;
  end: number;
  /** Paragraph-like regions may end lines with `^block-id`; headings may not. */
  isHeading: boolean;
}

export interface BlockScan {
  regions: InlineRegion[];
  headings: HeadingInfo[];
}

interface LineShape {
  /** Offset after blockquote markers and indentation. */
  contentStart: number;
  indent: number;
  quoteDepth: number;
  blank: boolean;
}

interface OpenParagraph {
  start: number;
  end: number;
  firstLine: number;
  canBecomeSetext: boolean;
  quoteDepth: number;
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const ATX = /^(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^(=+|-+)[ \t]*$/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_MARKER = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/;

function shapeLine(text: string, start: number, end: number): LineShape {
  let i = start;
  let quoteDepth = 0;
  for (;;) {
    let j = i;
    while (j < end && j - i < 3 && text.charCodeAt(j) === 32) j++;
    if (j < end && text.charCodeAt(j) === 62) {
      quoteDepth++;
      i = j + 1;
      if (i < end && text.charCodeAt(i) === 32) i++;
    } else break;
  }
  let indent = 0;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === 32) indent++;
    else if (code === 9) indent += 4 - (indent % 4);
    else break;
    i++;
  }
  return { contentStart: i, indent, quoteDepth, blank: i >= end };
}

/** Strips an ATX heading's optional closing `#` sequence. */
function atxHeadingText(raw: string): string {
  const trimmed = raw.trim();
  const closing = /(?:^|[ \t])#+$/.exec(trimmed);
  return (closing ? trimmed.slice(0, closing.index) : trimmed).trim();
}

export function scanBlocks(text: string, bodyStart: number, firstLine: number): BlockScan {
  const regions: InlineRegion[] = [];
  const headings: HeadingInfo[] = [];
  const length = text.length;
  let paragraph: OpenParagraph | null = null;
  let fence: { marker: string; quoteDepth: number; maxCloseIndent: number } | null = null;
  let inMathBlock = false;
  let htmlEnd: HtmlBlockEnd | null = null;
  let listContentIndent = -1;
  let previousBlank = true;
  const closeParagraph = (): void => {
    if (paragraph) regions.push({ start: paragraph.start, end: paragraph.end, isHeading: false });
    paragraph = null;
  };

  let line = firstLine - 1;
  for (let lineStart = bodyStart; lineStart < length || (lineStart === length && line < firstLine);) {
    line++;
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? length : newline;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const nextStart = newline < 0 ? length + 1 : newline + 1;
    const shape = shapeLine(text, lineStart, contentEnd);
    const rest = text.slice(shape.contentStart, contentEnd);
    const wasBlank = previousBlank;
    previousBlank = shape.blank;
    lineStart = nextStart;

    if (fence) {
      // A fence inside a blockquote also ends when the quote does.
      const closes =
        shape.indent < fence.maxCloseIndent &&
        rest.startsWith(fence.marker) &&
        rest.slice(fence.marker.length).replace(/[`~]/g, '').trim() === '' &&
        rest[0] === fence.marker[0];
      if (closes || shape.quoteDepth < fence.quoteDepth) fence = null;
      if (closes || fence) continue;
    }
    if (inMathBlock) {
      if (rest.includes('$$')) inMathBlock = false;
      continue;
    }
    if (htmlEnd) {
      // The closing line belongs to the block; a blank line ending a type 6/7 block holds nothing.
      if (findHtmlBlockEnd(htmlEnd, rest, shape.blank)) htmlEnd = null;
      continue;
    }
    if (shape.blank) {
      closeParagraph();
      continue;
    }
    // After a blank line, a line indented less than the list's content (and not a new item) ends the list.
    if (listContentIndent >= 0 && wasBlank && shape.indent < listContentIndent && !LIST_MARKER.test(rest)) listContentIndent = -1;
    const inList = listContentIndent >= 0;
    if (!paragraph && shape.indent >= (inList ? listContentIndent + 4 : 4)) continue; // indented code
    const blockIndentOk = shape.indent < 4 || inList;

    const fenceMatch = blockIndentOk ? FENCE.exec(rest) : null;
    if (fenceMatch && !(fenceMatch[1][0] === '`' && fenceMatch[2].includes('`'))) {
      closeParagraph();
      // Inside a list item the closing fence is indented like the item's content (CommonMark).
      fence = { marker: fenceMatch[1], quoteDepth: shape.quoteDepth, maxCloseIndent: (inList ? listContentIndent : 0) + 4 };
      continue;
    }
    if (blockIndentOk && rest.startsWith('$$')) {
      closeParagraph();
      if (!rest.slice(2).includes('$$')) inMathBlock = true;
      continue;
    }
    const html = shape.indent < 4 ? htmlBlockStart(rest, paragraph !== null) : null;
    if (html) {
      closeParagraph();
      if (!findHtmlBlockEnd(html, rest, false)) htmlEnd = html;
      continue;
    }
    const atx = shape.indent < 4 ? ATX.exec(rest) : null;
    if (atx) {
      closeParagraph();
      const contentStart = shape.contentStart + atx[0].length;
      headings.push({ text: atxHeadingText(text.slice(contentStart, contentEnd)), level: atx[1].length, line });
      if (contentStart < contentEnd) regions.push({ start: contentStart, end: contentEnd, isHeading: true });
      continue;
    }
    // A line opening a deeper blockquote starts a new paragraph inside it (only shallower lines are lazy).
    if (paragraph && shape.quoteDepth > (paragraph as OpenParagraph).quoteDepth) closeParagraph();
    const open = paragraph as OpenParagraph | null;
    // The underline must sit in the paragraph's own blockquote: `> a` then `---` is a quote and a rule.
    if (open && open.canBecomeSetext && shape.indent < 4 && shape.quoteDepth === open.quoteDepth && SETEXT.exec(rest)) {
      const headingText = text
        .slice(open.start, open.end)
        .split('\n')
        .map((part) => part.trim())
        .join(' ')
        .trim();
      headings.push({ text: headingText, level: rest[0] === '=' ? 1 : 2, line: open.firstLine });
      regions.push({ start: open.start, end: open.end, isHeading: true });
      paragraph = null;
      continue;
    }
    if (shape.indent < 4 && THEMATIC.test(rest)) {
      closeParagraph();
      continue;
    }
    const listMarker = LIST_MARKER.exec(rest);
    if (listMarker) {
      closeParagraph();
      const spaces = Math.min(listMarker[2].length || 1, 4);
      listContentIndent = shape.indent + listMarker[1].length + spaces;
      // `- # Heading` is a heading inside the list item.
      const itemAtx = ATX.exec(rest.slice(listMarker[0].length));
      if (itemAtx) {
        const contentStart = shape.contentStart + listMarker[0].length + itemAtx[0].length;
        headings.push({ text: atxHeadingText(text.slice(contentStart, contentEnd)), level: itemAtx[1].length, line });
        if (contentStart < contentEnd) regions.push({ start: contentStart, end: contentEnd, isHeading: true });
        continue;
      }
    }
    if (paragraph) {
      (paragraph as OpenParagraph).end = contentEnd;
    } else {
      const canBecomeSetext = !listMarker && listContentIndent < 0;
      paragraph = { start: shape.contentStart, end: contentEnd, firstLine: line, canBecomeSetext, quoteDepth: shape.quoteDepth };
    }
  }
  closeParagraph();
  return { regions, headings };
}
