/**
 * Where a long note's heading and block ids are, found by a line scan of its chunks
 * (split-blocks.ts) instead of drawing them: the reading view opens at `[[Big#Late heading]]`
 * by drawing only the chunk that holds it. Heading ids come from headingId, the renderer's own
 * function, over the heading's source with the markup the renderer drops removed; the scan is
 * an approximation (the renderer's text is the final word), so its answer is a list of
 * candidates the caller confirms by drawing that one chunk.
 */
import { blockId, headingId } from './slug';
import type { Chunk } from './split-blocks';

/** A heading or block id and the 0-based line of the note it is on. */
export interface ScannedTarget {
  id: string;
  line: number;
  kind: 'heading' | 'block';
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/;
const QUOTE_PREFIX = /^(?: {0,3}>[ \t]?)*/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE_OPEN = /^[ \t>]*(`{3,}(?=[^`]*$)|~{3,}|\${2,}(?=[^$]*$))/;
const FENCE_CLOSE = /^[ \t>]*(`{3,}|~{3,}|\${2,})[ \t]*$/;
const BLOCK_MARK = /\s\^([A-Za-z0-9-]+)\s*$/;
const LIST_OR_BLOCK_START = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|[|<]|#{1,6}(?:[ \t]|$)|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', apos: "'" };

/**
 * The text the renderer draws for a heading's source, near enough for headingId: slugify drops
 * punctuation, so only what adds or removes letters matters (link targets, HTML tags, comments).
 */
export function headingText(source: string): string {
  return source
    .replace(/%%.*?%%/g, '')
    .replace(/!\[\[[^\]]*\]\]/g, '')
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/\[\[([^\]]*)\]\]/g, (_m, target: string) => target.replace(/#\^?/g, ' '))
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? m;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    });
}

/** The heading and block ids of one chunk's source, in line order (the first chunk may open with frontmatter). */
export function scanChunk(chunk: Chunk, first: boolean): ScannedTarget[] {
  const out: ScannedTarget[] = [];
  let text = chunk.text;
  let lineOffset = chunk.startLine;
  if (first) {
    const front = FRONTMATTER.exec(text);
    if (front) {
      lineOffset += front[0].split('\n').length - 1;
      text = text.slice(front[0].length);
    }
  }
  const lines = text.split('\n');
  let fence: { char: string; length: number } | null = null;
  // The open paragraph's lines (a setext underline makes them a heading).
  let paragraph: { start: number; lines: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    const line = raw.replace(QUOTE_PREFIX, '');
    if (fence) {
      const close = FENCE_CLOSE.exec(raw);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
      continue;
    }
    const open = FENCE_OPEN.exec(raw);
    if (open) {
      fence = { char: open[1][0], length: open[1].length };
      paragraph = null;
      continue;
    }
    if (line.trim() === '') {
      paragraph = null;
      continue;
    }
    const setext = paragraph ? SETEXT.exec(line) : null;
    if (paragraph && setext) {
      out.push({ id: headingId(headingText(paragraph.lines.join('\n'))), line: lineOffset + paragraph.start, kind: 'heading' });
      paragraph = null;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      out.push({ id: headingId(headingText(atx[2] ?? '')), line: lineOffset + i, kind: 'heading' });
      paragraph = null;
      continue;
    }
    const mark = BLOCK_MARK.exec(line);
    if (mark) out.push({ id: blockId(mark[1]), line: lineOffset + i, kind: 'block' });
    // Indented code and list items never become setext headings here (a list item's underline is the item's own).
    const opensBlock = LIST_OR_BLOCK_START.test(line) || /^(?: {4}|\t)/.test(line);
    if (paragraph && !opensBlock) paragraph.lines.push(line.trim());
    else paragraph = opensBlock ? null : { start: i, lines: [line.trim()] };
  }
  return out;
}

/** For each id, the chunks that may hold it, first first (built once per note, when an address names a target). */
export function targetIndex(chunks: readonly Chunk[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  chunks.forEach((chunk, k) => {
    for (const { id } of scanChunk(chunk, k === 0)) {
      const at = index.get(id);
      if (!at) index.set(id, [k]);
      else if (at[at.length - 1] !== k) at.push(k);
    }
  });
  return index;
}

/** The chunk holding a 0-based line of the note. */
export function chunkOfLine(chunks: readonly Chunk[], line: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (chunks[middle].startLine <= line) low = middle;
    else high = middle - 1;
  }
  return low;
}
