/**
 * Whether a note matches a parsed search query (search-query.ts), exactly. A plain word or
 * phrase matches the note's body (frontmatter excluded), its path or an alias; `content:` the
 * body only; `file:` the file name; `path:` the vault path; `tag:#x` the tag `x` or any tag
 * nested below it (`#x/y`), ignoring case; `line:`, `block:` and `section:` need their whole
 * sub-query to hold on one line, one paragraph, or between one heading and the next.
 *
 * The body is asked for only when a part of the query needs it, so metadata-only queries
 * (`tag:`, `path:`, `file:`) read no note text.
 */
import type { QueryNode } from './search-query';

export interface SearchSubject {
  path: string;
  aliases: readonly string[];
  tags: readonly string[];
  /** The note's markdown without its frontmatter ('' when unreadable); called at most once. */
  body(): string;
}

type Scope = 'all' | 'content' | 'file' | 'path' | 'tag';

interface Ctx {
  scope: Scope;
  caseSensitive: boolean;
  /** Set inside line:/block:/section:: the text the words must be found in. */
  region: { text: string; lower: string } | null;
}

/** A subject's derived texts, computed on first use. */
class Memo {
  private bodyText: string | null = null;
  private bodyLowerText: string | null = null;
  private pathLowerText: string | null = null;
  private aliasesLowerList: string[] | null = null;
  private tagsLowerList: string[] | null = null;
  private readonly regions = new Map<'line' | 'block' | 'section', { text: string; lower: string }[]>();

  constructor(readonly subject: SearchSubject) {}

  body(): string {
    if (this.bodyText === null) this.bodyText = this.subject.body();
    return this.bodyText;
  }
  bodyLower(): string {
    if (this.bodyLowerText === null) this.bodyLowerText = this.body().toLowerCase();
    return this.bodyLowerText;
  }
  pathLower(): string {
    if (this.pathLowerText === null) this.pathLowerText = this.subject.path.toLowerCase();
    return this.pathLowerText;
  }
  aliasesLower(): string[] {
    if (this.aliasesLowerList === null) this.aliasesLowerList = this.subject.aliases.map((a) => a.toLowerCase());
    return this.aliasesLowerList;
  }
  tagsLower(): string[] {
    if (this.tagsLowerList === null) this.tagsLowerList = this.subject.tags.map((t) => t.replace(/^#/, '').toLowerCase());
    return this.tagsLowerList;
  }
  regionsOf(kind: 'line' | 'block' | 'section'): { text: string; lower: string }[] {
    let list = this.regions.get(kind);
    if (!list) {
      const texts = kind === 'line' ? this.body().split(/\r?\n/) : kind === 'block' ? splitBlocks(this.body()) : splitSections(this.body());
      list = texts.map((text) => ({ text, lower: text.toLowerCase() }));
      this.regions.set(kind, list);
    }
    return list;
  }
}

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}(\s|$)/;

/** Paragraphs: runs of lines between blank lines. */
export function splitBlocks(body: string): string[] {
  return body.split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/).filter((block) => block.trim() !== '');
}

/** Sections: each heading starts one, with the lines up to the next heading (not counting `#` lines in code fences). */
export function splitSections(body: string): string[] {
  const sections: string[] = [];
  let current: string[] = [];
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && HEADING.test(line) && current.length > 0) {
      sections.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) sections.push(current.join('\n'));
  return sections;
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function includes(haystack: string, haystackLower: string, value: string, ctx: Ctx): boolean {
  return ctx.caseSensitive ? haystack.includes(value) : haystackLower.includes(value.toLowerCase());
}

function textMatches(value: string, memo: Memo, ctx: Ctx): boolean {
  if (ctx.scope === 'tag') return tagMatches(value, memo);
  if (ctx.region && (ctx.scope === 'all' || ctx.scope === 'content')) return includes(ctx.region.text, ctx.region.lower, value, ctx);
  switch (ctx.scope) {
    case 'file': {
      const name = fileName(memo.subject.path);
      return includes(name, name.toLowerCase(), value, ctx);
    }
    case 'path':
      return includes(memo.subject.path, memo.pathLower(), value, ctx);
    case 'content':
      return includes(memo.body(), memo.bodyLower(), value, ctx);
    default: {
      if (includes(memo.subject.path, memo.pathLower(), value, ctx)) return true;
      const aliases = memo.aliasesLower();
      if (memo.subject.aliases.some((alias, i) => includes(alias, aliases[i], value, ctx))) return true;
      return includes(memo.body(), memo.bodyLower(), value, ctx);
    }
  }
}

