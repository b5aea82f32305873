/**
 * YAML frontmatter: where it is, what it holds, its tags and aliases, and the wiki links written
 * inside its string values (`related: "[[Note]]"`).
 *
 * The common shapes (`key: value`, `key: [a, b]`, block lists) go through parseSimpleYaml, far
 * cheaper than the `yaml` package, which otherwise dominated indexing time; anything outside
 * that subset (and every error) goes to the `yaml` package, which defines the answer.
 * Where the frontmatter ends is frontmatter-bounds.ts, which needs no YAML.
 */
import { parseDocument } from 'yaml';
import type { RawLink } from './raw-link';
import { parseSimpleYaml } from './simple-yaml';
import { locateFrontmatter as locate } from './frontmatter-bounds';
import { frontmatterTags } from './tags';
import { matchWikiLinkEnd, splitWikiLinkInner } from './wiki-link-syntax';

export interface FrontmatterScan {
  data: Record<string, unknown> | null;
  error: string | null;
  tags: string[];
  aliases: string[];
  links: RawLink[];
  /** Offset and 1-based line where the markdown body starts. */
  bodyStart: number;
  bodyLine: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** All string values, walked without recursion so deep YAML cannot overflow the stack. */
function collectStrings(root: unknown): string[] {
  const strings: string[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) pending.push(...value);
    else if (isPlainObject(value)) pending.push(...Object.values(value));
  }
  return strings;
}

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

export interface FrontmatterOptions {
  /** Try the YAML subset recogniser first (default). Off only to compare against the `yaml` package alone. */
  yamlSubset?: boolean;
}

function parseYaml(source: string, options: FrontmatterOptions): { data: Record<string, unknown> | null; error: string | null } {
  if (options.yamlSubset !== false) {
    const simple = parseSimpleYaml(source);
    if (simple !== null) return { data: simple, error: null };
  }
  const document = parseDocument(source, { prettyErrors: false });
  if (document.errors.length > 0) return { data: null, error: document.errors[0].message };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // toJS throws for alias bombs and similar: an invalid frontmatter, reported like a syntax error.
    return { data: null, error: error instanceof Error ? error.message : String(error) };
  }
  if (value === null || value === undefined) return { data: {}, error: null };
  if (!isPlainObject(value)) return { data: null, error: 'Frontmatter is not a key: value mapping' };
  return { data: value, error: null };
}

/** Every wiki link written in [from, to): the `[[...]]` texts, in order, with their offsets. */
function* wikiLinkSpans(text: string, from: number, to: number): Generator<[number, number]> {
  for (let open = text.indexOf('[[', from); open >= 0 && open < to; open = text.indexOf('[[', open + 1)) {
    const end = matchWikiLinkEnd(text, open, to);
    if (end < 0) continue;
    yield [open, end];
    open = end - 1;
  }
}

/**
 * The wiki links the string values hold. A value holds `[[x]]` as a substring exactly when the
 * same scan finds it there (its inside has no brackets), so one pass over the values answers
 * every link; asking each value `includes()` per link was quadratic in a list of links.
 */
function wikiLinksInStrings(strings: string[]): Set<string> {
  const written = new Set<string>();
  for (const value of strings) for (const [open, end] of wikiLinkSpans(value, 0, value.length)) written.add(value.slice(open, end));
  return written;
}

function wikiLinksIn(text: string, from: number, to: number, strings: string[] | null): RawLink[] {
  const links: RawLink[] = [];
  const inStrings = strings && wikiLinksInStrings(strings);
  for (const [open, end] of wikiLinkSpans(text, from, to)) {
    const written = text.slice(open, end);
    // Only links inside string values count (not `key: [[Note]]`, which YAML reads as nested lists).
    if (inStrings && !inStrings.has(written)) continue;
    const embed = open > from && text.charCodeAt(open - 1) === 33;
    const parts = splitWikiLinkInner(text.slice(open + 2, end - 2));
    links.push({ kind: 'wiki', embed, ...parts, start: embed ? open - 1 : open, end, inFrontmatter: true });
  }
  return links;
}

export function scanFrontmatter(text: string, from: number, options: FrontmatterOptions = {}): FrontmatterScan {
  const found = locate(text, from);
  if (!found) return { data: null, error: null, tags: [], aliases: [], links: [], bodyStart: from, bodyLine: 1 };
  const { data, error } = parseYaml(text.slice(found.yamlStart, found.yamlEnd), options);
  const strings = data ? collectStrings(data) : null;
  return {
    data,
    error,
    tags: data ? frontmatterTags(data.tags ?? data.tag) : [],
    aliases: data ? aliasesFrom(data) : [],
    links: wikiLinksIn(text, found.yamlStart, found.yamlEnd, strings),
    bodyStart: found.bodyStart,
    bodyLine: found.bodyLine,
  };
}
