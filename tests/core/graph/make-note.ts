/** Builds ParsedNote values for graph tests without going through the parser. */
import { titleFromPath } from '../../../main/core/paths';
import type { LinkKind, LinkRef, ParsedNote, VaultPath } from '../../../main/core/types';

export interface LinkSpec {
  target: string;
  kind?: LinkKind;
  heading?: string;
  block?: string;
  embed?: boolean;
}

export function makeLink(spec: LinkSpec | string, index = 0): LinkRef {
  const s = typeof spec === 'string' ? { target: spec } : spec;
  const text = s.target + (s.heading ? `#${s.heading}` : '') + (s.block ? `#^${s.block}` : '');
  return {
    kind: s.kind ?? 'wiki',
    embed: s.embed ?? false,
    target: s.target,
    text,
    heading: s.heading ?? null,
    block: s.block ?? null,
    alias: null,
    line: index + 1,
    start: index * 100,
    end: index * 100 + text.length + 4,
    context: `line ${index + 1} mentions [[${text}]]`,
    inFrontmatter: false,
  };
}

export function makeNote(path: VaultPath, links: (LinkSpec | string)[] = [], extra: Partial<ParsedNote> = {}): ParsedNote {
  return {
    path,
    title: titleFromPath(path),
    aliases: [],
    tags: [],
    headings: [],
    blockIds: [],
    links: links.map((l, i) => makeLink(l, i)),
    frontmatter: null,
    frontmatterError: null,
    ...extra,
  };
}
