/**
 * The parse cache's record layout: each ParsedNote as nested JSON arrays instead of objects.
 * JSON.parse of this is ~3x faster than v8.deserialize of the object form (no key strings to
 * read 30k times, fewer bytes), and that load is most of a warm start.
 *
 * Decoding rebuilds the objects field by field in parseNote's key order, so a cached note is
 * indistinguishable from a fresh parse. A record of the wrong shape throws (the whole cache is
 * then treated as corrupt and rebuilt). Notes whose frontmatter JSON cannot carry exactly
 * (NaN, Infinity, -0 from YAML `.nan`, `.inf`, `-0`) are left out of the cache: they are simply
 * re-parsed on the next start.
 */
import type { BlockIdInfo, HeadingInfo, LinkRef, ParsedNote } from '../core/types';

type EncodedLink = [kind: 0 | 1, embed: 0 | 1, target: string, text: string, heading: string | null, block: string | null, alias: string | null, start: number, end: number, inFrontmatter: 0 | 1, line: number, context: string];
type EncodedHeading = [text: string, level: number, line: number];
type EncodedBlock = [id: string, line: number];
export type EncodedNote = [
  path: string,
  title: string,
  aliases: string[],
  tags: string[],
  headings: EncodedHeading[],
  blockIds: EncodedBlock[],
  links: EncodedLink[],
  frontmatter: Record<string, unknown> | null,
  frontmatterError: string | null,
];

/** The encoded note, or null when its frontmatter would not survive JSON exactly. */
export function encodeNote(note: ParsedNote): EncodedNote | null {
  if (note.frontmatter !== null && !jsonExact(note.frontmatter)) return null;
  return [
    note.path,
    note.title,
    note.aliases,
    note.tags,
    note.headings.map((h): EncodedHeading => [h.text, h.level, h.line]),
    note.blockIds.map((b): EncodedBlock => [b.id, b.line]),
    note.links.map((l): EncodedLink => [l.kind === 'wiki' ? 0 : 1, l.embed ? 1 : 0, l.target, l.text, l.heading, l.block, l.alias, l.start, l.end, l.inFrontmatter ? 1 : 0, l.line, l.context]),
    note.frontmatter,
    note.frontmatterError,
  ];
}

export function decodeNote(value: unknown): ParsedNote {
  const record = asArray(value, 9);
  const headings = asArray(record[4]).map((item): HeadingInfo => {
    const h = asArray(item, 3);
    return { text: str(h[0]), level: num(h[1]), line: num(h[2]) };
  });
  const blockIds = asArray(record[5]).map((item): BlockIdInfo => {
    const b = asArray(item, 2);
    return { id: str(b[0]), line: num(b[1]) };
  });
  const links = asArray(record[6]).map(decodeLink);
  const frontmatter = record[7];
  if (frontmatter !== null && (typeof frontmatter !== 'object' || Array.isArray(frontmatter))) throw new Error('cache record: frontmatter is not a mapping');
  return {
    path: str(record[0]),
    title: str(record[1]),
    aliases: asArray(record[2]).map(str),
    tags: asArray(record[3]).map(str),
    headings,
    blockIds,
    links,
    frontmatter: frontmatter as Record<string, unknown> | null,
    frontmatterError: strOrNull(record[8]),
  };
}

function decodeLink(item: unknown): LinkRef {
  const l = asArray(item, 12);
  // Same key order as parseNote builds: the raw link's fields, then line and context.
  return {
    kind: l[0] === 0 ? 'wiki' : 'markdown',
    embed: l[1] === 1,
    target: str(l[2]),
    text: str(l[3]),
    heading: strOrNull(l[4]),
    block: strOrNull(l[5]),
    alias: strOrNull(l[6]),
    start: num(l[7]),
    end: num(l[8]),
    inFrontmatter: l[9] === 1,
    line: num(l[10]),
    context: str(l[11]),
  };
}

function asArray(value: unknown, length?: number): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) throw new Error('cache record: unexpected layout');
  return value;
}

function str(value: unknown): string {
  if (typeof value !== 'string') throw new Error('cache record: expected a string');
  return value;
}

function strOrNull(value: unknown): string | null {
  return value === null ? null : str(value);
}

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error('cache record: expected a number');
  return value;
}

/** True when JSON.parse(JSON.stringify(value)) deep-equals value (YAML data: plain objects, arrays, scalars). */
function jsonExact(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || Object.is(value, -0)) return false;
    } else if (Array.isArray(value)) {
      pending.push(...value);
    } else if (typeof value === 'object' && value !== null) {
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
      pending.push(...Object.values(value));
    } else if (value !== null && typeof value !== 'string' && typeof value !== 'boolean') {
      return false;
    }
  }
  return true;
}
