/**
 * Live Preview's whole-line widgets: tables and `$$` math blocks away from the selection, at the
 * top level and inside quotes, callouts and list items (as the reading view draws them there).
 * The widget gets the block's markdown without its containers' prefixes (`> `, a list item's
 * indent), which is what the reading view's renderer draws, and the innermost container's look.
 */
import type { Text } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import { calloutKind, calloutMarker } from '../../markdown/callouts';
import { Collector, spansLines } from './collector';
import type { BuildInput, LpDecoration, LpFrame, Range } from './decoration-spec';

/** Containers a table or math block can sit in; their children are searched too. */
const CONTAINERS = new Set(['Blockquote', 'BulletList', 'OrderedList', 'ListItem']);

/** How one container's prefix is taken off a line of its content. */
type Strip = { quote: true } | { quote: false; width: number };

/** The column where a container's content starts on its first line (after `- ` or `> `). */
function contentColumn(doc: Text, container: SyntaxNode): number {
  const line = doc.lineAt(container.from);
  const mark = container.getChild(container.name === 'ListItem' ? 'ListMark' : 'QuoteMark');
  if (!mark) return container.from - line.from;
  const after = line.text.slice(mark.to - line.from);
  const spaces = /^ */.exec(after)![0].length;
  if (container.name === 'Blockquote') return mark.to - line.from + Math.min(spaces, 1);
  // More than four spaces after a list marker: the content starts one space after it (CommonMark).
  return mark.to - line.from + (spaces > 4 || after.trim() === '' ? 1 : spaces);
}

/** The containers around `node`, outermost first, and the frame the innermost gives the widget. */
function containersOf(doc: Text, node: SyntaxNode): { strips: Strip[]; frame?: LpFrame } {
  const around: SyntaxNode[] = [];
  for (let p = node.parent; p && p.name !== 'Document'; p = p.parent) if (p.name === 'ListItem' || p.name === 'Blockquote') around.unshift(p);
  const strips: Strip[] = [];
  let column = 0;
  let indent = 0;
  let frame: LpFrame | undefined;
  for (const p of around) {
    const next = contentColumn(doc, p);
    if (p.name === 'ListItem') {
      strips.push({ quote: false, width: Math.max(0, next - column) });
      indent += Math.max(0, next - column);
    } else {
      strips.push({ quote: true });
      const first = doc.lineAt(p.from);
      const marker = calloutMarker(first.text.slice(next));
      frame = marker ? { cls: 'cm-lp-callout', attrs: { 'data-callout-kind': calloutKind(marker.type), 'data-callout': marker.type } } : { cls: 'cm-lp-quote' };
      indent = 0;
    }
    column = next;
  }
  if (indent > 0) frame = { ...frame, indent };
  return { strips, frame };
}

/** A continuation line without its containers' prefixes. */
function stripLine(text: string, strips: readonly Strip[]): string {
  let rest = text;
  for (const strip of strips) {
    if (strip.quote) rest = rest.replace(/^ {0,3}> ?/, '');
    else rest = rest.slice(Math.min(strip.width, /^ */.exec(rest)![0].length));
  }
  return rest;
}

/** The block's markdown as its container would hand it to the renderer. */
function sourceOf(doc: Text, node: SyntaxNode, strips: readonly Strip[]): string[] {
  const lines = [doc.sliceString(node.from, doc.lineAt(node.from).to)];
  for (let n = doc.lineAt(node.from).number + 1; n <= doc.lineAt(node.to).number; n++) lines.push(stripLine(doc.line(n).text, strips));
  return lines;
}

/** Only these can become a whole-line widget; the rest are passed over before any line is looked up (most blocks, on every keystroke). */
function mayBeBlock(node: SyntaxNode): boolean {
  if (node.name === 'Table' || node.name === 'MathBlock') return true;
  if (node.name !== 'Paragraph') return false;
  const math = node.firstChild;
  return math !== null && math.name === 'InlineMath' && math.from === node.from && math.to === node.to;
}

function addBlock(c: Collector, node: SyntaxNode): void {
  if (!mayBeBlock(node)) return;
  const { doc } = c;
  const from = doc.lineAt(node.from).from;
  const to = doc.lineAt(node.to).to;
  if (c.active(from, to)) return;
  const { strips, frame } = containersOf(doc, node);
  const framed = frame ? { frame } : {};
  if (node.name === 'Table') {
    c.add({ from, to, kind: 'replace', block: true, widget: { type: 'table', source: sourceOf(doc, node, strips).join('\n'), ...framed } });
  } else if (node.name === 'MathBlock') {
    const lines = sourceOf(doc, node, strips);
    const closed = node.getChildren('MathMark').length > 1;
    const body = lines.slice(1, closed ? -1 : undefined);
    c.add({ from, to, kind: 'replace', block: true, widget: { type: 'math', tex: `\n${body.join('\n')}\n`, display: true, ...framed } });
  } else if (node.name === 'Paragraph') {
    // `$$a` ... `b$$` written as one paragraph: inline display math over lines.
    const math = node.firstChild!;
    if (!spansLines(doc, from, to)) return;
    const text = sourceOf(doc, math, strips).join('\n');
    const display = text.startsWith('$$');
    c.add({ from, to, kind: 'replace', block: true, widget: { type: 'math', tex: display ? text.slice(2, -2) : text.slice(1, -1), display: true, ...framed } });
  }
}

function visit(c: Collector, node: SyntaxNode, window: Range | undefined): void {
  for (let child: SyntaxNode | null = node; child && (!window || child.from <= window.to); child = child.nextSibling) {
    if (window && child.to < window.from) continue;
    if (CONTAINERS.has(child.name)) {
      if (child.firstChild) visit(c, child.firstChild, window);
    } else addBlock(c, child);
  }
}

/** Tables and multi-line math away from the selection, as whole-line widgets: those of `window` (default: all). */
export function blockDecorations({ doc, tree, selection }: BuildInput, window?: Range): LpDecoration[] {
  const c = new Collector(doc, selection);
  const first = window ? tree.topNode.childAfter(window.from) : tree.topNode.firstChild;
  if (first) visit(c, first, window);
  return c.out;
}
