/**
 * Obsidian's inline syntax that CommonMark and GFM lack, as mdast transforms after parsing (so
 * code, inline code and math, which are not text nodes, are never touched):
 *  - `%%comment%%`, inline or spanning blocks, is hidden;
 *  - `==highlight==` becomes a `mark` element;
 *  - `^[inline footnote]` becomes a GFM footnote (reference plus a definition at the end);
 *  - a footnote definition nothing refers to (or a repeated one) stays where it is written, as plain blocks (GFM
 *    would drop it, and its links with it, though the index and Obsidian keep them).
 */
import type { FootnoteDefinition, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';

type Node = RootContent;

function hasChildren(node: Node | Root): node is Node & Parent {
  return Array.isArray((node as Parent).children);
}

/**
 * Removes everything between `%%` pairs, in document order across blocks. A container that lies
 * wholly inside a comment goes with it; one that a comment only enters or leaves keeps its
 * visible part. An unclosed `%%` hides the rest of the note, as in Obsidian.
 */
export function stripComments(tree: Root): void {
  let inComment = false;
  const walk = (parent: Root | (Node & Parent)): void => {
    const kept: Node[] = [];
    for (const child of parent.children as Node[]) {
      if (child.type === 'text') {
        const parts = child.value.split('%%');
        let value = '';
        parts.forEach((part, i) => {
          if (i > 0) inComment = !inComment;
          if (!inComment) value += part;
        });
        if (parts.length === 1 && inComment) continue;
        if (value !== '' || parts.length === 1) kept.push({ ...child, value });
        continue;
      }
      const startedInside = inComment;
      let toggled = false;
      if (hasChildren(child)) {
        const before = inComment;
        const count = countMarkers(child);
        walk(child);
        toggled = count > 0 || before !== inComment;
      }
      if (startedInside && inComment && !toggled) continue;
      if (startedInside && !hasChildren(child)) continue;
      // `%%` alone on a line leaves an empty paragraph behind.
      if (toggled && child.type === 'paragraph' && child.children.every((c) => c.type === 'text' && c.value.trim() === '')) continue;
      kept.push(child);
    }
    (parent as Parent).children = kept as never;
  };
  if (!mayHaveComment(tree)) return;
  walk(tree);
}

function countMarkers(node: Node): number {
  let count = 0;
  const visit = (n: Node): void => {
    if (n.type === 'text') count += n.value.split('%%').length - 1;
    else if (hasChildren(n)) for (const c of n.children as Node[]) visit(c);
  };
  visit(node);
  return count;
}

function mayHaveComment(tree: Root): boolean {
  let found = false;
  const visit = (n: Node | Root): void => {
    if (found) return;
    if (n.type === 'text') found = n.value.includes('%%');
    else if (hasChildren(n)) for (const c of n.children as Node[]) visit(c);
  };
  visit(tree);
  return found;
}

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);

/**
 * Whether a `==` can open or close a highlight, given the characters around it (undefined at an
 * edge): it opens before a non-space and closes after one. The editor's Live Preview uses it too.
 */
export function highlightFlanks(before: string | undefined, after: string | undefined): { canOpen: boolean; canClose: boolean } {
  return { canOpen: !isSpace(after), canClose: !isSpace(before) };
}

/** A text child split at every `==` into text and marker pieces. */
type Piece = { marker: true; canOpen: boolean; canClose: boolean } | { marker: false; node: PhrasingContent };

function piecesOf(children: PhrasingContent[]): Piece[] {
  const pieces: Piece[] = [];
  children.forEach((child, index) => {
    if (child.type !== 'text' || !child.value.includes('==')) {
      pieces.push({ marker: false, node: child });
      return;
    }
    const parts = child.value.split('==');
    // At a text node's edge the neighbour is an element (emphasis, a link): not a space.
    const nextChar = (i: number) => (i < parts.length - 1 ? (parts[i][0] ?? '=') : (parts[i][0] ?? (index < children.length - 1 ? 'x' : undefined)));
    const prevChar = (i: number) => {
      const before = parts[i - 1];
      if (before !== '') return before[before.length - 1];
      return i > 1 ? '=' : index > 0 ? 'x' : undefined;
    };
    parts.forEach((part, i) => {
      if (i > 0) pieces.push({ marker: true, ...highlightFlanks(prevChar(i), nextChar(i)) });
      if (part !== '') pieces.push({ marker: false, node: { type: 'text', value: part } });
    });
  });
  return pieces;
}

