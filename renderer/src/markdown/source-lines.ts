/**
 * After sanitize: `data-source-line` (1-based, the markdown line the element starts on) on the
 * rendered note's blocks (the top level, and the items and blocks of top-level lists and
 * quotes), so the side-by-side preview can be scrolled to the line the editor shows.
 */
import type { Element, Root } from 'hast';

const NESTING = new Set(['ul', 'ol', 'blockquote']);

function mark(el: Element, offset: number): void {
  if (el.position) el.properties = { ...el.properties, dataSourceLine: el.position.start.line + offset };
}

/** `offset`: lines of the note before this text (a chunk of a long note). */
export function markSourceLines(tree: Root, offset = 0): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    mark(child, offset);
    if (NESTING.has(child.tagName)) for (const inner of child.children) if (inner.type === 'element') mark(inner, offset);
  }
}
