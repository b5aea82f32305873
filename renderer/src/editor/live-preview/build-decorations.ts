/**
 * Live Preview's rules: which markup to hide and what to draw instead, as a pure function of the
 * text's syntax tree, the selection and the visible ranges. Away from the selection's lines the
 * markup is hidden; on them the markdown shows as written (headings keep their size, emphasis
 * its weight, so the text does not jump more than the markup's width).
 *
 * Inline decorations are built only for the visible ranges (the view plugin passes
 * view.visibleRanges), so the cost of a keystroke does not grow with the note. Tables and
 * multi-line `$$` blocks replace whole lines, which CodeMirror allows only from a state field:
 * blockDecorations walks the top-level blocks of a window (the viewport, which the field is told
 * of) for those.
 */
import type { SyntaxNode, SyntaxNodeRef } from '@lezer/common';
import { parser as baseParser } from '@lezer/markdown';
import { Text as CmText } from '@codemirror/state';
import { splitWikiLinkInner, wikiLinkLabel } from '../../../../main/core/parse/wiki-link-syntax';
import { calloutKind, calloutMarker, defaultTitle } from '../../markdown/callouts';
import { blockDecorations } from './block-decorations';
import { Collector, spansLines } from './collector';
import type { BuildInput, LpDecoration, Range } from './decoration-spec';
import { livePreviewSyntax } from './markdown-syntax';

export type { BuildInput } from './decoration-spec';
export { blockDecorations } from './block-decorations';

const INLINE_MARKS: Record<string, { cls: string; marks: string }> = {
  StrongEmphasis: { cls: 'cm-lp-strong', marks: 'EmphasisMark' },
  Emphasis: { cls: 'cm-lp-em', marks: 'EmphasisMark' },
  Strikethrough: { cls: 'cm-lp-strike', marks: 'StrikethroughMark' },
  Highlight: { cls: 'cm-lp-highlight', marks: 'HighlightMark' },
  InlineCode: { cls: 'cm-lp-code', marks: 'CodeMark' },
};

function childrenOf(node: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === name) out.push(c);
  return out;
}

function wikiLink(c: Collector, node: SyntaxNodeRef): void {
  const { doc } = c;
  if (c.active(node.from, node.to)) return;
  const inner = doc.sliceString(node.from + 2, node.to - 2);
  const parts = splitWikiLinkInner(inner);
  const attrs: Record<string, string> = { 'data-lp-target': parts.target };
  if (parts.heading) attrs['data-lp-heading'] = parts.heading;
  if (parts.block) attrs['data-lp-block'] = parts.block;
  const pipe = inner.indexOf('|');
  const label = wikiLinkLabel(parts);
  // What shows is the reading view's label. An alias, or a link whose text is its label, stays
  // text of the line (selectable, in place); `[[#Heading]]` or `[[Note#Heading]]` is drawn as
  // "Heading" or "Note › Heading" in its place.
  if (parts.alias === null && inner !== label) {
    c.add({ from: node.from, to: node.to, kind: 'replace', widget: { type: 'link', label, attrs } });
    return;
  }
  const shownFrom = pipe >= 0 && parts.alias !== null ? node.from + 2 + pipe + 1 : node.from + 2;
  c.hide(node.from, shownFrom);
  c.add({ from: shownFrom, to: node.to - 2, kind: 'mark', cls: 'cm-lp-link', attrs });
  c.hide(node.to - 2, node.to);
}

function markdownLink(c: Collector, node: SyntaxNode): void {
  const marks = childrenOf(node, 'LinkMark');
  const url = node.getChild('URL');
  if (marks.length < 2 || !url || c.active(node.from, node.to)) return;
  c.hide(node.from, marks[0].to);
  c.add({ from: marks[0].to, to: marks[1].from, kind: 'mark', cls: 'cm-lp-link', attrs: { 'data-lp-url': c.doc.sliceString(url.from, url.to) } });
  c.hide(marks[1].from, node.to);
}

function heading(c: Collector, node: SyntaxNode, level: number, within: Range): void {
  c.lines(node.from, node.from, `cm-lp-heading cm-lp-h${level}`, within);
  if (c.active(node.from, node.to)) return;
  for (const mark of childrenOf(node, 'HeaderMark')) {
    // The opening marks take their space with them; closing `##` the space before them.
    if (mark.from === node.from) c.hide(mark.from, Math.min(node.to, mark.to + (c.doc.sliceString(mark.to, mark.to + 1) === ' ' ? 1 : 0)));
    else c.hide(c.doc.sliceString(mark.from - 1, mark.from) === ' ' ? mark.from - 1 : mark.from, mark.to);
  }
}

function setextHeading(c: Collector, node: SyntaxNode, level: number, within: Range): void {
  const underline = node.getChild('HeaderMark');
  const textEnd = underline ? underline.from - 1 : node.to;
  c.lines(node.from, Math.max(node.from, textEnd), `cm-lp-heading cm-lp-h${level}`, within);
  if (underline && !c.active(underline.from, underline.to)) c.hide(underline.from, underline.to);
}

