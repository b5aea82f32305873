/**
 * The inline HTML and autolinks the scanner skips as opaque: CommonMark's raw HTML tags and its
 * `<scheme:...>` / `<user@host>` autolinks, matched in a bounded window.
 */

const MAX_HTML_TAG = 1000;
const AUTOLINK = /^(?:<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9.-]+>)/;
// CommonMark's raw HTML tags: an attribute is a name ([A-Za-z_:][A-Za-z0-9_.:-]*) with an
// optional unquoted, single- or double-quoted value, so `<x #x>` is text (and `#x` a tag), as in
// remark. Every repetition needs a name character after its whitespace, so a failed match
// backtracks linearly over the (bounded) window.
const TAG_ATTRIBUTE = String.raw`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
const INLINE_TAG = new RegExp(String.raw`^(?:<[A-Za-z][A-Za-z0-9-]*${TAG_ATTRIBUTE}*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)`);

/** Length of the autolink or inline HTML tag at `i` within [i, limit) (and MAX_HTML_TAG), or 0. */
export function htmlTagLength(text: string, i: number, limit: number): number {
  // A bounded window keeps unclosed quotes in `<a b='...` from rescanning the rest of the text.
  const window = text.slice(i, Math.min(limit, i + MAX_HTML_TAG));
  for (const pattern of [AUTOLINK, INLINE_TAG]) {
    const match = pattern.exec(window);
    if (match) return match[0].length;
  }
  return 0;
}
