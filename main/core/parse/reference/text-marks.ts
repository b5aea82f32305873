/**
 * Tags and block ids inside remark's text nodes. Structure (what is text, what is code, what is a
 * heading) comes from the mdast; the lexical rules are Obsidian's and read the source, not the
 * decoded value, so `\#x` (an escape) is not a tag and `&#35;x` (an entity) is not one either:
 * - a tag is `#` + tag characters (tags.ts), where the `#` follows whitespace or starts the file;
 * - a block id is `^id` ending a source line (trailing spaces allowed) outside headings, where
 *   the `^` follows a space or tab or starts its paragraph or table cell.
 */
import { BLOCK_ID_AT_LINE_END } from '../block-ids';
import { readTagAt } from '../tags';
import { isWhitespace } from '../whitespace';
import type { TextSpan } from './mdast-findings';

export function tagsIn(text: string, span: TextSpan, out: string[]): void {
  for (let at = text.indexOf('#', span.start); at >= 0 && at < span.end; at = text.indexOf('#', at + 1)) {
    if (!isWhitespace(text.charCodeAt(at - 1))) continue;
    const tag = readTagAt(text, at + 1, span.end);
    if (tag) {
      out.push(tag);
      at += tag.length;
    }
  }
}

/** True when only spaces or tabs separate `from` from the end of its source line. */
function endsLine(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

function blockIdBefore(text: string, span: TextSpan, lineEnd: number, out: { id: string; offset: number }[]): void {
  const lineStart = Math.max(span.start, text.lastIndexOf('\n', lineEnd - 1) + 1);
  const match = BLOCK_ID_AT_LINE_END.exec(text.slice(lineStart, lineEnd));
  if (!match) return;
  const caret = lineStart + match.index + match[0].indexOf('^');
  const atStart = caret === span.containerStart || isWhitespace(text.charCodeAt(caret - 1));
  if (atStart) out.push({ id: match[1], offset: caret });
}

export function blockIdsIn(text: string, span: TextSpan, out: { id: string; offset: number }[]): void {
  if (span.inHeading) return;
  for (let newline = text.indexOf('\n', span.start); newline >= 0 && newline < span.end; newline = text.indexOf('\n', newline + 1)) {
    blockIdBefore(text, span, text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline, out);
  }
  if (endsLine(text, span.end)) blockIdBefore(text, span, span.end, out);
}
