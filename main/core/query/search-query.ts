/**
 * The search box's language, after Obsidian's: words are ANDed and matched as case-insensitive
 * substrings; `"exact phrase"`; `-x` excludes; `OR` between terms (AND binds tighter);
 * parentheses group; `/regex/` (JavaScript syntax); and the operators `file:`, `path:`,
 * `content:`, `tag:`, `line:`, `block:`, `section:`, `match-case:` and `ignore-case:`, each
 * applying to the term, phrase, regex or group that follows it.
 *
 * Parsing is lenient where typing is half done (an unclosed quote or group closes at the end,
 * an unknown `word:` is a plain word), and strict where a guess would mislead: an invalid
 * regular expression or an operator with nothing after it is an error with a message.
 */
import { err, ok, type Result } from '../result';

export type QueryField = 'file' | 'path' | 'content' | 'tag' | 'line' | 'block' | 'section' | 'match-case' | 'ignore-case';

export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  /** A word (`phrase` false) or a quoted phrase; both match as substrings. */
  | { kind: 'text'; value: string; phrase: boolean }
  | { kind: 'regex'; source: string; flags: string; re: RegExp }
  | { kind: 'field'; field: QueryField; child: QueryNode };

/** The query tree (null for a query with nothing to search for), or the message saying what is wrong with it. */
export type ParsedQuery = Result<QueryNode | null, string>;

const FIELDS = new Set<string>(['file', 'path', 'content', 'tag', 'line', 'block', 'section', 'match-case', 'ignore-case']);
/** Flags a search regex may carry; `g` and `y` make `test` stateful, so they are refused. */
const REGEX_FLAGS = /^[imsu]*$/;
const MAX_DEPTH = 50;

class QueryError extends Error {}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

class Parser {
  private at = 0;
  private depth = 0;

  constructor(private readonly input: string) {}

  parse(): QueryNode | null {
    const node = this.parseOr(false);
    return node;
  }

  private skipSpace(): void {
    while (this.at < this.input.length && isSpace(this.input[this.at])) this.at++;
  }

  private atOr(): boolean {
    return this.input.startsWith('OR', this.at) && (this.at + 2 >= this.input.length || isSpace(this.input[this.at + 2]) || this.input[this.at + 2] === '(');
  }

  /** or := and ('OR' and)* ; inside a group it stops at ')'. */
  private parseOr(inGroup: boolean): QueryNode | null {
    const branches: QueryNode[] = [];
    for (;;) {
      const branch = this.parseAnd(inGroup);
      if (branch) branches.push(branch);
      this.skipSpace();
      if (this.atOr()) {
        this.at += 2;
        continue;
      }
      break;
    }
    if (branches.length === 0) return null;
    return branches.length === 1 ? branches[0] : { kind: 'or', children: branches };
  }

  private parseAnd(inGroup: boolean): QueryNode | null {
    const parts: QueryNode[] = [];
    for (;;) {
      this.skipSpace();
      if (this.at >= this.input.length || this.atOr()) break;
      if (this.input[this.at] === ')') {
        if (inGroup) break;
        this.at++; // a stray ')' outside any group: nothing to close, skip it
        continue;
      }
      const unit = this.parseUnit();
      if (unit) parts.push(unit);
    }
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0] : { kind: 'and', children: parts };
  }

  /** unit := '-' unit | field ':' unit | atom */
  private parseUnit(): QueryNode | null {
    if (this.input[this.at] === '-' && this.at + 1 < this.input.length && !isSpace(this.input[this.at + 1])) {
      this.at++;
      const child = this.parseUnit();
      return child ? { kind: 'not', child } : null;
    }
    const field = /^([a-z][a-z-]*):/.exec(this.input.slice(this.at, this.at + 16));
    if (field && FIELDS.has(field[1])) {
      this.at += field[0].length;
      const name = field[1] as QueryField;
      if (this.at >= this.input.length || isSpace(this.input[this.at]) || this.input[this.at] === ')')
        throw new QueryError(`${name}: needs a value after it, e.g. ${example(name)}`);
      const child = this.parseUnit();
      if (!child) throw new QueryError(`${name}: needs a value after it, e.g. ${example(name)}`);
      return { kind: 'field', field: name, child };
    }
    return this.parseAtom();
  }

  private parseAtom(): QueryNode | null {
    const ch = this.input[this.at];
    if (ch === '(') {
      this.at++;
      if (++this.depth > MAX_DEPTH) throw new QueryError(`Too many nested parentheses (more than ${MAX_DEPTH})`);
      const inner = this.parseOr(true);
      this.depth--;
      if (this.input[this.at] === ')') this.at++;
      return inner;
    }
    if (ch === '"') return this.parsePhrase();
    if (ch === '/') {
      const regex = this.tryRegex();
      if (regex) return regex;
    }
    return this.parseWord();
  }

  private parsePhrase(): QueryNode | null {
    this.at++;
    let value = '';
    while (this.at < this.input.length && this.input[this.at] !== '"') {
      if (this.input[this.at] === '\\' && (this.input[this.at + 1] === '"' || this.input[this.at + 1] === '\\')) this.at++;
      value += this.input[this.at++];
    }
    this.at++; // the closing quote, or past the end when it was never typed
    return value === '' ? null : { kind: 'text', value, phrase: true };
  }

  /** `/source/flags`; null (and nothing consumed) when there is no closing slash: then it is a word. */
  private tryRegex(): QueryNode | null {
    let i = this.at + 1;
    let inClass = false;
    for (; i < this.input.length; i++) {
      const c = this.input[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
    }
    if (i >= this.input.length || i === this.at + 1) return null;
    const source = this.input.slice(this.at + 1, i);
    let end = i + 1;
    while (end < this.input.length && /[a-z]/i.test(this.input[end])) end++;
    const flags = this.input.slice(i + 1, end);
    this.at = end;
    if (!REGEX_FLAGS.test(flags)) throw new QueryError(`Unsupported regular expression flags "${flags}" in /${source}/${flags}: use only i, m, s or u`);
    let re: RegExp;
    try {
      re = new RegExp(source, flags.includes('m') ? flags : `${flags}m`);
    } catch (error) {
      throw new QueryError(`Invalid regular expression /${source}/${flags}: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
    }
    return { kind: 'regex', source, flags, re };
  }

  private parseWord(): QueryNode | null {
    const start = this.at;
    while (this.at < this.input.length) {
      const c = this.input[this.at];
      if (isSpace(c) || c === '(' || c === ')' || (c === '"' && this.at > start)) break;
      this.at++;
    }
    if (this.at === start) {
      this.at++; // a lone character no rule takes (cannot happen today); never loop on it
      return null;
    }
    return { kind: 'text', value: this.input.slice(start, this.at), phrase: false };
  }
}

function example(field: QueryField): string {
  switch (field) {
    case 'tag':
      return 'tag:#project';
    case 'line':
    case 'block':
    case 'section':
      return `${field}:(first second)`;
    case 'file':
      return 'file:meeting';
    case 'path':
      return 'path:"Daily notes"';
    default:
      return `${field}:word`;
  }
}

export function parseSearchQuery(input: string): ParsedQuery {
  try {
    return ok(new Parser(input).parse());
  } catch (error) {
    if (error instanceof QueryError) return err(error.message);
    throw error;
  }
}
