/**
 * "Copy link to block" and "Copy link to heading", as pure text work: which block the cursor's
 * line belongs to and where it ends, the block id it already has (` ^id` at its end, the rule
 * the index reads: core/parse/inline-scanner.ts), a new random id unique in the note, and the
 * heading a line sits under. Lines are 0-based.
 */

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const QUOTE = /^\s{0,3}>/;
const TABLE_ROW = /^\s*\|/;
const RULE = /^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
export const BLOCK_ID_AT_END = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;
const BLOCK_ID_LINE = /^\s*\^([A-Za-z0-9-]+)[ \t]*$/;

export type BlockKind = 'paragraph' | 'list-item' | 'quote' | 'code' | 'table' | 'heading';

export interface Block {
  kind: BlockKind;
  startLine: number;
  endLine: number;
  /** The id the block already has, or null. */
  id: string | null;
  /**
   * Where a new id goes: at the end of `endLine` (' ^id'), or on a line of its own after it
   * (code blocks and tables, whose last line cannot hold one).
   */
  placement: 'end-of-line' | 'own-line';
}

const blank = (line: string) => line.trim() === '';

/** Which lines are inside frontmatter or a fenced code block (and which fence each belongs to). */
function fencedRanges(lines: readonly string[]): { start: number; end: number; frontmatter: boolean }[] {
  const ranges: { start: number; end: number; frontmatter: boolean }[] = [];
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, j) => j > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close > 0) {
      ranges.push({ start: 0, end: close, frontmatter: true });
      i = close + 1;
    }
  }
  for (; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const marker = open[1];
    let end = lines.length - 1;
    for (let j = i + 1; j < lines.length; j++) {
      if (new RegExp(`^\\s{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lines[j])) {
        end = j;
        break;
      }
    }
    ranges.push({ start: i, end, frontmatter: false });
    i = end;
  }
  return ranges;
}

/** The line starts a block of its own kind (so a paragraph does not run into it). */
function startsOther(line: string): boolean {
  return HEADING.test(line) || LIST_ITEM.test(line) || QUOTE.test(line) || FENCE.test(line) || TABLE_ROW.test(line) || RULE.test(line);
}

function withId(kind: BlockKind, startLine: number, endLine: number, lines: readonly string[], placement: Block['placement']): Block {
  let id: string | null = null;
  if (placement === 'end-of-line') id = BLOCK_ID_AT_END.exec(lines[endLine])?.[1] ?? null;
  else if (endLine + 1 < lines.length) id = BLOCK_ID_LINE.exec(lines[endLine + 1])?.[1] ?? null;
  return { kind, startLine, endLine, id, placement };
}

/** The block the line belongs to, or null (a blank line, a rule, frontmatter). */
export function blockAt(lines: readonly string[], line: number): Block | null {
  if (line < 0 || line >= lines.length) return null;
  const fenced = fencedRanges(lines).find((r) => line >= r.start && line <= r.end);
  if (fenced) return fenced.frontmatter ? null : withId('code', fenced.start, fenced.end, lines, 'own-line');
  const text = lines[line];
  // An id on a line of its own names the block above it.
  if (BLOCK_ID_LINE.test(text) && line > 0 && !blank(lines[line - 1])) {
    const above = blockAt(lines, line - 1);
    if (above && above.placement === 'own-line') return above;
  }
  if (blank(text) || RULE.test(text)) return null;
  if (HEADING.test(text)) return withId('heading', line, line, lines, 'end-of-line');
  if (TABLE_ROW.test(text)) {
    let start = line;
    let end = line;
    while (start > 0 && TABLE_ROW.test(lines[start - 1])) start--;
    while (end + 1 < lines.length && TABLE_ROW.test(lines[end + 1])) end++;
    return withId('table', start, end, lines, 'own-line');
  }
  if (QUOTE.test(text)) {
    let start = line;
    let end = line;
    while (start > 0 && QUOTE.test(lines[start - 1])) start--;
    while (end + 1 < lines.length && QUOTE.test(lines[end + 1])) end++;
    return withId('quote', start, end, lines, 'end-of-line');
  }
  const item = listItemStart(lines, line);
  if (item !== null) {
    // The item's own text: its line and the continuation lines up to the next item (a nested one included) or a blank line.
    let end = item;
    while (end + 1 < lines.length && !blank(lines[end + 1]) && !LIST_ITEM.test(lines[end + 1]) && !startsOther(lines[end + 1].trimStart())) end++;
    return withId('list-item', item, end, lines, 'end-of-line');
  }
  let start = line;
  let end = line;
  while (start > 0 && !blank(lines[start - 1]) && !startsOther(lines[start - 1]) && !inFence(lines, start - 1)) start--;
  while (end + 1 < lines.length && !blank(lines[end + 1]) && !startsOther(lines[end + 1])) end++;
  return withId('paragraph', start, end, lines, 'end-of-line');
}

function inFence(lines: readonly string[], line: number): boolean {
  return fencedRanges(lines).some((r) => line >= r.start && line <= r.end);
}

/** The list item line this line belongs to (itself, or the item above it that it continues), else null. */
function listItemStart(lines: readonly string[], line: number): number | null {
  for (let i = line; i >= 0; i--) {
    if (LIST_ITEM.test(lines[i])) return i;
    if (blank(lines[i]) || startsOther(lines[i])) return null;
  }
  return null;
}

/** Every block id in the note (at line ends and on lines of their own), outside code. */
export function blockIdsIn(lines: readonly string[]): Set<string> {
  const ranges = fencedRanges(lines);
  const ids = new Set<string>();
  lines.forEach((text, i) => {
    if (ranges.some((r) => i >= r.start && i <= r.end)) return;
    const match = BLOCK_ID_AT_END.exec(text);
    if (match) ids.add(match[1].toLowerCase());
  });
  return ids;
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A random 6-character id of [a-z0-9] that no block of the note has (ids compare case-insensitively). */
export function newBlockId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let id = '';
    for (let i = 0; i < 6; i++) id += ID_CHARS[Math.floor(random() * ID_CHARS.length) % ID_CHARS.length];
    if (!taken.has(id)) return id;
  }
  throw new Error('no free block id after 1000 tries (the random source repeats)');
}

export interface BlockIdEdit {
  id: string;
  /** The edit to make (null when the block already had an id): insert `insert` at line `line`, column `column`. */
  change: { line: number; column: number; insert: string } | null;
}

/** The block's id, adding a new one when it has none. Null when the line is in no block (or in a heading: link to the heading instead). */
export function ensureBlockId(lines: readonly string[], line: number, random?: () => number): BlockIdEdit | null {
  const block = blockAt(lines, line);
  if (!block || block.kind === 'heading') return null;
  if (block.id) return { id: block.id, change: null };
  const id = newBlockId(blockIdsIn(lines), random);
  if (block.placement === 'own-line') return { id, change: { line: block.endLine, column: lines[block.endLine].length, insert: `\n^${id}` } };
  const text = lines[block.endLine];
  const trimmed = text.replace(/[ \t]+$/, '');
  return { id, change: { line: block.endLine, column: trimmed.length, insert: ` ^${id}` } };
}

/** The text of the heading the line is on or under (nearest above, outside code and frontmatter), or null. */
export function headingAt(lines: readonly string[], line: number): string | null {
  const ranges = fencedRanges(lines);
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    if (ranges.some((r) => i >= r.start && i <= r.end)) continue;
    const match = HEADING.exec(lines[i]);
    if (match && (match[2] ?? '').trim() !== '') return match[2].trim();
  }
  return null;
}

/** A heading as a link subpath: characters a wiki link cannot hold (`[ ] | # ^`) become spaces, as Obsidian does. */
export function headingSubpath(heading: string): string {
  return heading
    .replace(/[[\]|#^]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
