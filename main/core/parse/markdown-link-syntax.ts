/**
 * Inline markdown links `[label](destination "title")` as far as the indexer needs them, plus the
 * rule for which destinations point at local files. Scans are capped so that repeated attempts
 * on pathological input (100k `[`) stay linear, and the inline scanner finds every label's end
 * in one bracket pass (labelEnds) instead of one scan per `[`.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { ForwardSearch } from './forward-search';

export interface MarkdownLinkMatch {
  /** Index just past the closing ')'. */
  end: number;
  label: string;
  /** The destination as written (angle brackets removed). */
  destination: string;
}

export interface LocalLinkTarget {
  target: string;
  heading: string | null;
  block: string | null;
}

const MAX_LABEL = 1000;
const MAX_LABEL_DEPTH = 32;
const MAX_DESTINATION = 4000;
const MAX_PAREN_DEPTH = 32;

function skipSpaces(text: string, i: number, limit: number): number {
  let newlines = 0;
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (++newlines > 1) break;
    } else if (code !== 32 && code !== 9 && code !== 13) break;
    i++;
  }
  return i;
}

/** Index of the `]` closing the label opened at `open`, or -1. */
export function matchLabelEnd(text: string, open: number, limit: number): number {
  const stop = Math.min(limit, open + MAX_LABEL);
  let depth = 1;
  for (let i = open + 1; i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code === 92) i++;
    else if (code === 91 && ++depth > MAX_LABEL_DEPTH) return -1;
    else if (code === 93 && --depth === 0) return i;
  }
  return -1;
}

/**
 * matchLabelEnd for every `[` of [start, limit) at once, with a stack: `[` positions map to their
 * label's end, or -1 (unclosed, longer than MAX_LABEL, or deeper than MAX_LABEL_DEPTH). Escapes
 * are read from `start`, which agrees with matchLabelEnd from any `[` the inline scanner reaches
 * (a backslash escapes the next character, whatever precedes the run).
 */
export function labelEnds(text: string, start: number, limit: number): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  // Entries below this index have had more than MAX_LABEL_DEPTH brackets open inside them.
  let tooDeepBelow = 0;
  for (let i = start; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 92) i++;
    else if (code === 91) {
      open.push(i);
      tooDeepBelow = Math.max(tooDeepBelow, open.length - MAX_LABEL_DEPTH);
    } else if (code === 93 && open.length > 0) {
      const at = open.pop()!;
      ends.set(at, open.length < tooDeepBelow || i - at >= MAX_LABEL ? -1 : i);
      tooDeepBelow = Math.min(tooDeepBelow, open.length);
    }
  }
  for (const at of open) ends.set(at, -1);
  return ends;
}

/** Returns [destination, index after it] or null. */
function matchDestination(text: string, i: number, limit: number): [string, number] | null {
  if (text.charCodeAt(i) === 60) {
    const stop = Math.min(limit, i + MAX_DESTINATION);
    for (let j = i + 1; j < stop; j++) {
      const code = text.charCodeAt(j);
      if (code === 62) return [text.slice(i + 1, j), j + 1];
      if (code === 60 || code === 10 || code === 13) return null;
      if (code === 92) j++;
    }
    return null;
  }
  const stop = Math.min(limit, i + MAX_DESTINATION);
  let depth = 0;
  let j = i;
  for (; j < stop; j++) {
    const code = text.charCodeAt(j);
    if (code <= 32 || code === 127) break;
    if (code === 92) j++;
    else if (code === 40) {
      if (++depth > MAX_PAREN_DEPTH) return null;
    } else if (code === 41) {
      if (depth === 0) break;
      depth--;
    }
  }
  return depth === 0 ? [text.slice(i, j), j] : null;
}

/**
 * Where titles close: the first unescaped `"`, `'` or `)` after the opening one. One search per
 * closing character, remembered, so that many unclosed titles (`[a](b (` repeated) cost one pass
 * over the text instead of MAX_DESTINATION characters each.
 */
export class TitleCloses {
  private readonly searches = new Map<number, ForwardSearch>();
  constructor(private readonly text: string) {}

