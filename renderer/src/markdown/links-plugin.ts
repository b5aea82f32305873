/**
 * The renderer's source of `wikiLink` mdast nodes (`{target, heading, block, alias, embed}` in
 * `data`). INTERIM: a small text-splitting plugin until the core's parse plugin lands; then this
 * module re-exports that one so the renderer and the indexer agree on what a link is.
 */
import type { Plugin } from 'unified';
import type { Root, Parent, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { WikiLinkData, WikiLinkNode } from './wiki-link-node';

const WIKI_LINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;

export function parseWikiInner(inner: string, embed: boolean): WikiLinkData {
  const pipe = inner.indexOf('|');
  const linkPart = (pipe < 0 ? inner : inner.slice(0, pipe)).trim();
  const alias = pipe < 0 ? null : inner.slice(pipe + 1).trim() || null;
  const hash = linkPart.indexOf('#');
  const target = (hash < 0 ? linkPart : linkPart.slice(0, hash)).trim();
  const sub = hash < 0 ? '' : linkPart.slice(hash + 1);
  const block = sub.startsWith('^') ? sub.slice(1) || null : null;
  const heading = !block && sub ? sub.split('#').map((s) => s.trim()).filter(Boolean).join('#') || null : null;
  return { target, heading, block, alias, embed };
}

function splitText(node: Text): (Text | WikiLinkNode)[] | null {
  const out: (Text | WikiLinkNode)[] = [];
  let last = 0;
  for (const m of node.value.matchAll(WIKI_LINK)) {
    const index = m.index ?? 0;
    if (index > last) out.push({ type: 'text', value: node.value.slice(last, index) });
    out.push({ type: 'wikiLink', value: m[0], data: { ...parseWikiInner(m[2], m[1] === '!') } });
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
