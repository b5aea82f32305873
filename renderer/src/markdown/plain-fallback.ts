/**
 * What the reading view shows for a note the render guard refuses (main/core/parse/render-guard):
 * its text, as plain text, with why. A hostile or broken note must never freeze or crash the
 * reading view.
 */
import type { Root as HastRoot } from 'hast';

/** The note's text as one preformatted text node (text nodes cannot carry markup). */
export function plainTextHast(markdown: string, reason: string): HastRoot {
  return {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'p',
        properties: { className: ['render-fallback'] },
        children: [{ type: 'text', value: `This note is shown as plain text because ${reason}.` }],
      },
      {
        type: 'element',
        tagName: 'pre',
        properties: {},
        children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: markdown }] }],
      },
    ],
  };
}
