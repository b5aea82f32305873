/**
 * The parse cache's note records: each ParsedNote stored as the plain JSON object it is (its
 * links apart, see parse-cache-links.ts), and checked in place on load: JSON.parse building
 * these objects directly beats v8.deserialize (figures in docs/benchmarks.md, "Figures behind
 * choices in the code").
 *
 * A record of the wrong shape throws (the whole cache is then treated as corrupt and rebuilt).
 * Notes whose frontmatter JSON cannot carry exactly (NaN, Infinity, -0 from YAML `.nan`,
 * `.inf`, `-0`) are left out of the cache: they are simply re-parsed on the next start.
 */
import type { BlockIdInfo, HeadingInfo, LinkRef, ParsedNote } from '../../core/types';

/**
 * The note as stored, its links left out (stored separately; the empty list keeps the key, so
 * setting it on load does not reshape the object), or null when its frontmatter would not
 * survive JSON exactly.
 */
export function encodeNote(note: ParsedNote): ParsedNote | null {
  if (note.frontmatter !== null && !jsonExact(note.frontmatter)) return null;
  return { ...note, links: [] };
}

/** Checks a stored note's shape in place (JSON.parse already built the objects) and gives it its links. */
export function decodeNote(value: unknown, links: LinkRef[]): ParsedNote {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('cache record: unexpected layout');
  const note = value as ParsedNote;
  str(note.path);
  str(note.title);
  for (const alias of asArray(note.aliases)) str(alias);
  for (const tag of asArray(note.tags)) str(tag);
  for (const heading of asArray(note.headings) as HeadingInfo[]) {
    str(heading.text);
    num(heading.level);
    num(heading.line);
  }
  for (const block of asArray(note.blockIds) as BlockIdInfo[]) {
    str(block.id);
    num(block.line);
  }
  if (asArray(note.links).length !== 0) throw new Error('cache record: links belong in their own list');
  note.links = links;
  const frontmatter: unknown = note.frontmatter;
  if (frontmatter !== null && (typeof frontmatter !== 'object' || Array.isArray(frontmatter))) throw new Error('cache record: frontmatter is not a mapping');
  strOrNull(note.frontmatterError);
  return note;
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('cache record: expected a list');
  return value;
}

export function str(value: unknown): string {
  if (typeof value !== 'string') throw new Error('cache record: expected a string');
  return value;
}

export function strOrNull(value: unknown): string | null {
  return value === null ? null : str(value);
}

export function num(value: unknown): number {
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
      // A plain object of any realm (parses from worker threads are built in another one):
      // its prototype is some Object.prototype, whose own prototype is null. Dates, Maps... fail.
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== null && Object.getPrototypeOf(proto) !== null) return false;
      pending.push(...Object.values(value));
    } else if (value !== null && typeof value !== 'string' && typeof value !== 'boolean') {
      return false;
    }
  }
  return true;
}
