/**
 * `scanFrontmatter` (../frontmatter.ts) with the `yaml` package replaced by parseSimpleYaml.
 * The locating, alias, string-collecting and link rules are private there, so they are repeated
 * here line for line; the differential tests compare the whole ParsedNote with parseNote's, so
 * any drift between the two copies fails a test rather than shipping.
 */
import type { FrontmatterScan } from '../frontmatter';
import type { RawLink } from '../raw-link';
import { frontmatterTags } from '../tags';
import { matchWikiLinkEnd, splitWikiLinkInner } from '../wiki-link-syntax';
import { parseSimpleYaml } from './simple-yaml';

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/;

/** Same as frontmatter.ts `locate`: `---` ... `---` at the very start; yaml is [start, end). */
function locate(text: string, from: number): { yamlStart: number; yamlEnd: number; bodyStart: number; bodyLine: number } | null {
  const opening = OPENING.exec(text.slice(from, from + 8));
  if (!opening) return null;
  const yamlStart = from + opening[0].length;
  let line = 2;
  for (let lineStart = yamlStart; lineStart <= text.length; line++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const content = text.slice(lineStart, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    if (CLOSING.test(content)) {
      return { yamlStart, yamlEnd: lineStart, bodyStart: newline < 0 ? text.length : newline + 1, bodyLine: line + 1 };
    }
    if (newline < 0) return null;
    lineStart = newline + 1;
  }
  return null;
}

/** The subset's values are scalars or flat lists of scalars, so one level of flattening suffices. */
function collectStrings(data: Record<string, unknown>): string[] {
  const strings: string[] = [];
  for (const value of Object.values(data)) {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') strings.push(item);
  }
  return strings;
}

/** Same as frontmatter.ts `aliasesFrom`. */
function aliasesFrom(data: Record<string, unknown>): string[] {
  const value = data.aliases ?? data.alias;
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const aliases: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    // A single string may list several aliases separated by commas (the older Obsidian form).
    const parts = Array.isArray(value) ? [String(item)] : String(item).split(',');
    for (const part of parts) if (part.trim() !== '') aliases.push(part.trim());
  }
  return aliases;
}

/** Same as frontmatter.ts `wikiLinksIn` for a successfully parsed mapping. */
function wikiLinksIn(text: string, from: number, to: number, strings: string[]): RawLink[] {
  const links: RawLink[] = [];
  for (let open = text.indexOf('[[', from); open >= 0 && open < to; open = text.indexOf('[[', open + 1)) {
    const end = matchWikiLinkEnd(text, open, to);
    if (end < 0) continue;
    const written = text.slice(open, end);
    // Only links inside string values count (not `key: [[Note]]`, which YAML reads as nested lists).
    if (!strings.some((value) => value.includes(written))) continue;
    const embed = open > from && text.charCodeAt(open - 1) === 33;
    const parts = splitWikiLinkInner(text.slice(open + 2, end - 2));
    links.push({ kind: 'wiki', embed, ...parts, start: embed ? open - 1 : open, end, inFrontmatter: true });
    open = end - 1;
  }
  return links;
}

/** The frontmatter scan, or null when the YAML is outside parseSimpleYaml's subset. */
export function scanFrontmatterFast(text: string, from: number): FrontmatterScan | null {
  const found = locate(text, from);
  if (!found) return { data: null, error: null, tags: [], aliases: [], links: [], bodyStart: from, bodyLine: 1 };
  const data = parseSimpleYaml(text.slice(found.yamlStart, found.yamlEnd));
  if (!data) return null;
  return {
    data,
    error: null,
    tags: frontmatterTags(data.tags ?? data.tag),
    aliases: aliasesFrom(data),
    links: wikiLinksIn(text, found.yamlStart, found.yamlEnd, collectStrings(data)),
    bodyStart: found.bodyStart,
    bodyLine: found.bodyLine,
  };
}
