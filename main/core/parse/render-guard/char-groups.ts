/**
 * The character classes micromark's attention rules look at on either side of a delimiter run
 * (whether a run can open or close), read by code point.
 */

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** micromark's character groups: 1 whitespace (also start/end of text), 2 punctuation, 0 other. */
export function group(ch: string | undefined): 0 | 1 | 2 {
  if (ch === undefined || ch === '' || WHITESPACE.test(ch)) return 1;
  return PUNCTUATION.test(ch) ? 2 : 0;
}

/** The character (code point) before `index`, or undefined at the start of the chunk. */
export function charBefore(text: string, index: number, chunkStart: number): string | undefined {
  if (index <= chunkStart) return undefined;
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && index - 2 >= chunkStart) return text.slice(index - 2, index);
  return text[index - 1];
}

export function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(index)!);
}
