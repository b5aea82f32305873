/**
 * Locating the target part inside a link's source text. The planner replaces only that part, so
 * everything else the author wrote (the `!`, `#heading`, `#^block`, `|alias`, a markdown title,
 * escaped table pipes, spacing) survives byte for byte.
 */
import { wikiTargetEnd } from '../parse/wiki-link-syntax';

/** Offsets are relative to the start of the link's source slice. */
export interface WikiTargetSpan {
  start: number;
  end: number;
  /** The target as written, trimmed of surrounding spaces. */
  written: string;
}

export function findWikiTarget(slice: string): WikiTargetSpan | null {
  const open = slice.indexOf('[[');
  if (open < 0 || !slice.endsWith(']]')) return null;
  const innerStart = open + 2;
  const i = innerStart + wikiTargetEnd(slice.slice(innerStart, slice.length - 2));
  const raw = slice.slice(innerStart, i);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  return { start: innerStart + lead, end: i - trail, written: raw.trim() };
}

export interface MarkdownDestSpan {
  /** The path part of the destination (before any '#fragment' or '?query'), as written (maybe %-encoded). */
  start: number;
  end: number;
  raw: string;
  /** True for `[x](<My Note.md>)`. */
  angle: boolean;
}

/** Finds the destination of `[label](dest "title")`; null if the slice is not such a link. */
export function findMarkdownDest(slice: string): MarkdownDestSpan | null {
  let i = slice.startsWith('!') ? 1 : 0;
  if (slice[i] !== '[') return null;
  let depth = 0;
  for (; i < slice.length; i++) {
    const c = slice[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (slice[i] !== ']' || slice[i + 1] !== '(') return null;
  let p = i + 2;
  while (slice[p] === ' ' || slice[p] === '\t' || slice[p] === '\n') p++;
  if (slice[p] === '<') {
    const close = slice.indexOf('>', p + 1);
    if (close < 0) return null;
    const inner = slice.slice(p + 1, close);
    const cut = pathPartLength(inner);
    return { start: p + 1, end: p + 1 + cut, raw: inner.slice(0, cut), angle: true };
  }
  let q = p;
  let parens = 0;
  for (; q < slice.length; q++) {
    const c = slice[q];
    if (c === '\\') {
      q++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') break;
    if (c === '(') parens++;
    if (c === ')') {
      if (parens === 0) break;
      parens--;
    }
  }
  const dest = slice.slice(p, q);
  const cut = pathPartLength(dest);
  return { start: p, end: p + cut, raw: dest.slice(0, cut), angle: false };
}

function pathPartLength(dest: string): number {
  const hash = dest.indexOf('#');
  return hash < 0 ? dest.length : hash;
}

/** Percent-decodes a markdown destination; null when it is not valid percent-encoding. */
export function decodeDest(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\\(.)/g, '$1'));
  } catch {
    return null;
  }
}

/**
 * Encodes a vault path for a markdown destination: spaces become %20 (what Obsidian writes), and
 * the characters that would end or confuse the destination are escaped too. Inside `<...>` only
 * the angle brackets themselves need care.
 */
export function encodeDest(path: string, angle: boolean): string {
  if (angle) return path.replace(/</g, '%3C').replace(/>/g, '%3E');
  return path.replace(/[% ()#<>?\t]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
