/**
 * Splits a long note into chunks that render to the same DOM one after the other as the whole
 * note does in one pass, so the reading view can draw the first screen at once and the rest in
 * idle time. A line scanner, not a parser (parsing is the cost being avoided), so it is
 * conservative: it cuts only before a line that starts at column 0, is not a list item, and
 * follows a blank line, and only where no fenced code, `$$` math, frontmatter, HTML element or
 * comment, or `%%` comment is open. A blank line then an unindented non-list line closes lists,
 * quotes and callouts, tables and indented code, so those are never cut either.
 *
 * Note-wide constructs: footnotes are numbered across the note and gathered at its end, so a
 * note with any (`[^x]`, `^[x]`) is not split. Reference-link definitions are collected and
 * appended to every chunk (they draw nothing); when one cannot be collected with certainty
 * (inside a container, after a paragraph line, a title on the next line, a label defined twice)
 * the note is not split.
 */

export interface Chunk {
  /** The chunk's source, followed by the note's link definitions when it has any. */
  text: string;
  /** 0-based line of the note where the chunk starts (task checkboxes write to line + this). */
  startLine: number;
}

export interface SplitOptions {
  /** Notes shorter than this render in one pass. */
  minNoteSize: number;
  /** A chunk is closed at the first safe line once it holds this many characters. */
  chunkSize: number;
}

export const DEFAULT_SPLIT: SplitOptions = { minNoteSize: 64 * 1024, chunkSize: 4 * 1024 };

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\r?$)/;
const FENCE_OPEN = /^([ \t]*)(`{3,}(?=[^`]*$)|~{3,}|\${2,}(?=[^$]*$))/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,}|\${2,})[ \t]*\r?$/;
const FOOTNOTE = /\[\^|\^\[/;
const DEFINITION_LIKE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?\[(?:[^\]\\]|\\.)+\]:/;
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*\S.*$/;
const TITLE_START = /^[ \t]*["'(]/;
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^>]*?(\/?)>/g;

const isBlank = (line: string): boolean => line.trim() === '';
const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;
const withoutCodeSpans = (line: string): string => line.replace(/(`+)[^`]*?\1/g, '');
const normalLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** HTML and `%%` comments still open after the lines so far. */
class InlineState {
  private open = new Map<string, number>();
  private inHtmlComment = false;
  private percentMarks = 0;

  get closed(): boolean {
    return !this.inHtmlComment && this.percentMarks % 2 === 0 && this.open.size === 0;
  }

  read(line: string): void {
    // Most lines have neither (this runs over every line of a long note before its first chunk).
    if (!this.inHtmlComment && !line.includes('<') && !line.includes('%%')) return;
    let text = line.includes('`') ? withoutCodeSpans(line) : line;
    this.percentMarks += text.split('%%').length - 1;
    // HTML comments first: what is inside them is no tag.
    let visible = '';
    while (text.length > 0) {
      if (this.inHtmlComment) {
        const end = text.indexOf('-->');
        if (end < 0) return;
        this.inHtmlComment = false;
        text = text.slice(end + 3);
      } else {
        const start = text.indexOf('<!--');
        if (start < 0) break;
        visible += text.slice(0, start);
        this.inHtmlComment = true;
        text = text.slice(start + 4);
      }
    }
    visible += text;
    for (const m of visible.matchAll(TAG)) {
      const name = m[2].toLowerCase();
      if (VOID_TAGS.has(name) || m[3] === '/') continue;
      const depth = (this.open.get(name) ?? 0) + (m[1] === '/' ? -1 : 1);
      if (depth > 0) this.open.set(name, depth);
      else this.open.delete(name);
    }
  }
}

/** The note's chunks, or null when it should render in one pass. */
export function splitForProgressive(markdown: string, options: SplitOptions = DEFAULT_SPLIT): Chunk[] | null {
  if (markdown.length < options.minNoteSize || FOOTNOTE.test(markdown)) return null;
  const lines = markdown.split('\n');
  const frontmatter = FRONTMATTER.exec(markdown);
  const first = frontmatter ? frontmatter[0].split('\n').length - 1 : 0;
  const cuts: number[] = [0];
  const definitions = new Map<string, string>();
  const inline = new InlineState();
  let fence: { char: string; length: number; indent: number } | null = null;
  let chunkStart = 0;
  let size = 0;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) {
        fence = null;
        continue;
      }
      // An indented fence (in a list item, or an indented code block that only looks like one)
      // ends with the first line less indented than it.
      if (fence.indent > 0 && !isBlank(line) && indentOf(line) < fence.indent) fence = null;
      else continue;
    }
    const blankBefore = i > first && isBlank(lines[i - 1]);
    if (blankBefore && size >= options.chunkSize && /^\S/.test(line) && !LIST_MARKER.test(line) && inline.closed && i > chunkStart) {
      cuts.push(i);
      chunkStart = i;
      size = 0;
    }
    size += line.length + 1;
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = { char: open[2][0], length: open[2].length, indent: open[1].length };
      continue;
    }
    if (DEFINITION_LIKE.test(line)) {
      const def = DEFINITION.exec(line);
      const next = lines[i + 1] ?? '';
      const previousIsDefinition = i > first && DEFINITION.test(lines[i - 1]);
      if (!def || !(i === first || blankBefore || previousIsDefinition) || (!isBlank(next) && TITLE_START.test(next) && !DEFINITION_LIKE.test(next)))
        return null;
      const label = normalLabel(def[1]);
      if (definitions.has(label)) return null;
      definitions.set(label, line.replace(/\r$/, ''));
      // A destination in angle brackets is no tag.
      continue;
    }
    inline.read(line);
  }
  // Definitions appended after an open fence or HTML block would be its text.
  if (cuts.length < 2 || (definitions.size > 0 && (fence || !inline.closed))) return null;
  const tail = definitions.size > 0 ? `\n\n${[...definitions.values()].join('\n')}\n` : '';
  return cuts.map((start, k) => {
    const end = cuts[k + 1] ?? lines.length;
    return { text: lines.slice(start, end).join('\n') + (k + 1 < cuts.length ? '\n' : '') + tail, startLine: start };
  });
}