  /** Index after the title opened at `i`, `i` when there is no title there, or -1 when it is unclosed. */
  titleEnd(i: number, limit: number): number {
    const open = this.text.charCodeAt(i);
    if (open !== 34 && open !== 39 && open !== 40) return i;
    const close = open === 40 ? 41 : open;
    let search = this.searches.get(close);
    if (!search) {
      const text = this.text;
      const char = String.fromCharCode(close);
      search = new ForwardSearch(
        (from) => text.indexOf(char, from),
        (at) => !isEscaped(text, at),
      );
      this.searches.set(close, search);
    }
    const at = search.find(i + 1, Math.min(limit, i + MAX_DESTINATION));
    return at < 0 ? -1 : at + 1;
  }
}

/** A character is escaped when an odd run of backslashes precedes it. */
function isEscaped(text: string, at: number): boolean {
  let run = 0;
  while (text.charCodeAt(at - run - 1) === 92) run++;
  return run % 2 === 1;
}

/** Given `text[open] === '['`, matches `[label](destination "title")`. */
export function matchMarkdownLink(text: string, open: number, limit: number): MarkdownLinkMatch | null {
  return matchMarkdownLinkAfterLabel(text, open, matchLabelEnd(text, open, limit), limit, new TitleCloses(text));
}

/** matchMarkdownLink with the label's end already known (labelEnds, or -1 for none). */
export function matchMarkdownLinkAfterLabel(text: string, open: number, labelEnd: number, limit: number, titles: TitleCloses): MarkdownLinkMatch | null {
  if (labelEnd < 0 || labelEnd >= limit || text.charCodeAt(labelEnd + 1) !== 40) return null;
  let i = skipSpaces(text, labelEnd + 2, limit);
  const destination = matchDestination(text, i, limit);
  if (!destination) return null;
  i = skipSpaces(text, destination[1], limit);
  if (i > destination[1] || text.charCodeAt(i) !== 41) {
    const titleEnd = titles.titleEnd(i, limit);
    if (titleEnd < 0) return null;
    i = skipSpaces(text, titleEnd, limit);
  }
  if (i >= limit || text.charCodeAt(i) !== 41) return null;
  return { end: i + 1, label: text.slice(open + 1, labelEnd), destination: decodeDestination(destination[0]) };
}

/**
 * A destination as CommonMark (and so the renderer) reads it: backslash escapes and character
 * references (`&amp;`, `&#38;`, `&#x26;`) decoded in one pass, so `\&amp;` stays `&amp;`.
 * `[x](a&amp;b.md)` links to `a&b.md`, the file the page's link opens.
 */
const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(?:#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCodePoint(code: number): string {
  // CommonMark: code point 0, surrogates and values past Unicode become U+FFFD.
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
}

export function decodeDestination(value: string): string {
  if (!value.includes('\\') && !value.includes('&')) return value;
  return value.replace(
    ESCAPE_OR_REFERENCE,
    (whole, escaped: string | undefined, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (escaped !== undefined) return escaped;
      if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
      const decoded = decodeNamedCharacterReference(name ?? '');
      return decoded === false ? whole : decoded;
    },
  );
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Percent-decoding that keeps the raw text when the encoding is malformed (`100%` stays `100%`). */
export function decodeUriLenient(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch (error) {
    if (error instanceof URIError) return value;
    throw error;
  }
}

/** Destinations that name a vault file; URLs with a scheme, `//host` and pure fragments do not. */
export function toLocalLinkTarget(destination: string): LocalLinkTarget | null {
  const trimmed = destination.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || SCHEME.test(trimmed)) return null;
  const hash = trimmed.indexOf('#');
  const target = decodeUriLenient(hash < 0 ? trimmed : trimmed.slice(0, hash));
  const fragment = hash < 0 ? '' : decodeUriLenient(trimmed.slice(hash + 1));
  if (fragment.startsWith('^')) return { target, heading: null, block: fragment.slice(1) || null };
  return { target, heading: fragment === '' ? null : fragment, block: null };
}
