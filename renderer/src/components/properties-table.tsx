/**
 * Frontmatter as a properties table, by type as Obsidian's properties view shows it: text (never
 * markdown or HTML), with `[[links]]` and http(s) URLs in it clickable; lists as chips; dates as
 * dates; booleans as checkboxes (read-only here); tags as chips that open a tag search.
 */
import { useContext, type ReactNode } from 'react';
import { splitWikiLinkInner } from '../../../main/core/parse/wiki-link-syntax';
import { AppActionsContext, RenderScopeContext } from './note-context';
import { NoteLink } from './note-link';
import type { VaultPath } from '../../../main/core/types';

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** `[[...]]` (the index reads frontmatter links the same way) and bare http(s) URLs. */
const LINKISH = /\[\[([^[\]\n]+)\]\]|\bhttps?:\/\/[^\s<>"']+/g;

function formatDate(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return value.length === 10
    ? date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A string with its links made clickable (only inside the app, where links can resolve). */
function TextWithLinks({ text, linkable }: { text: string; linkable: boolean }) {
  if (!linkable || !/\[\[|https?:\/\//.test(text)) return <>{text}</>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(LINKISH)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    if (m[1] !== undefined) {
      const link = splitWikiLinkInner(m[1]);
      const label = link.alias ?? m[1];
      parts.push(
        <NoteLink key={at} className="internal-link" data-target={link.target} data-heading={link.heading ?? undefined} data-block={link.block ?? undefined}>
          {label}
        </NoteLink>,
      );
    } else
      parts.push(
        <NoteLink key={at} href={m[0]}>
          {m[0]}
        </NoteLink>,
      );
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

function Value({ value, linkable }: { value: unknown; linkable: boolean }) {
  if (value === null || value === undefined || value === '') return <span className="property-empty muted">Empty</span>;
  if (typeof value === 'boolean') return <input type="checkbox" className="property-checkbox" checked={value} disabled aria-label={value ? 'true' : 'false'} />;
  if (typeof value === 'number') return <span className="property-number">{String(value)}</span>;
  if (value instanceof Date) return <time dateTime={value.toISOString()}>{formatDate(value.toISOString().slice(0, 10))}</time>;
  if (typeof value === 'string') {
    if (DATE.test(value)) return <time dateTime={value}>{formatDate(value)}</time>;
    return <TextWithLinks text={value} linkable={linkable} />;
  }
  if (Array.isArray(value)) {
    return (
      <span className="chips">
        {value.map((item, i) => (
          <span className="chip" key={i}>
            <Value value={item} linkable={linkable} />
          </span>
        ))}
      </span>
    );
  }
  return <>{JSON.stringify(value)}</>;
}

/** `tags` as a list or a comma/space separated string, with or without '#' (as the indexer reads it). */
function tagsOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
    .flatMap((item) => String(item).split(/[\s,]+/))
    .map((word) => word.replace(/^#/, ''))
    .filter((tag) => tag !== '');
}

function TagChips({ value }: { value: unknown }) {
  const actions = useContext(AppActionsContext);
  const tags = tagsOf(value);
  return (
    <span className="chips">
      {tags.map((tag, i) =>
        actions ? (
          <button type="button" className="chip tag" key={i} onClick={() => actions.searchTag(tag)} aria-label={`Search for tag #${tag}`}>
            #{tag}
          </button>
        ) : (
          <span className="chip" key={i}>
            #{tag}
          </span>
        ),
      )}
    </span>
  );
}

export function PropertiesTable({ frontmatter, sourcePath }: { frontmatter: Record<string, unknown>; sourcePath?: VaultPath }) {
  const actions = useContext(AppActionsContext);
  const entries = Object.entries(frontmatter);
  if (entries.length === 0) return null;
  // Links resolve from the note itself; without the app around them they stay text.
  const linkable = actions !== null && sourcePath !== undefined;
  const table = (
    <table className="properties" aria-label="Properties">
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{key === 'tags' || key === 'tag' ? <TagChips value={value} /> : <Value value={value} linkable={linkable} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!linkable) return table;
  return <RenderScopeContext.Provider value={{ sourcePath, ancestors: [sourcePath], preview: false }}>{table}</RenderScopeContext.Provider>;
}
