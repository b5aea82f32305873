/**
 * What counts as whitespace before a tag's `#`, inside `$math$` delimiters and before a block
 * id's `^`. NaN (a read before the start of the text) counts too, so the start of the file
 * behaves like a space.
 */
export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff || Number.isNaN(code);
}
