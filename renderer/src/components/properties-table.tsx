/** Frontmatter as a properties table: values shown as text (never as markdown or HTML); tags are chips that open a tag search. */
import { useContext } from 'react';
import { AppActionsContext } from './note-context';

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
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
          <button type="button" className="chip tag" key={i} onClick={() => actions.searchTag(tag)} aria-label={`Search for tag #${tag}`}>#{tag}</button>
        ) : (
          <span className="chip" key={i}>#{tag}</span>
        ),
      )}
    </span>
  );
}

export function PropertiesTable({ frontmatter }: { frontmatter: Record<string, unknown> }) {
  const entries = Object.entries(frontmatter);
  if (entries.length === 0) return null;
  return (
    <table className="properties" aria-label="Properties">
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>
              {key === 'tags' || key === 'tag' ? (
                <TagChips value={value} />
              ) : Array.isArray(value) ? (
                <span className="chips">{value.map((v, i) => <span className="chip" key={i}>{formatValue(v)}</span>)}</span>
              ) : (
                formatValue(value)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
