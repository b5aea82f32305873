/**
 * `parseNote(path, text)`: everything the index needs from one markdown file, in one linear
 * pass. Pure: no I/O. Never throws on any input text.
 *
 * The reference is parseNoteWithRemark (reference/parse-note-remark.ts, the renderer's remark
 * pipeline); differential tests hold this scanner to it. Deliberate differences from plain
 * CommonMark, shared by both: Obsidian math (`$x$`, `$$x$$`) is opaque; wiki links, embeds,
 * tags and block ids follow Obsidian. Known approximations (link reference definitions,
 * character references in link destinations, `_` at the edge of a tag, `$$` blocks holding a
 * blank line) are flagged by reference/needs-reference-parse.ts; see docs/links.md.
 */
import type { BlockIdInfo, LinkRef, ParsedNote, VaultPath } from '../types';
import { scanBlocks } from './block-scanner';
import { scanFrontmatter, type FrontmatterOptions } from './frontmatter';
import { scanInline, type InlineFindings } from './inline-scanner';
import { LineIndex } from './line-index';
import { addUniqueTags } from './tags';
import { titleFromPath } from '../paths';

export type ParseNoteOptions = FrontmatterOptions;

export function parseNote(path: VaultPath, text: string, options: ParseNoteOptions = {}): ParsedNote {
  const bodyFrom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontmatter = scanFrontmatter(text, bodyFrom, options);
  const blocks = scanBlocks(text, frontmatter.bodyStart, frontmatter.bodyLine);
  const findings: InlineFindings = { links: [], tags: [], blockIds: [] };
  for (const region of blocks.regions) scanInline(text, region.start, region.end, !region.isHeading, findings);

  const lines = new LineIndex(text);
  const links: LinkRef[] = [...frontmatter.links, ...findings.links].map((link) => ({
    ...link,
    line: lines.lineAt(link.start),
    context: lines.contextAt(link.start, link.end),
  }));
  const tags: string[] = [];
  const seenTags = new Set<string>();
  addUniqueTags(tags, seenTags, frontmatter.tags);
  addUniqueTags(tags, seenTags, findings.tags);
  const blockIds: BlockIdInfo[] = findings.blockIds.map((block) => ({ id: block.id, line: lines.lineAt(block.offset) }));

  return {
    path,
    title: titleFromPath(path),
    aliases: frontmatter.aliases,
    tags,
    headings: blocks.headings,
    blockIds,
    links,
    frontmatter: frontmatter.data,
    frontmatterError: frontmatter.error,
  };
}