/** `tag:#a` holds for the tag `a` and for tags nested below it, `a/b`; case never matters for tags. */
function tagMatches(value: string, memo: Memo): boolean {
  const wanted = value.replace(/^#/, '').toLowerCase();
  if (wanted === '') return false;
  return memo.tagsLower().some((tag) => tag === wanted || tag.startsWith(`${wanted}/`));
}

function regexMatches(re: RegExp, memo: Memo, ctx: Ctx): boolean {
  if (ctx.scope === 'tag') return memo.subject.tags.some((tag) => re.test(`#${tag.replace(/^#/, '')}`));
  if (ctx.region && (ctx.scope === 'all' || ctx.scope === 'content')) return re.test(ctx.region.text);
  switch (ctx.scope) {
    case 'file':
      return re.test(fileName(memo.subject.path));
    case 'path':
      return re.test(memo.subject.path);
    case 'content':
      return re.test(memo.body());
    default:
      return re.test(memo.subject.path) || memo.subject.aliases.some((alias) => re.test(alias)) || re.test(memo.body());
  }
}

/** Parts that need no note text first, so `tag:#x word` skips reading notes without the tag. */
function cost(node: QueryNode): number {
  if (node.kind === 'field') return node.field === 'tag' || node.field === 'file' || node.field === 'path' ? 0 : 1 + cost(node.child);
  if (node.kind === 'not') return cost(node.child);
  if (node.kind === 'and' || node.kind === 'or') return node.children.reduce((sum, child) => sum + cost(child), 0);
  return 1;
}

const orderCache = new WeakMap<QueryNode, QueryNode[]>();
function cheapFirst(node: QueryNode & { kind: 'and' | 'or' }): QueryNode[] {
  let ordered = orderCache.get(node);
  if (!ordered) {
    ordered = [...node.children].sort((a, b) => cost(a) - cost(b));
    orderCache.set(node, ordered);
  }
  return ordered;
}

function test(node: QueryNode, memo: Memo, ctx: Ctx): boolean {
  switch (node.kind) {
    case 'and':
      return cheapFirst(node).every((child) => test(child, memo, ctx));
    case 'or':
      return cheapFirst(node).some((child) => test(child, memo, ctx));
    case 'not':
      return !test(node.child, memo, ctx);
    case 'text':
      return textMatches(node.value, memo, ctx);
    case 'regex':
      return regexMatches(node.re, memo, ctx);
    case 'field':
      switch (node.field) {
        case 'match-case':
          return test(node.child, memo, { ...ctx, caseSensitive: true });
        case 'ignore-case':
          return test(node.child, memo, { ...ctx, caseSensitive: false });
        case 'line':
        case 'block':
        case 'section':
          return memo.regionsOf(node.field).some((region) => test(node.child, memo, { ...ctx, region }));
        default:
          return test(node.child, memo, { ...ctx, scope: node.field });
      }
  }
}

export function matchesQuery(query: QueryNode, subject: SearchSubject): boolean {
  return test(query, new Memo(subject), { scope: 'all', caseSensitive: false, region: null });
}

/**
 * Whether a query of plain words only (and, or, not, words; no phrases, fields or regexes) holds,
 * with `word` saying whether one word matches: the same children in the same order as
 * matchesQuery, so a `word` with side effects (a body read) sees the calls matchesQuery makes.
 * Null when the query has other parts.
 */
export function matchesWords(query: QueryNode, word: (value: string) => boolean): boolean | null {
  if (!onlyWords(query)) return null;
  const walk = (node: QueryNode): boolean => {
    if (node.kind === 'and') return cheapFirst(node).every(walk);
    if (node.kind === 'or') return cheapFirst(node).some(walk);
    if (node.kind === 'not') return !walk(node.child);
    return word((node as QueryNode & { kind: 'text' }).value);
  };
  return walk(query);
}

export function onlyWords(node: QueryNode): boolean {
  if (node.kind === 'and' || node.kind === 'or') return node.children.every(onlyWords);
  if (node.kind === 'not') return onlyWords(node.child);
  return node.kind === 'text' && !node.phrase;
}

/** What to mark in a matching note's snippet: the query's positive words, phrases, regexes and tags. */
export type Highlight = { kind: 'text'; value: string; caseSensitive: boolean } | { kind: 'regex'; re: RegExp } | { kind: 'tag'; tag: string };

export function queryHighlights(query: QueryNode): Highlight[] {
  const out: Highlight[] = [];
  const visit = (node: QueryNode, scope: Scope, caseSensitive: boolean): void => {
    switch (node.kind) {
      case 'and':
      case 'or':
        for (const child of node.children) visit(child, scope, caseSensitive);
        return;
      case 'not':
        return; // excluded words are, by definition, not in the note
      case 'text':
        if (scope === 'tag') out.push({ kind: 'tag', tag: node.value.replace(/^#/, '') });
        else if (scope === 'all' || scope === 'content') out.push({ kind: 'text', value: node.value, caseSensitive });
        return;
      case 'regex':
        if (scope === 'all' || scope === 'content') out.push({ kind: 'regex', re: node.re });
        return;
      case 'field':
        if (node.field === 'match-case') visit(node.child, scope, true);
        else if (node.field === 'ignore-case') visit(node.child, scope, false);
        else if (node.field === 'line' || node.field === 'block' || node.field === 'section') visit(node.child, scope, caseSensitive);
        else visit(node.child, node.field, caseSensitive);
    }
  };
  visit(query, 'all', false);
  return out;
}
