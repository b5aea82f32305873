/**
 * The parse cache's records: each ParsedNote stored as the plain JSON object it is, and checked
 * in place on load. Measured on 10k notes, JSON.parse building the final objects directly beats
 * both v8.deserialize (~2x) and a compact array layout decoded into objects afterwards (the
 * intermediate arrays cost more in garbage collection than their smaller size saves).
 *
 * A record of the wrong shape throws (the whole cache is then treated as corrupt and rebuilt).
 * Notes whose frontmatter JSON cannot carry exactly (NaN, Infinity, -0 from YAML `.nan`,
 * `.inf`, `-0`) are left out of the cache: they are simply re-parsed on the next start.
 */
import type { Resolution } from '../core/resolve/resolve-link';
import type { BlockIdInfo, HeadingInfo, LinkRef, ParsedNote } from '../core/types';

/** The note as stored, or null when its frontmatter would not survive JSON exactly. */
export function encodeNote(note: ParsedNote): ParsedNote | null {
  if (note.frontmatter !== null && !jsonExact(note.frontmatter)) return null;
  return note;
}

/** Checks a stored note's shape in place; JSON.parse already built the objects. */
export function decodeNote(value: unknown): ParsedNote {
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
  for (const link of asArray(note.links) as LinkRef[]) checkLink(link);
  const frontmatter: unknown = note.frontmatter;
  if (frontmatter !== null && (typeof frontmatter !== 'object' || Array.isArray(frontmatter))) throw new Error('cache record: frontmatter is not a mapping');
  strOrNull(note.frontmatterError);
  return note;
}

/** One link's resolution as stored: the path, null when unresolved, or [path | null, candidates] when several files matched. */
export type EncodedResolution = string | null | [string | null, string[]];

const NO_CANDIDATES: readonly string[] = Object.freeze([]);

export function encodeResolution(resolution: Resolution): EncodedResolution {
  return resolution.candidates.length === 0 ? resolution.resolved : [resolution.resolved, resolution.candidates];
}

export function decodeResolutions(value: unknown, linkCount: number): Resolution[] {
  const list = asArray(value);
  if (list.length !== linkCount) throw new Error('cache record: one resolution per link expected');
  return list.map((item): Resolution => {
    if (item === null || typeof item === 'string') return { resolved: item, candidates: NO_CANDIDATES as string[] };
    const pair = asArray(item);
    if (pair.length !== 2) throw new Error('cache record: unexpected resolution');
    return { resolved: strOrNull(pair[0]), candidates: asArray(pair[1]).map(str) };
  });
}

function checkLink(link: LinkRef): void {
  if (typeof link !== 'object' || link === null) throw new Error('cache record: a link is not an object');
  if (link.kind !== 'wiki' && link.kind !== 'markdown') throw new Error('cache record: unknown link kind');
  if (typeof link.embed !== 'boolean' || typeof link.inFrontmatter !== 'boolean') throw new Error('cache record: link flags are not booleans');
  str(link.target);
  str(link.text);
  strOrNull(link.heading);
  strOrNull(link.block);
  strOrNull(link.alias);
  num(link.start);
  num(link.end);
  num(link.line);
  str(link.context);
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('cache record: expected a list');
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