/** Pairs `==` markers left to right; unpaired markers stay literal text. */
function highlightChildren(children: PhrasingContent[]): PhrasingContent[] {
  const pieces = piecesOf(children);
  if (!pieces.some((p) => p.marker)) return children;
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i];
    if (!piece.marker) {
      out.push(piece.node);
      i++;
      continue;
    }
    const close = piece.canOpen ? pieces.findIndex((p, k) => k > i + 1 && p.marker && p.canClose) : -1;
    if (close < 0) {
      out.push({ type: 'text', value: '==' });
      i++;
      continue;
    }
    const inner = pieces.slice(i + 1, close).map((p) => (p.marker ? ({ type: 'text', value: '==' } as Text) : p.node));
    out.push({ type: 'highlight', children: inner, data: { hName: 'mark' } } as unknown as PhrasingContent);
    i = close + 1;
  }
  return mergeTexts(out);
}

function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && !node.position && !last.position)
      out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else out.push(node);
  }
  return out;
}

/** `^[...]`: the `]` that balances the `[`, searched through the following text siblings. */
function inlineFootnotes(children: PhrasingContent[], definitions: FootnoteDefinition[], nextId: () => string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const open = child.type === 'text' ? child.value.indexOf('^[') : -1;
    if (child.type !== 'text' || open < 0) {
      out.push(child);
      continue;
    }
    const end = findClose(children, i, open + 2);
    if (!end) {
      out.push(child);
      continue;
    }
    const inner: PhrasingContent[] = [];
    if (end.index === i) inner.push({ type: 'text', value: child.value.slice(open + 2, end.offset) });
    else {
      inner.push({ type: 'text', value: child.value.slice(open + 2) }, ...children.slice(i + 1, end.index));
      inner.push({ type: 'text', value: (children[end.index] as Text).value.slice(0, end.offset) });
    }
    const identifier = nextId();
    definitions.push({
      type: 'footnoteDefinition',
      identifier,
      label: identifier,
      children: [{ type: 'paragraph', children: inner.filter((n) => !(n.type === 'text' && n.value === '')) }],
    });
    if (open > 0) out.push({ type: 'text', value: child.value.slice(0, open) });
    out.push({ type: 'footnoteReference', identifier, label: identifier });
    const tailNode = children[end.index] as Text;
    // The rest of the closing text may hold another inline footnote: process it next.
    children[end.index] = { type: 'text', value: tailNode.value.slice(end.offset + 1) };
    i = end.index - 1;
  }
  return out.filter((n) => !(n.type === 'text' && n.value === ''));
}

function findClose(children: PhrasingContent[], from: number, offset: number): { index: number; offset: number } | null {
  let depth = 0;
  for (let k = from; k < children.length; k++) {
    const node = children[k];
    if (node.type !== 'text') continue;
    for (let j = k === from ? offset : 0; j < node.value.length; j++) {
      const ch = node.value[j];
      if (ch === '[') depth++;
      else if (ch === ']' && depth-- === 0) return { index: k, offset: j };
    }
  }
  return null;
}

const SKIP = new Set(['code', 'inlineCode', 'html', 'yaml', 'obsidianMath', 'math', 'inlineMath', 'wikiLink']);

/** Highlights and inline footnotes in every phrasing parent. */
export function obsidianInline(tree: Root): void {
  const definitions: FootnoteDefinition[] = [];
  let n = 0;
  const nextId = () => `inline-${++n}`;
  const walk = (parent: Root | (Node & Parent)): void => {
    for (const child of parent.children as Node[]) if (hasChildren(child) && !SKIP.has(child.type)) walk(child);
    const kids = parent.children as PhrasingContent[];
    if (!kids.some((c) => c.type === 'text')) return;
    let next = kids;
    if (kids.some((c) => c.type === 'text' && c.value.includes('^['))) next = inlineFootnotes(next, definitions, nextId);
    if (next.some((c) => c.type === 'text' && c.value.includes('=='))) next = highlightChildren(next);
    (parent as Parent).children = next as never;
  };
  walk(tree);
  // Inline footnotes that hold footnotes or highlights of their own.
  for (const d of definitions) walk(d);
  tree.children.push(...definitions);
  keepUnreferencedFootnotes(tree);
}

function keepUnreferencedFootnotes(tree: Root): void {
  const referenced = new Set<string>();
  let hasDefinition = false;
  const collect = (n: Node | Root): void => {
    if (n.type === 'footnoteReference') referenced.add(n.identifier);
    if (n.type === 'footnoteDefinition') hasDefinition = true;
    if (hasChildren(n)) for (const c of n.children as Node[]) collect(c);
  };
  collect(tree);
  if (!hasDefinition) return;
  // Only the first definition of a name is a footnote; later ones GFM would also drop.
  const seen = new Set<string>();
  const replace = (parent: Root | (Node & Parent)): void => {
    parent.children = (parent.children as Node[]).map((child) => {
      if (child.type === 'footnoteDefinition' && (!referenced.has(child.identifier) || seen.has(child.identifier))) {
        return { type: 'unreferencedFootnote', children: child.children, data: { hName: 'div' } } as unknown as Node;
      }
      if (child.type === 'footnoteDefinition') seen.add(child.identifier);
      if (hasChildren(child)) replace(child);
      return child;
    }) as never;
  };
  replace(tree);
}
