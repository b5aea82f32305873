/**
 * KaTeX straight to hast. rehype-katex asks KaTeX for an HTML string and parses it back
 * (parse5 in Node, the DOM parser in the window); on a note with a few hundred formulas that
 * parse was most of the render. KaTeX builds the string from a tree of its own nodes, so this
 * walks that tree instead and makes the elements with hastscript, which is what the parse
 * ends in (hast-util-from-parse5 builds every element with `h`/`s` from its attributes): the
 * same elements, properties and text, without the round trip. Held equal to the string path
 * by tests/renderer/markdown/katex-hast.test.ts.
 *
 * KaTeX calls this tree internal (`__renderToDomTree`, `__domTree`), so any node this file does
 * not know makes it return null, and the caller takes the string path: a KaTeX upgrade can
 * make math slower, never different.
 */
import type { ElementContent } from 'hast';
import { h, s } from 'hastscript';
import katex, { type KatexOptions } from 'katex';

interface KatexNode {
  toMarkup(): string;
}
interface BoxNode extends KatexNode {
  children: KatexNode[];
  classes: string[];
  style: Record<string, string | undefined>;
  attributes: Record<string, string>;
}
interface SymbolNodeShape extends KatexNode {
  text: string;
  classes: string[];
  style: Record<string, string | undefined>;
  italic: number;
}
interface AttributedNode extends KatexNode {
  children?: KatexNode[];
  attributes: Record<string, string>;
}

type Constructor = abstract new (...args: never[]) => unknown;
interface KatexInternals {
  __renderToDomTree(tex: string, options: KatexOptions): KatexNode;
  __domTree: { Span: Constructor; Anchor: Constructor; SymbolNode: Constructor; SvgNode: Constructor; PathNode: Constructor; LineNode: Constructor };
}

const internals = katex as unknown as Partial<KatexInternals>;
const domTree = internals.__domTree;

/** KaTeX's `cssStyleToString`: hyphenated names, `name:value;` each, unset values left out. */
function styleString(style: Record<string, string | undefined>): string {
  let out = '';
  for (const name of Object.keys(style)) {
    const value = style[name];
    if (value !== undefined) out += `${name.replace(/([A-Z])/g, '-$1').toLowerCase()}:${value};`;
  }
  return out;
}

/** KaTeX's `createClass`. */
function classString(classes: string[]): string {
  return classes.filter((cls) => cls).join(' ');
}

// eslint-disable-next-line no-control-regex -- control characters are what makes an attribute name invalid
const INVALID_ATTRIBUTE = /[\s"'>/=\x00-\x1f]/;

function boxAttributes(node: BoxNode): Record<string, string> | null {
  const attributes: Record<string, string> = {};
  if (node.classes.length) attributes.class = classString(node.classes);
  const style = styleString(node.style);
  if (style) attributes.style = style;
  for (const name of Object.keys(node.attributes)) {
    // KaTeX throws on these when it writes markup; the string path reports it.
    if (INVALID_ATTRIBUTE.test(name)) return null;
    // An HTML parse keeps the first of two equal names (an error's `style` attribute after an empty style).
    if (!(name in attributes)) attributes[name] = node.attributes[name];
  }
  return attributes;
}

const AMP = /&(amp|lt|gt|quot|#x27);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'" };

/** A path's `d` (KaTeX keeps its path table to itself): read back from the node's own markup. */
function pathData(node: KatexNode): string | null {
  const markup = node.toMarkup();
  const m = /^<path d="([^"]*)"\/>$/.exec(markup);
  return m ? m[1].replace(AMP, (_all, name: string) => ENTITIES[name]) : null;
}

/** Appends `node`'s hast to `out`, merging adjacent text as an HTML parse does; false on a node it does not know. */
function convert(node: KatexNode, svg: boolean, out: ElementContent[]): boolean {
  if (!domTree) return false;
  if (node instanceof domTree.SymbolNode) {
    const symbol = node as unknown as SymbolNodeShape;
    const classes = classString(symbol.classes);
    const style = (symbol.italic > 0 ? `margin-right:${italicEm(symbol)};` : '') + styleString(symbol.style);
    if (symbol.classes.length || style) {
      const attributes: Record<string, string> = {};
      if (symbol.classes.length) attributes.class = classes;
      if (style) attributes.style = style;
      out.push(h('span', attributes, symbol.text === '' ? [] : [{ type: 'text', value: symbol.text }]));
    } else if (symbol.text !== '') {
      const last = out[out.length - 1];
      if (last?.type === 'text') last.value += symbol.text;
      else out.push({ type: 'text', value: symbol.text });
    }
    return true;
  }
  if (node instanceof domTree.Span || node instanceof domTree.Anchor) {
    const box = node as unknown as BoxNode;
    const attributes = boxAttributes(box);
    if (!attributes) return false;
    const children: ElementContent[] = [];
    for (const child of box.children) if (!convert(child, false, children)) return false;
    out.push(h(node instanceof domTree.Anchor ? 'a' : 'span', attributes, children));
    return true;
  }
  if (node instanceof domTree.SvgNode || node instanceof domTree.LineNode) {
    const element = node as unknown as AttributedNode;
    const isSvg = node instanceof domTree.SvgNode;
    const attributes: Record<string, string> = isSvg ? { xmlns: 'http://www.w3.org/2000/svg' } : {};
    for (const name of Object.keys(element.attributes)) {
      if (INVALID_ATTRIBUTE.test(name)) return false;
      if (!(name in attributes)) attributes[name] = element.attributes[name];
    }
    const children: ElementContent[] = [];
    for (const child of element.children ?? []) if (!convert(child, true, children)) return false;
    out.push(s(isSvg ? 'svg' : 'line', attributes, children));
    return true;
  }
  if (node instanceof domTree.PathNode && svg) {
    const d = pathData(node);
    if (d === null) return false;
    out.push(s('path', { d }, []));
    return true;
  }
  // A DocumentFragment (KaTeX does not export its class): children and nothing else of its own.
  const fragment = node as Partial<BoxNode>;
  if (Array.isArray(fragment.children) && fragment.attributes === undefined && !('text' in node) && !('src' in node)) {
    for (const child of fragment.children) if (!convert(child, svg, out)) return false;
    return true;
  }
  return false;
}

/** KaTeX's `makeEm`: the italic correction as KaTeX writes it (rounded to 4 places, then `em`). */
function italicEm(symbol: SymbolNodeShape): string {
  return `${+symbol.italic.toFixed(4)}em`;
}

/**
 * The hast KaTeX's `renderToString(tex, options)` parses to, or null when this file cannot say
 * (then use the string). Throws what renderToString throws (with `throwOnError`).
 */
export function katexToHast(tex: string, options: KatexOptions): ElementContent[] | null {
  if (typeof internals.__renderToDomTree !== 'function' || !domTree) return null;
  // An HTML parse rewrites CR and NUL in text; rare enough to leave to the string path.
  if (/[\r\0]/.test(tex)) return null;
  const tree = internals.__renderToDomTree(tex, options);
  const out: ElementContent[] = [];
  return convert(tree, false, out) ? out : null;
}
