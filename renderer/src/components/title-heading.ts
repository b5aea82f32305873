/**
 * Whether a note's body already opens with `# <title>`, so the note view's header would only
 * repeat it. A scan rather than `/^#\s+(.+?)\s*#*\s*$/`: that regex backtracks over every way to
 * split a run of spaces between its `\s*`s at every end of `(.+?)`, so a first line of `# a`,
 * 2,000 spaces and `b` took seconds (cubic) and froze the note view before anything rendered.
 */
import { withoutTrailing } from '../../../main/core/parse/trailing-run';

const HASH = 35;
const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/;

/** The text of a level-1 ATX heading line (`# text`, closing `#`s dropped), or null. */
export function levelOneHeadingText(line: string): string | null {
  if (line.charCodeAt(0) !== HASH || !/^\s/.test(line.slice(1, 2))) return null;
  // As the regex did: a trailing run of `#` is a closing sequence even without a space before it.
  const text = withoutTrailing(line.slice(1).trim(), HASH).trim();
  return text === '' ? null : text;
}

/** The first non-blank line of the body, without copying or splitting the whole note. */
function firstNonBlankLine(body: string): string {
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line = body.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}

export function startsWithTitle(content: string, title: string): boolean {
  const text = levelOneHeadingText(firstNonBlankLine(content.replace(FRONTMATTER, '')));
  return text !== null && text.toLowerCase() === title.trim().toLowerCase();
}
