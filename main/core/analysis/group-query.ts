/**
 * Colour-group queries for the graph view:
 * - `folder:Name`  the node's folder is Name or lies inside it (`folder:Research` matches
 *                  'Research/ML/x.md'); case-insensitive; a trailing '/' is ignored;
 * - `path:prefix`  the node's path starts with prefix, case-insensitive;
 * - `tag:name`     the node has tag name or a nested tag below it (`tag:a` matches 'a' and
 *                  'a/b', not 'ab'); a leading '#' is ignored; case-insensitive like tags;
 * - anything else  case-insensitive substring of the node's label. Put the text in double
 *                  quotes to search for a label that itself starts with `word:`.
 * Placeholders have no path, so folder/path queries never match them.
 */
import type { GraphNode } from '../types';
import { withoutTrailing } from '../parse/trailing-run';
import { dirname } from '../paths';

export type GroupQuery = { kind: 'folder'; value: string } | { kind: 'path'; value: string } | { kind: 'tag'; value: string } | { kind: 'text'; value: string };

export type GroupQueryErrorCode = 'empty' | 'missing-value' | 'unknown-field' | 'bad-tag';

export type GroupQueryResult = { ok: true; query: GroupQuery } | { ok: false; error: { code: GroupQueryErrorCode; message: string } };

const FIELD = /^([A-Za-z][\w-]*):(.*)$/s;
const SLASH = 47;
const FIELDS = ['folder', 'path', 'tag'] as const;
type Field = (typeof FIELDS)[number];

function fail(code: GroupQueryErrorCode, message: string): GroupQueryResult {
  return { ok: false, error: { code, message } };
}

export function parseGroupQuery(input: string): GroupQueryResult {
  const text = input.trim();
  if (text === '') return fail('empty', 'Type a query: folder:Name, path:prefix, tag:name or text in the note title.');
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    const quoted = text.slice(1, -1);
    if (quoted.trim() === '') return fail('empty', 'The quoted text is empty.');
    return { ok: true, query: { kind: 'text', value: quoted.toLowerCase() } };
  }
  const match = FIELD.exec(text);
  if (!match) return { ok: true, query: { kind: 'text', value: text.toLowerCase() } };

  const field = match[1].toLowerCase();
  if (!(FIELDS as readonly string[]).includes(field)) {
    return fail('unknown-field', `Unknown field "${match[1]}:". Use folder:, path: or tag:, or put the text in double quotes.`);
  }
  let value = match[2].trim();
  if (value === '') return fail('missing-value', `"${field}:" needs a value, e.g. ${field}:${example(field as Field)}.`);
  if (field === 'tag') {
    value = withoutTrailing(value.replace(/^#/, ''), SLASH);
    if (value === '' || /[\s#,]/.test(value) || value.startsWith('/') || value.includes('//')) {
      return fail('bad-tag', `"${match[2].trim()}" is not a tag: no spaces, commas or '#' inside, and no empty nesting levels.`);
    }
  }
  // withoutTrailing, not `replace(/\/+$/, '')`, which is quadratic on a long inner run of `/`.
  if (field === 'folder') value = withoutTrailing(value, SLASH);
  if (value === '') return fail('missing-value', `"${field}:" needs a value, e.g. ${field}:${example(field as Field)}.`);
  return { ok: true, query: { kind: field as Field, value: value.toLowerCase() } };
}

function example(field: Field): string {
  return field === 'tag' ? 'project/alpha' : field === 'folder' ? 'Research' : 'Research/ML/';
}

/** True when the node belongs to the group. A string is parsed first; an invalid one matches nothing. */
export function matchGroup(node: GraphNode, query: GroupQuery | string): boolean {
  if (typeof query === 'string') {
    const parsed = parseGroupQuery(query);
    if (!parsed.ok) return false;
    query = parsed.query;
  }
  // Parsed values are already lower case; hand-built queries may not be.
  const value = query.value.toLowerCase();
  switch (query.kind) {
    case 'text':
      return node.label.toLowerCase().includes(value);
    case 'path':
      return node.path !== null && node.path.toLowerCase().startsWith(value);
    case 'folder': {
      if (node.path === null) return false;
      const folder = dirname(node.path).toLowerCase();
      return folder === value || folder.startsWith(value + '/');
    }
    case 'tag': {
      const tag = value;
      return node.tags.some((t) => {
        const lower = t.replace(/^#/, '').toLowerCase();
        return lower === tag || lower.startsWith(tag + '/');
      });
    }
  }
}
