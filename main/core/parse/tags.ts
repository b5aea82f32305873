/** Tag syntax: letters, digits, `_`, `-` and `/` for nesting; not purely numeric (`#123` is not a tag). */

import { withoutTrailing } from './trailing-run';

const TAG_BODY = /[\p{L}\p{N}\p{M}_\-/]+/uy;
const WHOLE_TAG = /^[\p{L}\p{N}\p{M}_\-/]+$/u;
const HAS_NON_DIGIT = /[^0-9/]/;

/** Reads the tag whose first character is at `from` (just after '#'), or returns null. */
export function readTagAt(text: string, from: number, limit: number): string | null {
  TAG_BODY.lastIndex = from;
  const match = TAG_BODY.exec(text);
  if (!match) return null;
  let tag = match[0];
  if (from + tag.length > limit) tag = tag.slice(0, limit - from);
  tag = withoutTrailing(tag, 47); // '/'
  return isValidTag(tag) ? tag : null;
}

export function isValidTag(tag: string): boolean {
  return WHOLE_TAG.test(tag) && !tag.startsWith('/') && HAS_NON_DIGIT.test(tag);
}

/** Frontmatter `tags` as a list or a comma/space separated string, with or without '#'. */
export function frontmatterTags(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const tags: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    for (const word of String(item).split(/[\s,]+/)) {
      const tag = word.replace(/^#/, '');
      if (isValidTag(tag)) tags.push(tag);
    }
  }
  return tags;
}

/** Appends tags that are new regardless of case; the first spelling wins. */
export function addUniqueTags(into: string[], seen: Set<string>, tags: readonly string[]): void {
  for (const tag of tags) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    into.push(tag);
  }
}
