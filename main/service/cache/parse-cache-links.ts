/**
 * The parse cache's link records. Links are most of a vault's parse (30k of them at 10k notes),
 * so a note's links are stored as one flat array of fixed-size records, not an object with a
 * dozen keys (or even an array) per link, and what repeats is stored
 * once: a resolution is the index of its file in the cache's path table (the notes in entry
 * order, then the attachments), a target equal to its note's title is the number 1, a text equal
 * to the target is 0, and the context snippet usually lives in the cache's raw text section
 * (see ContextSection) instead of the JSON. When the cache holds resolutions, decoding builds the
 * graph's ResolvedLink objects directly, and the note's `links` are those same objects (a
 * ResolvedLink is a LinkRef with three more fields), so a warm start makes one object per link,
 * shares every path and title string with the notes, and never scans a context's characters.
 */
import type { Resolution } from '../../core/resolve/resolve-link';
import type { LinkRef, ResolvedLink, VaultPath } from '../../core/types';
import { vaultPathFromListing } from '../../core/vault-path';
import { num, str, strOrNull } from './parse-cache-codec';

/** A path: its index in the path table, or the path itself when the table lacks it. */
type EncodedPath = number | string;
/** One link's resolution: the path, null when unresolved, or [path | null, candidates] when several files matched. */
export type EncodedResolution = EncodedPath | null | [EncodedPath | null, EncodedPath[]];
/** The context's length in the raw section times 4 plus its ellipsis flags, or the context itself when it cannot live there. */
type EncodedContext = number | string;

/** kind 0 wiki / 1 markdown; target 1 when it is the resolved note's title; text 0 when it equals the target; flags 0/1; then the resolution when stored. */
type EncodedLink =
  | [
      kind: 0 | 1,
      embed: 0 | 1,
      target: string,
      text: string | 0,
      heading: string | null,
      block: string | null,
      alias: string | null,
      start: number,
      end: number,
      inFrontmatter: 0 | 1,
      line: number,
      context: EncodedContext,
    ]
  | [
      kind: 0 | 1,
      embed: 0 | 1,
      target: string | 1,
      text: string | 0,
      heading: string | null,
      block: string | null,
      alias: string | null,
      start: number,
      end: number,
      inFrontmatter: 0 | 1,
      line: number,
      context: EncodedContext,
      resolution: EncodedResolution,
    ];

const NO_CANDIDATES: VaultPath[] = Object.freeze([]) as unknown as VaultPath[];
const RECORD_SIZE = 12;
const RESOLVED_RECORD_SIZE = 13;

/** Every file a resolution can name: the cached notes in entry order, then the attachments. */
export class PathTable {
  private readonly indexOf = new Map<string, number>();

  constructor(
    readonly paths: readonly VaultPath[],
    /** The titles of the first titles.length paths (the notes). */
    readonly titles: readonly string[],
  ) {
    if (titles.length > paths.length) throw new Error('parse cache: more titles than paths');
  }

  encode(path: string): EncodedPath {
    if (this.indexOf.size === 0) this.paths.forEach((p, i) => this.indexOf.set(p, i));
    return this.indexOf.get(path) ?? path;
  }

  decode(value: unknown): VaultPath {
    // A resolution outside the table is one the writer stored as written, from the same state.
    if (typeof value === 'string') return vaultPathFromListing(value);
    const path = typeof value === 'number' ? this.paths[value] : undefined;
    if (path === undefined) throw new Error('cache record: path index out of range');
    return path;
  }
}

/**
 * The cache file's raw section: context snippets written one after another, with no quoting,
 * in the order of the link records. A record stores only the length; reading hands out slices
 * of one string, which V8 keeps as views into it instead of copies. Only ASCII goes there (the
 * file stays ASCII): a snippet cut short starts or ends with '…' (see line-index.ts), so those
 * two marks are flags of the record (1: leading, 2: trailing) and only the text between them
 * must be ASCII; other snippets stay in the JSON as escaped strings.
 */
export class ContextSection {
  private readonly parts: string[] = [];
  private cursor = 0;

  constructor(private readonly raw = '') {}

  put(context: string): EncodedContext {
    const leading = context.startsWith(ELLIPSIS) ? 1 : 0;
    const trailing = context.length > leading && context.endsWith(ELLIPSIS) ? 2 : 0;
    const body = context.slice(leading, context.length - (trailing === 0 ? 0 : 1));
    if (!ASCII.test(body)) return context;
    this.parts.push(body);
    return body.length * 4 + leading + trailing;
  }

  written(): string {
    return this.parts.join('');
  }

  take(value: unknown): string {
    if (typeof value === 'string') return value;
    const code = num(value);
    const end = this.cursor + (code >> 2);
    if (!Number.isInteger(code) || code < 0 || end > this.raw.length) throw new Error('cache record: context outside the raw section');
    const body = this.raw.slice(this.cursor, end);
    this.cursor = end;
    if ((code & 3) === 0) return body;
    return `${code & 1 ? ELLIPSIS : ''}${body}${code & 2 ? ELLIPSIS : ''}`;
  }

  /** Every snippet was read: a raw section longer than its records means a mismatched file. */
  finish(): void {
    if (this.cursor !== this.raw.length) throw new Error('cache record: raw section does not match the links');
  }
}

// eslint-disable-next-line no-control-regex -- ASCII starts at \x00
const ASCII = /^[\x00-\x7f]*$/;
const ELLIPSIS = '…';

