/**
 * Block ids (`^id` ending a line) in an inline region, skipping the ones inside code, math or
 * HTML the scanner marked opaque.
 */
import { isWhitespace } from './whitespace';

/** A block id at the end of a line: `^` after a space, a tab or the line's start. */
export const BLOCK_ID_AT_LINE_END = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;

export interface BlockIdAt {
  id: string;
  /** Offset of the `^`. */
  offset: number;
}

/** Pushes onto `out` each block id ending a line of [start, limit); `opaque` holds ordered [start, end) pairs. */
export function findBlockIds(text: string, start: number, limit: number, opaque: readonly number[], out: BlockIdAt[]): void {
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
      if (!insideOpaque) out.push({ id: match[1], offset: caret });
    }
    lineStart = lineEnd + 1;
  }
}
