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
