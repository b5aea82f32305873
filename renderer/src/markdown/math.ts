/**
 * Math as Obsidian draws it. Syntax:
 *  - `$$` blocks on their own lines: remark-math's flow construct (its `math` node keeps the
 *    TeX as written, `\\` and blank lines included);
 *  - `$inline$` and `$$display$$` inside a paragraph: the index's own Obsidian-math construct
 *    (main/core/parse/reference/obsidian-math.ts, Pandoc's rule: no space inside the dollars, no
 *    digit after the closing one), so `$5 and $10` stays text and the page and the index agree
 *    on what is math. remark-math's text construct pairs any two dollars, hence not used.
 * Both become `<code class="language-math">` (display: `math-display`, or inside `<pre>`); after
 * sanitize, rehype-katex's transform (rehype-math.ts: KaTeX's tree straight to hast) turns them into KaTeX HTML (no MathML: the DOM stays free of `<math>`),
 * with `trust: false` (no `\href`, `\url`, `\includegraphics`, no HTML extensions). Errors are
 * shown inline in red by KaTeX, never thrown. KaTeX's few inline `<svg>` (radicals, stretchy
 * arrows) become `<img>` of a data: SVG, where no script can run, so the page holds no `<svg>`.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Handler } from 'mdast-util-to-hast';
import { mathFromMarkdown } from 'mdast-util-math';
import { math as mathSyntax } from 'micromark-extension-math';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { rehypeKatexDirect } from './rehype-math';
import { obsidianMathFromMarkdown, obsidianMathSyntax } from '../../../main/core/parse/reference/obsidian-math';

/** `$$` blocks (remark-math's flow construct) and Obsidian inline math, as one remark plugin. */
export function remarkObsidianMath(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ flow: mathSyntax().flow }, obsidianMathSyntax);
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown(), obsidianMathFromMarkdown);
  return undefined;
}

/** The `obsidianMath` node's value still has its dollars: `$x$` inline, `$$x$$` display. */
export const obsidianMathHandler: Handler = (_state, node): Element => {
  const value = String((node as { value?: unknown }).value ?? '');
  const display = value.startsWith('$$') && value.endsWith('$$') && value.length >= 4;
  const tex = display ? value.slice(2, -2) : value.slice(1, -1);
  return {
    type: 'element',
    tagName: 'code',
    properties: { className: ['language-math', display ? 'math-display' : 'math-inline'] },
    children: [{ type: 'text', value: tex }],
  };
};

export const katexOptions = {
  output: 'html' as const,
  trust: false,
  strict: 'ignore' as const,
  errorColor: '#d23c3c',
  // Bounds on what one formula can cost: macro expansion and sizes (KaTeX's defaults, explicit).
  maxExpand: 1000,
  maxSize: 100,
};

/** rehype-katex's transform with our options, KaTeX's inline SVGs as images. */
export function rehypeObsidianMath() {
  const katex = rehypeKatexDirect(katexOptions, { finish: svgsToImages });
  return (tree: Root, file: Parameters<typeof katex>[1]) => katex(tree, file);
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const ATTR_NAMES: Record<string, string> = { viewBox: 'viewBox', preserveAspectRatio: 'preserveAspectRatio', strokeWidth: 'stroke-width', className: 'class' };

function serialize(node: ElementContent): string {
  if (node.type === 'text') return node.value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (node.type !== 'element') return '';
  const attrs = Object.entries(node.properties ?? {})
    .filter(([name, value]) => value !== undefined && value !== null && value !== false && !/^on/i.test(name) && name !== 'style')
    .map(([name, value]) => ` ${ATTR_NAMES[name] ?? name}="${escapeAttr(Array.isArray(value) ? value.join(' ') : String(value))}"`)
    .join('');
  return `<${node.tagName}${attrs}>${node.children.map(serialize).join('')}</${node.tagName}>`;
}

/**
 * KaTeX's CSS sizes its SVGs (`.katex svg`: absolute, full width, inherited height; the width and
 * height attributes lose to it), so the image gets the same rules (markdown-flavour.css) and the
 * SVG inside fills the image, cut by its own preserveAspectRatio as before.
 */
function svgsToImages(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'svg' || !parent || index === undefined) return;
    const { width: _width, height: _height, ...rest } = node.properties ?? {};
    const svg = serialize({
      ...node,
      properties: { ...rest, xmlns: 'http://www.w3.org/2000/svg', fill: 'black', stroke: 'black', width: '100%', height: '100%' },
    });
    const img: Element = {
      type: 'element',
      tagName: 'img',
      properties: { className: ['math-svg'], alt: '', src: `data:image/svg+xml,${encodeURIComponent(svg)}` },
      children: [],
    };
    parent.children.splice(index, 1, img);
  });
}