function blockquote(c: Collector, node: SyntaxNode, within: Range): void {
  const first = c.doc.lineAt(node.from);
  const lead = /^\s*>\s?/.exec(first.text);
  const marker = lead ? calloutMarker(first.text.slice(lead[0].length)) : null;
  if (!lead || !marker) {
    c.lines(node.from, node.to, 'cm-lp-quote', within);
    return;
  }
  const attrs = { 'data-callout-kind': calloutKind(marker.type), 'data-callout': marker.type };
  c.lines(node.from, node.to, 'cm-lp-callout', within, attrs);
  c.lines(first.from, first.from, 'cm-lp-callout-title', within, attrs);
  if (c.active(first.from, first.to)) return;
  const markerFrom = first.from + lead[0].length;
  const title = first.text.slice(lead[0].length + marker.length).trim();
  if (title === '')
    c.add({ from: markerFrom, to: markerFrom + marker.length, kind: 'replace', widget: { type: 'callout-title', title: defaultTitle(marker.type) } });
  else c.hide(markerFrom, markerFrom + marker.length);
}

function taskMarker(c: Collector, node: SyntaxNode): void {
  const task = node.parent;
  const listMark = task?.prevSibling;
  const checked = /x/i.test(c.doc.sliceString(node.from, node.to));
  const textFrom = c.doc.sliceString(node.to, node.to + 1) === ' ' ? node.to + 1 : node.to;
  if (checked && task) c.add({ from: textFrom, to: task.to, kind: 'mark', cls: 'cm-lp-task-done' });
  if (c.active(node.from, node.to)) return;
  const from = listMark && listMark.name === 'ListMark' ? listMark.from : node.from;
  c.add({ from, to: node.to, kind: 'replace', widget: { type: 'checkbox', checked, at: node.from } });
}

function listMark(c: Collector, node: SyntaxNode): void {
  if (node.nextSibling?.name === 'Task') return; // the checkbox takes its place
  const mark = c.doc.sliceString(node.from, node.to);
  if (!/^[-*+]$/.test(mark) || c.active(node.from, node.to)) return;
  c.add({ from: node.from, to: node.to, kind: 'replace', widget: { type: 'bullet' } });
}

function visitInline(c: Collector, node: SyntaxNodeRef, within: Range): boolean | void {
  const { doc } = c;
  const name = node.name;
  const simple = INLINE_MARKS[name];
  if (simple) {
    c.add({ from: node.from, to: node.to, kind: 'mark', cls: simple.cls });
    if (!c.active(node.from, node.to)) for (const m of childrenOf(node.node, simple.marks)) c.hide(m.from, m.to);
    return name !== 'InlineCode';
  }
  const atx = /^ATXHeading([1-6])$/.exec(name);
  if (atx) return heading(c, node.node, Number(atx[1]), within);
  const setext = /^SetextHeading([12])$/.exec(name);
  if (setext) return setextHeading(c, node.node, Number(setext[1]), within);
  switch (name) {
    case 'Frontmatter':
      c.lines(node.from, node.to, 'cm-lp-frontmatter', within);
      return false;
    case 'FencedCode':
    case 'CodeBlock':
      c.lines(node.from, node.to, 'cm-lp-codeblock', within);
      return false;
    case 'HTMLBlock':
    case 'CommentBlock':
    case 'Table':
    case 'MathBlock':
      return false;
    case 'HorizontalRule':
      if (!c.active(node.from, node.to)) {
        c.lines(node.from, node.from, 'cm-lp-hr', within);
        c.hide(node.from, node.to);
      }
      return false;
    case 'Blockquote':
      blockquote(c, node.node, within);
      return;
    case 'QuoteMark':
      if (!c.active(node.from, node.to)) c.hide(node.from, node.to + (doc.sliceString(node.to, node.to + 1) === ' ' ? 1 : 0));
      return false;
    case 'ListMark':
      listMark(c, node.node);
      return false;
    case 'TaskMarker':
      taskMarker(c, node.node);
      return false;
    case 'WikiLink':
      wikiLink(c, node);
      return false;
    case 'Embed':
    case 'Image':
      if (!c.active(node.from, node.to))
        c.add({ from: node.from, to: node.to, kind: 'replace', widget: { type: 'embed', source: doc.sliceString(node.from, node.to) } });
      return false;
    case 'Link':
      markdownLink(c, node.node);
      return;
    case 'Tag':
      if (!c.active(node.from, node.to))
        c.add({ from: node.from, to: node.to, kind: 'mark', cls: 'cm-lp-tag', attrs: { 'data-lp-tag': doc.sliceString(node.from + 1, node.to) } });
      return false;
    case 'InlineMath': {
      // A formula over several lines replaces line breaks: blockDecorations draws it.
      if (spansLines(doc, node.from, node.to) || c.active(node.from, node.to)) return false;
      const text = doc.sliceString(node.from, node.to);
      const display = text.startsWith('$$');
      c.add({ from: node.from, to: node.to, kind: 'replace', widget: { type: 'math', tex: display ? text.slice(2, -2) : text.slice(1, -1), display } });
      return false;
    }
  }
}

/** Marks, hidden markup and inline widgets for the visible ranges. */
export function inlineDecorations({ doc, tree, selection }: BuildInput, visible: readonly Range[]): LpDecoration[] {
  const c = new Collector(doc, selection);
  for (const within of visible) tree.iterate({ from: within.from, to: within.to, enter: (node) => visitInline(c, node, within) });
  return c.out;
}

const testParser = baseParser.configure(livePreviewSyntax);

/**
 * Both passes over a text parsed in full: for tests and the bench. `visible` defaults to the
 * whole text. Sorted by position, blocks first at equal positions.
 */
export function buildDecorations(text: string, selection: readonly Range[], visible?: readonly Range[]): LpDecoration[] {
  const doc = CmText.of(text.split('\n'));
  const input = { doc, tree: testParser.parse(text), selection };
  const all = [...blockDecorations(input), ...inlineDecorations(input, visible ?? [{ from: 0, to: text.length }])];
  return all.sort((a, b) => a.from - b.from || a.to - b.to);
}
