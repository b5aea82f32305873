/**
 * `$$` math blocks for the editor's grammar, by the rule the reading view draws them with
 * (micromark-extension-math's flow construct, renderer/src/markdown/math.ts): a line that is,
 * after at most three spaces, two or more `$` and then anything without a `$` opens a block; it
 * runs, blank lines included, to a line of at least as many `$` and only spaces after them, or
 * to the end of its container (a quote line without `>` ends it). It may interrupt a paragraph.
 * `$$x$$` on one line is not a block (the `$` after the opening run): it is inline display math.
 */
import type { BlockContext, BlockParser, Element, Line } from '@lezer/markdown';

const DOLLAR = 36;

/** The length of the `$` run at `line.pos` when the line opens a block, else -1. */
function opening(line: Line): number {
  if (line.next !== DOLLAR || line.indent - line.baseIndent >= 4) return -1;
  let end = line.pos;
  while (end < line.text.length && line.text.charCodeAt(end) === DOLLAR) end++;
  if (end - line.pos < 2 || line.text.indexOf('$', end) >= 0) return -1;
  return end - line.pos;
}

/** The length of the closing run when the line closes a block opened with `size` dollars, else -1. */
function closing(line: Line, size: number): number {
  if (line.indent - line.baseIndent >= 4) return -1;
  let end = line.pos;
  while (end < line.text.length && line.text.charCodeAt(end) === DOLLAR) end++;
  return end - line.pos >= size && line.skipSpace(end) === line.text.length ? end - line.pos : -1;
}

/**
 * lezer's line depth (how many containers the line continues) is set on every line but not in
 * its types; its own fenced-code parser ends a block the same way when it drops.
 */
const depthOf = (line: Line): number => (line as unknown as { depth: number }).depth;

export const mathBlockParser: BlockParser = {
  name: 'MathBlock',
  parse(cx: BlockContext, line: Line): boolean {
    const size = opening(line);
    if (size < 0) return false;
    const from = cx.lineStart + line.pos;
    const children: Element[] = [cx.elt('MathMark', from, from + size)];
    while (cx.nextLine() && depthOf(line) >= cx.depth) {
      children.push(...line.markers);
      const close = closing(line, size);
      if (close >= 0) {
        children.push(cx.elt('MathMark', cx.lineStart + line.pos, cx.lineStart + line.pos + close));
        cx.nextLine();
        break;
      }
    }
    cx.addElement(cx.elt('MathBlock', from, cx.prevLineEnd(), children));
    return true;
  },
  endLeaf: (_cx, line) => opening(line) >= 0,
  before: 'FencedCode',
};
