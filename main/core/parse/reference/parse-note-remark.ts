/**
 * `parseNoteWithRemark(path, text)`: the reference parse. It reads the note with the renderer's
 * own pipeline (createMarkdownProcessor: remark-parse, GFM, frontmatter, wiki links) plus
 * Obsidian's inline math, walks the mdast once, and returns exactly what `parseNote` returns, so
 * that what the index records is what the user sees. Frontmatter (YAML, aliases, tags, its
 * links) is read by the scanner's own module, so both parsers agree on it by construction.
 * It is slow (micromark) and quadratic on some inputs: use it for checking and as a fallback
 * for small notes only (parse-note-faithful.ts).
 */
import type { Root } from 'mdast';
import type { BlockIdInfo, HeadingInfo, LinkRef, ParsedNote, VaultPath } from '../../types';
import { scanFrontmatter } from '../frontmatter';
import { LineIndex } from '../line-index';
import { titleFromPath } from '../../paths';
import { createMarkdownProcessor } from '../remark-plexus-links';
import { addUniqueTags } from '../tags';
import { collectFindings } from './mdast-findings';
import { remarkObsidianMath } from './obsidian-math';
import { blockIdsIn, tagsIn } from './text-marks';

const processor = createMarkdownProcessor().use(remarkObsidianMath);

export function parseNoteWithRemark(path: VaultPath, text: string): ParsedNote {
  // micromark drops a leading BOM without counting it, so positions are shifted by one.
  const bodyFrom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontmatter = scanFrontmatter(text, bodyFrom);
  const tree = processor.parse(text.slice(bodyFrom)) as Root;
  const findings = collectFindings(tree, text, bodyFrom);

  const lines = new LineIndex(text);
  const links: LinkRef[] = [...frontmatter.links, ...findings.links].map((link) => ({
    ...link,
    line: lines.lineAt(link.start),
    context: lines.contextAt(link.start, link.end),
  }));
  const inlineTags: string[] = [];
  const blockOffsets: { id: string; offset: number }[] = [];
  for (const span of findings.texts) {
    tagsIn(text, span, inlineTags);
    blockIdsIn(text, span, blockOffsets);
  }
  const tags: string[] = [];
  const seenTags = new Set<string>();
  addUniqueTags(tags, seenTags, frontmatter.tags);
  addUniqueTags(tags, seenTags, inlineTags);
  const headings: HeadingInfo[] = findings.headings.map(({ info, start }) => ({ text: info.text, level: info.level, line: lines.lineAt(start) }));
  const blockIds: BlockIdInfo[] = blockOffsets.map((block) => ({ id: block.id, line: lines.lineAt(block.offset) }));

  return {
    path,
    title: titleFromPath(path),
    aliases: frontmatter.aliases,
    tags,
    headings,
    blockIds,
    links,
    frontmatter: frontmatter.data,
    frontmatterError: frontmatter.error,
  };
}
