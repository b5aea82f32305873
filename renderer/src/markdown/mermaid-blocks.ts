/**
 * ```mermaid code blocks become a placeholder element the reading view draws as a diagram
 * (components/mermaid-diagram.tsx). Runs after sanitize, so the element and its data attribute
 * are ours; the source travels as text and is only ever handed to mermaid, never to the DOM.
 */
import type { Element, ElementContent, Root } from 'hast';
import { eachElement } from './each-element';

function toString(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(toString).join('') : '';
}

function isMermaidCode(node: Element): boolean {
  const cls = node.properties?.className;
  return node.tagName === 'code' && Array.isArray(cls) && cls.includes('language-mermaid');
}

export function markMermaidBlocks(tree: Root): void {
  eachElement(tree, (node: Element, index, parent) => {
    if (node.tagName !== 'pre') return;
    const code = node.children.find((c): c is Element => c.type === 'element' && isMermaidCode(c));
    if (!code) return;
    const source = toString(code);
    parent.children.splice(index, 1, {
      type: 'element',
      tagName: 'div',
      properties: { className: ['mermaid-block'], dataMermaid: source },
      children: [
        {
          type: 'element',
          tagName: 'pre',
          properties: {},
          children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: source }] }],
        },
      ],
    });
  });
}
