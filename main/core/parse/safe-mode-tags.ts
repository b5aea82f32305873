/**
 * Inline tags as the safe-mode parse reads them: one forward run over tag characters, with no
 * regular expression over more than one character, so a hostile note stays linear.
 */

const NON_ASCII_TAG_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

function isTagChar(char: string, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45 || code === 47;
  return NON_ASCII_TAG_CHAR.test(char);
}

/**
 * The tag starting at `from` (just after '#'): letters, digits, marks, `_`, `-`, `/`, without
 * trailing slashes, not starting with '/' and not only digits. Returns where its run ends.
 */
export function readSafeModeTag(text: string, from: number, end: number): { tag: string | null; end: number } {
  let i = from;
  while (i < end) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (!isTagChar(text.slice(i, i + width), code)) break;
    i += width;
  }
  let stop = i;
  while (stop > from && text.charCodeAt(stop - 1) === 47) stop--;
  if (stop === from || text.charCodeAt(from) === 47) return { tag: null, end: i };
  for (let k = from; k < stop; k++) {
    const code = text.charCodeAt(k);
    if (code < 48 || code > 57) {
      if (code !== 47) return { tag: text.slice(from, stop), end: i };
    }
  }
  return { tag: null, end: i };
}
