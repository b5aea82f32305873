/**
 * Blanks out everything in a note that is not prose — frontmatter, fenced/indented code and
 * math blocks, inline code, wiki and markdown links, autolinks, bare URLs, HTML comments and
 * tags — so a plain-text search cannot find a "mention" inside them. The result has the same
 * length and the same line breaks as the input, so offsets and line numbers still apply.
 *
 * Every step moves forward through the text (searches resume after what they found, and a
 * search that fails is not repeated), so the whole pass is linear in the text's length even for
 * hostile input such as a line of ten thousand '[' or '`'. Wiki links are the indexer's
 * (wiki-link-syntax.ts), whose match stops at the first bracket, so retrying it at every '[['
 * stays linear too.
 */
import { matchWikiLinkEnd } from '../parse/wiki-link-syntax';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;
const BARE_URL = /https?:\/\/[^\s<>]*/y;
const TAG = /#[\p{L}\p{N}_\-/]*[\p{L}_\-/][\p{L}\p{N}_\-/]*/uy;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** A mutable copy of the text where masked ranges become spaces (line breaks are kept). */
class Masked {
  private readonly chars: string[];

  constructor(text: string) {
    this.chars = text.split('');
  }

  blank(from: number, to: number): void {
    for (let i = from; i < to; i++) if (this.chars[i] !== '\n' && this.chars[i] !== '\r') this.chars[i] = ' ';
  }

  toString(): string {
    return this.chars.join('');
  }
}

interface Line {
  start: number;
  /** The line's text without its line break. */
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const body = text.slice(start, end);
    lines.push({ start, text: body.endsWith('\r') ? body.slice(0, -1) : body });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** Index of the line closing the frontmatter, or -1 when the note has none (an unclosed block is not frontmatter). */
function frontmatterEnd(lines: Line[]): number {
  if (lines.length === 0 || lines[0].text.trimEnd() !== '---') return -1;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].text.trimEnd();
    if (t === '---' || t === '...') return i;
  }
  return -1;
}

/** Inline-code runs of one line: for each backtick run, the index of the next run of the same length (or -1). */
function pairBacktickRuns(text: string): Map<number, number> {
  const runs: { at: number; length: number }[] = [];
  for (let i = 0; i < text.length;) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] === '`') j++;
    runs.push({ at: i, length: j - i });
    i = j;
  }
  const closeOf = new Map<number, number>();
  const lastOpen = new Map<number, number>(); // run length -> start of the latest unmatched run, scanning right to left
  for (let r = runs.length - 1; r >= 0; r--) {
    const { at, length } = runs[r];
    closeOf.set(at, lastOpen.get(length) ?? -1);
    lastOpen.set(length, at);
  }
  return closeOf;
}

/** Masks the non-prose spans of one prose line. Returns true when an HTML comment stays open past the line. */
function maskInline(masked: Masked, line: Line, from: number): boolean {
  const text = line.text;
  const base = line.start;
  const backticks = pairBacktickRuns(text);
  const opens: number[] = [];
  let parenPossible = true;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '`') {
      let run = i;
      while (run < text.length && text[run] === '`') run++;
      const close = backticks.get(i) ?? -1;
      if (close === -1) {
        i = run;
        continue;
      }
      const end = close + (run - i);
      masked.blank(base + i, base + end);
      i = end;
      continue;
    }
    if (c === '[' && text[i + 1] === '[') {
      const end = matchWikiLinkEnd(text, i, text.length);
      if (end !== -1) {
        masked.blank(base + (text[i - 1] === '!' ? i - 1 : i), base + end);
        i = end;
        continue;
      }
    }
    if (c === '[') {
      opens.push(i);
      i++;
      continue;
    }
    if (c === ']' && text[i + 1] === '(' && opens.length > 0 && parenPossible) {
      const open = opens.pop()!;
      const close = text.indexOf(')', i + 2);
      if (close === -1) {
        parenPossible = false;
        i++;
        continue;
      }
      masked.blank(base + (text[open - 1] === '!' ? open - 1 : open), base + close + 1);
      opens.length = 0; // brackets opened before this link cannot close past it in our simple model
      i = close + 1;
      continue;
    }
    if (c === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      masked.blank(base + i, base + (close === -1 ? text.length : close + 3));
      if (close === -1) return true;
      i = close + 3;
      continue;
    }
    const sticky =
      c === '<' ? AUTOLINK : c === 'h' && (i === 0 || !WORD_CHAR.test(text[i - 1])) ? BARE_URL : c === '#' && (i === 0 || /\s/.test(text[i - 1])) ? TAG : null;
    if (sticky) {
      sticky.lastIndex = i;
      const found = sticky.exec(text);
      if (found) {
        masked.blank(base + i, base + i + found[0].length);
        i += found[0].length;
        continue;
      }
    }
    i++;
  }
  return false;
}

export function maskNonProse(text: string): string {
  const masked = new Masked(text);
  const lines = splitLines(text);
  const blankLine = (line: Line) => masked.blank(line.start, line.start + line.text.length);
  let first = 0;
  const fmEnd = frontmatterEnd(lines);
  if (fmEnd !== -1) {
    for (let i = 0; i <= fmEnd; i++) blankLine(lines[i]);
    first = fmEnd + 1;
  }
  let fence: { char: string; length: number } | null = null;
  let inMath = false;
  let inComment = false;
  let previousBlank = true;
  let inIndentedCode = false;
  let inList = false;
  for (let n = first; n < lines.length; n++) {
    const line = lines[n];
    const text = line.text;
    const blank = text.trim() === '';
    if (fence) {
      blankLine(line);
      const close = FENCE.exec(text);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && text.slice(close[0].length).trim() === '') fence = null;
      continue;
    }
    if (inMath) {
      blankLine(line);
      if (text.trim() === '$$') inMath = false;
      continue;
    }
    let from = 0;
    if (inComment) {
      const close = text.indexOf('-->');
      if (close === -1) {
        blankLine(line);
        continue;
      }
      masked.blank(line.start, line.start + close + 3);
      inComment = false;
      from = close + 3;
    } else {
      const open = FENCE.exec(text);
      if (open) {
        fence = { char: open[1][0], length: open[1].length };
        blankLine(line);
        continue;
      }
      if (text.trim() === '$$') {
        inMath = true;
        blankLine(line);
        continue;
      }
      const indented = /^(?: {4}|\t)/.test(text) && !blank;
      if (indented && !inList && (previousBlank || inIndentedCode)) {
        inIndentedCode = true;
        blankLine(line);
        previousBlank = false;
        continue;
      }
      inIndentedCode = inIndentedCode && blank;
      if (!blank && !indented) inList = LIST_ITEM.test(text) || (inList && !previousBlank);
    }
    inComment = maskInline(masked, line, from);
    previousBlank = blank;
  }
  return masked.toString();
}
