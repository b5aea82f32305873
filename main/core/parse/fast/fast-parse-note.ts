/**
 * The indexer's parse entry point. parseNote (../parse-note.ts) is already a linear scanner, and
 * on typical notes most of its time goes to the `yaml` package parsing the frontmatter. So the
 * fast path keeps parseNote's own block and inline scanners and only swaps the YAML step for
 * parseSimpleYaml; when the frontmatter is outside that subset it declines (returns null) and
 * parseNote runs unchanged. The assembly below repeats parseNote's line for line (its pieces
 * are exported, the function itself takes no YAML hook); the differential tests hold the two
 * to deep equality.
 */
import type { BlockIdInfo, LinkRef, ParsedNote, VaultPath } from '../../types';
import { scanBlocks } from '../block-scanner';
import { scanInline, type InlineFindings } from '../inline-scanner';
import { LineIndex } from '../line-index';
import { parseNote, titleFromPath } from '../parse-note';
import { addUniqueTags } from '../tags';
import { scanFrontmatterFast } from './fast-frontmatter';
import { recordFastPath } from './fast-path-stats';

/** parseNote's result when the fast path is certain to produce it, else null. */
export function fastParseNote(path: VaultPath, text: string): ParsedNote | null {
  const bodyFrom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontmatter = scanFrontmatterFast(text, bodyFrom);
  if (!frontmatter) return null;
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

/** What parse workers call: the fast path when it applies, parseNote otherwise; counts both. */
export function parseNoteFast(path: VaultPath, text: string): ParsedNote {
  const fast = fastParseNote(path, text);
  recordFastPath(fast !== null);
  return fast ?? parseNote(path, text);
}