/** A note's links, their records one after another (RECORD_SIZE or RESOLVED_RECORD_SIZE values each). */
export function encodeLinks(
  links: readonly LinkRef[],
  resolutions: readonly Resolution[] | null,
  table: PathTable,
  contexts: ContextSection,
): EncodedLink[number][] {
  if (resolutions !== null && resolutions.length !== links.length) throw new Error('parse cache: one resolution per link expected');
  return links.flatMap((l, i): EncodedLink => {
    const text = l.text === l.target ? 0 : l.text;
    const context = contexts.put(l.context);
    if (resolutions === null) {
      return [
        l.kind === 'wiki' ? 0 : 1,
        l.embed ? 1 : 0,
        l.target,
        text,
        l.heading,
        l.block,
        l.alias,
        l.start,
        l.end,
        l.inFrontmatter ? 1 : 0,
        l.line,
        context,
      ];
    }
    const r = resolutions[i];
    const resolved = r.resolved === null ? null : table.encode(r.resolved);
    const target = typeof resolved === 'number' && table.titles[resolved] === l.target ? 1 : l.target;
    const resolution: EncodedResolution = r.candidates.length === 0 ? resolved : [resolved, r.candidates.map((c) => table.encode(c))];
    return [
      l.kind === 'wiki' ? 0 : 1,
      l.embed ? 1 : 0,
      target,
      text,
      l.heading,
      l.block,
      l.alias,
      l.start,
      l.end,
      l.inFrontmatter ? 1 : 0,
      l.line,
      context,
      resolution,
    ];
  });
}

/** Plain LinkRefs (the cache holds no resolutions). */
export function decodeLinks(value: unknown, contexts: ContextSection): LinkRef[] {
  const l = records(value, RECORD_SIZE);
  const links: LinkRef[] = [];
  for (let at = 0; at < l.length; at += RECORD_SIZE) {
    const target = str(l[at + 2]);
    links.push({
      kind: kind(l[at]),
      embed: bit(l[at + 1]) === 1,
      target,
      text: l[at + 3] === 0 ? target : str(l[at + 3]),
      heading: strOrNull(l[at + 4]),
      block: strOrNull(l[at + 5]),
      alias: strOrNull(l[at + 6]),
      line: num(l[at + 10]),
      start: num(l[at + 7]),
      end: num(l[at + 8]),
      context: contexts.take(l[at + 11]),
      inFrontmatter: bit(l[at + 9]) === 1,
    });
  }
  return links;
}

/** ResolvedLinks from `source`; every record carries its resolution. */
export function decodeResolvedLinks(value: unknown, source: VaultPath, table: PathTable, contexts: ContextSection): ResolvedLink[] {
  const flat = records(value, RESOLVED_RECORD_SIZE);
  const links: ResolvedLink[] = [];
  for (let at = 0; at < flat.length; at += RESOLVED_RECORD_SIZE) links.push(decodeLink(flat, at, source, table, contexts));
  return links;
}

/** The record at `at`, built in the key order link-store.ts's resolvedLink uses (one hidden class for both). */
function decodeLink(l: unknown[], at: number, source: VaultPath, table: PathTable, contexts: ContextSection): ResolvedLink {
  const stored = l[at + 12];
  let resolved: VaultPath | null;
  let candidates: VaultPath[];
  if (stored === null || typeof stored === 'string' || typeof stored === 'number') {
    resolved = stored === null ? null : table.decode(stored);
    candidates = NO_CANDIDATES;
  } else {
    const pair = record(stored, 2);
    resolved = pair[0] === null ? null : table.decode(pair[0]);
    candidates = list(pair[1]).map((c) => table.decode(c));
  }
  const target = l[at + 2] === 1 ? titleOf(stored, table) : str(l[at + 2]);
  return {
    kind: kind(l[at]),
    embed: bit(l[at + 1]) === 1,
    target,
    text: l[at + 3] === 0 ? target : str(l[at + 3]),
    heading: strOrNull(l[at + 4]),
    block: strOrNull(l[at + 5]),
    alias: strOrNull(l[at + 6]),
    line: num(l[at + 10]),
    start: num(l[at + 7]),
    end: num(l[at + 8]),
    context: contexts.take(l[at + 11]),
    inFrontmatter: bit(l[at + 9]) === 1,
    source,
    resolved,
    candidates,
  };
}

/** The title a target stored as 1 stands for: the resolved note's. */
function titleOf(stored: unknown, table: PathTable): string {
  const index = Array.isArray(stored) ? stored[0] : stored;
  const title = typeof index === 'number' ? table.titles[index] : undefined;
  if (title === undefined) throw new Error('cache record: target refers to no note title');
  return title;
}

function kind(value: unknown): 'wiki' | 'markdown' {
  return bit(value) === 0 ? 'wiki' : 'markdown';
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('cache record: expected a list');
  return value;
}

/** A flat list of whole records of `size` values. */
function records(value: unknown, size: number): unknown[] {
  const flat = list(value);
  if (flat.length % size !== 0) throw new Error('cache record: unexpected link layout');
  return flat;
}

function record(value: unknown, length: number): unknown[] {
  if (!Array.isArray(value) || value.length !== length) throw new Error('cache record: unexpected link layout');
  return value;
}

function bit(value: unknown): 0 | 1 {
  if (value !== 0 && value !== 1) throw new Error('cache record: expected 0 or 1');
  return value;
}
