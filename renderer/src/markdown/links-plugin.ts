/**
 * The renderer's source of `wikiLink` mdast nodes (`{target, heading, block, alias, embed}` in
 * `data`). INTERIM: a small text-splitting plugin (using the core's shared `[[...]]` syntax) until the core's micromark plugin lands; then this
 * module re-exports that one so the renderer and the indexer agree on what a link is.
 */
import type { Plugin } from 'unified';
import type { Root, Parent, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import { splitWikiLinkInner } from '../../../main/core/parse/wiki-link-syntax';
import type { WikiLinkNode } from './wiki-link-node';

const WIKI_LINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;

function splitText(node: Text): (Text | WikiLinkNode)[] | null {
  const out: (Text | WikiLinkNode)[] = [];
  let last = 0;
  for (const m of node.value.matchAll(WIKI_LINK)) {
    const index = m.index ?? 0;
    if (index > last) out.push({ type: 'text', value: node.value.slice(last, index) });
    out.push({ type: 'wikiLink', value: m[0], data: { ...splitWikiLinkInner(m[2]), embed: m[1] === '!' } });
    last = index + m[0].length;
  }
  if (out.length === 0) return null;
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

export const remarkPlexusLinks: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    const parts = splitText(node);
    if (!parts) return;
    (parent.children as unknown[]).splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
};
