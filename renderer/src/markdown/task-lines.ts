/**
 * Task-list checkboxes that write to disk. The pipeline tags each task item's checkbox with the
 * source line of its list item (hast keeps mdast positions through sanitize); a click rewrites
 * the `[ ]`/`[x]` on exactly that line of the text that was rendered, and only if that line is
 * still a task item: the note's own HTML can draw a checkbox, never make one write elsewhere.
 */
import type { Element, Root } from 'hast';
import { eachElement } from './each-element';

/** A list item's task marker: container prefix (quotes, indentation), bullet or number, `[ ]`. */
const TASK_LINE = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[)([ xX])(\])/;

function isTaskItem(el: Element): boolean {
  const cls = el.properties?.className;
  return el.tagName === 'li' && Array.isArray(cls) && cls.includes('task-list-item');
}

/** The checkbox of a task item: its first child, or the first child of its first paragraph (loose lists). */
function checkboxOf(li: Element): Element | null {
  const first = li.children.find((c) => c.type === 'element');
  if (!first || first.type !== 'element') return null;
  if (first.tagName === 'input') return first;
  if (first.tagName !== 'p') return null;
  const inner = first.children.find((c) => c.type === 'element');
  return inner && inner.type === 'element' && inner.tagName === 'input' ? inner : null;
}

/** After sanitize: `data-task-line` (1-based, in the whole note: `lineOffset` lines precede a chunk's text) on every task checkbox whose item has a position. */
export function markTaskLines(tree: Root, lineOffset = 0): void {
  eachElement(tree, (el: Element) => {
    if (!isTaskItem(el) || !el.position) return;
    const box = checkboxOf(el);
    if (box) box.properties = { ...box.properties, dataTaskLine: el.position.start.line + lineOffset };
  });
}

/** `text` with the task on `line` (1-based) set to `checked`, or null when that line is no task. */
export function setTaskOnLine(text: string, line: number, checked: boolean): string | null {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const m = TASK_LINE.exec(text.slice(start, end));
  if (!m) return null;
  const at = start + m[1].length;
  return text.slice(0, at) + (checked ? 'x' : ' ') + text.slice(at + 1);
}
