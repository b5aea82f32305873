/** The mdast node our links plugin produces for `[[...]]` and `![[...]]`, and a reader tolerant of where the fields live. */
import type { Node } from 'unist';

export interface WikiLinkData {
  target: string;
  heading: string | null;
  block: string | null;
  alias: string | null;
  embed: boolean;
}

export interface WikiLinkNode extends Node {
  type: 'wikiLink';
  value?: string;
  data?: Partial<WikiLinkData> & Record<string, unknown>;
}

export function readWikiLink(node: WikiLinkNode): WikiLinkData {
  const d = node.data ?? {};
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return {
    target: typeof d.target === 'string' ? d.target : '',
    heading: str(d.heading),
    block: str(d.block),
    alias: str(d.alias),
    embed: d.embed === true,
  };
}

/** What a link shows when it has no alias: `Note`, `Note › Heading`, or just the heading for same-note links. */
export function wikiLinkLabel(link: WikiLinkData): string {
  if (link.alias) return link.alias;
  const sub = link.heading ? link.heading.split('#').join(' › ') : link.block ? `^${link.block}` : null;
  if (!link.target) return sub ?? '';
  return sub ? `${link.target} › ${sub}` : link.target;
}
