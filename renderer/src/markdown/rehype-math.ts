/**
 * rehype-katex's transform (same elements found, same scope, same errors and fallbacks), with
 * KaTeX's output turned into hast directly (katex-hast.ts) instead of through an HTML string
 * and a parse, which was most of a math-heavy note's render. The string path stays for what the
 * direct one declines. Each formula's output is marked (each-element.ts) so later walks pass it
 * by, and handed to `finish` on its own (KaTeX's SVGs become images there, without a walk of
 * the whole tree).
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import type { VFile } from 'vfile';
import { eachElement, markAsMath, SKIP_CHILDREN } from './each-element';
import { katexToHast } from './katex-hast';

type ToHast = (tex: string, options: KatexOptions) => ElementContent[] | null;

function render(tex: string, options: KatexOptions, toHast: ToHast): ElementContent[] {
  const direct = toHast(tex, options);
  if (direct) return direct;
  return fromHtmlIsomorphic(katex.renderToString(tex, options), { fragment: true }).children as ElementContent[];
}

export interface KatexDirectOptions {
  /** Tests pass `() => null` for the string path. */
  toHast?: ToHast;
  /** Applied to each formula's output, as a root of its own. */
  finish?: (formula: Root) => void;
}

/** `rehypeKatex(options)` from rehype-katex 7, rendering through katexToHast. */
export function rehypeKatexDirect(options: KatexOptions, { toHast = katexToHast, finish }: KatexDirectOptions = {}) {
  return (tree: Root, file: VFile): void => {
    eachElement(tree, (element: Element, _index, _parent, parents) => {
      const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
      const languageMath = classes.includes('language-math');
      const mathDisplay = classes.includes('math-display');
      const mathInline = classes.includes('math-inline');
      let displayMode = mathDisplay;
      if (!languageMath && !mathDisplay && !mathInline) return;

      let parent = parents[parents.length - 1];
      let scope: Element = element;
      // ```math fences: the <pre> goes, display mode.
      if (element.tagName === 'code' && languageMath && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents[parents.length - 2];
        displayMode = true;
      }
      if (!parent) return;

      const value = toText(scope, { whitespace: 'pre' });
      let result: ElementContent[];
      try {
        result = render(value, { ...options, displayMode, throwOnError: true }, toHast);
      } catch (error) {
        const cause = error as Error;
        file.message('Could not render math with KaTeX', {
          ancestors: [...parents, element],
          cause,
          place: element.position,
          ruleId: cause.name.toLowerCase(),
          source: 'rehype-katex',
        });
        try {
          result = render(value, { ...options, displayMode, strict: 'ignore', throwOnError: false }, toHast);
        } catch {
          // What KaTeX would draw for an error that is not a ParseError.
          result = [
            {
              type: 'element',
              tagName: 'span',
              properties: { className: ['katex-error'], style: `color:${options.errorColor ?? '#cc0000'}`, title: String(error) },
              children: [{ type: 'text', value }],
            },
          ];
        }
      }
      finish?.({ type: 'root', children: result });
      for (const node of result) if (node.type === 'element') markAsMath(node);
      const index = parent.children.indexOf(scope);
      parent.children.splice(index, 1, ...result);
      return SKIP_CHILDREN;
    });
  };
}
