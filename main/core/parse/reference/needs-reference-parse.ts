/**
 * `needsReferenceParse(text)`: a cheap, linear check for the constructs where the scanner
 * (parseNote) only approximates CommonMark, found by differential testing against the
 * reference (parseNoteWithRemark). When it returns false, the scanner's result is the
 * reference's; when true, the note may differ and parseNoteFaithful re-parses it with remark.
 * 1. Link reference definitions (`[id]: url`): the scanner reads them as paragraph text, so tags
 *    and ids in them count, and it does not resolve `[text][id]`.
 * 2. A tag whose `_` sits at the edge of a word (`#_x`, `#x_`): there `_` can be emphasis,
 *    which ends the text (and the tag) early in remark.
 */
import { isWhitespace } from '../whitespace';

const DEFINITION = /^[ \t]{0,3}(?:>[ \t]?)*\[(?!\^)[^\]]{1,999}\]:/;
const TAG_RUN = /#[\p{L}\p{N}\p{M}_\-/]*_[\p{L}\p{N}\p{M}_\-/]*/uy;
const ALNUM = /[\p{L}\p{N}]/u;

function hasDefinition(text: string): boolean {
  if (!text.includes(']:')) return false;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    // The pattern needs the line's first ~1,000 characters at most.
    if (DEFINITION.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 1100)))) return true;
    lineStart = lineEnd + 1;
  }
  return false;
}

function hasEdgeUnderscoreTag(text: string): boolean {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    if (!isWhitespace(text.charCodeAt(at - 1))) continue;
    TAG_RUN.lastIndex = at;
    const run = TAG_RUN.exec(text);
    if (!run) continue;
    const body = run[0];
    for (let i = body.indexOf('_'); i >= 0; i = body.indexOf('_', i + 1)) {
      if (!ALNUM.test(body.charAt(i - 1)) || !ALNUM.test(text.charAt(at + i + 1))) return true;
    }
    at += body.length - 1;
  }
  return false;
}

export function needsReferenceParse(text: string): boolean {
  return hasDefinition(text) || hasEdgeUnderscoreTag(text);
}
