/**
 * Which parts of what the index derives from a note differ between two parses of it. A window
 * that saved the note knows its text, and re-reads only the parts that changed (the outline when
 * a heading was typed, the outgoing links when a link was), not all of them on every autosave.
 */
import type { ParsedNote } from '../types';

export interface DerivedChanges {
  /** What getNoteMeta answers: title, aliases, tags, headings, block ids, frontmatter, safe mode. */
  meta: boolean;
  /** The links as written (targets, text, lines, offsets, context): the outgoing links. */
  links: boolean;
  /** Title or aliases: what other notes' links and mentions of the note resolve to. */
  names: boolean;
  /** Its tags: the vault's tag counts. */
  tags: boolean;
}

export const NOTHING_DERIVED_CHANGED: DerivedChanges = Object.freeze({ meta: false, links: false, names: false, tags: false });

export interface ParseOf {
  parsed: ParsedNote;
  safeMode: string | null;
}

export function derivedChanges(before: ParseOf, after: ParseOf): DerivedChanges {
  const a = before.parsed;
  const b = after.parsed;
  const names = a.title !== b.title || !same(a.aliases, b.aliases);
  const tags = !same(a.tags, b.tags);
  const meta =
    names ||
    tags ||
    before.safeMode !== after.safeMode ||
    !same(a.headings, b.headings) ||
    !same(a.blockIds, b.blockIds) ||
    !same(a.frontmatter, b.frontmatter);
  return { meta, links: !same(a.links, b.links), names, tags };
}

/** Structural equality of parse data (JSON-like: plain objects, arrays, primitives, dates from YAML). */
function same(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x)) {
    const ys = y as unknown[];
    return x.length === ys.length && x.every((item, i) => same(item, ys[i]));
  }
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  const keys = Object.keys(xo);
  return keys.length === Object.keys(yo).length && keys.every((key) => Object.prototype.hasOwnProperty.call(yo, key) && same(xo[key], yo[key]));
}
