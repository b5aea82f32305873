/**
 * Ctrl/Cmd+Shift+F: search the vault with Obsidian's syntax (words, "phrases", -exclusions, OR,
 * tag:, path:, file:, line:, section:, /regex/). Snippets are readable text with the matches
 * marked; opening a hit asks the app to scroll the note to the match and highlight it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlexusApi, SearchHit, SearchResults } from '../../../main/contract/api-contract';
import { noteHref } from '../routing/hash-route';
import { Snippet } from './snippet';
import { isExcluded } from '../settings/excluded-folders';

interface Props {
  api: PlexusApi;
  query: string;
  onQueryChange(query: string): void;
  onClose(): void;
  /** Called when a hit is opened (its link still navigates): the app reveals the match in the note. */
  onOpenHit?(hit: SearchHit): void;
  /** Bumped to focus the box again when the shortcut is pressed while open. */
  focusToken: number;
  /** Whether the focus should move into the search box (default true); onFocused says it has. */
  focusWanted?: boolean;
  onFocused?(): void;
  /** Bookmarks the current query ("Bookmark search"); absent hides the button. */
  onBookmark?(query: string): void;
  /** Folders whose notes are not listed ("Excluded folders"). */
  excludedFolders?: readonly string[];
}

const DEBOUNCE_MS = 150;

function countText(results: SearchResults): string {
  if (results.total === 0) return 'No results.';
  const all = `${results.total} result${results.total === 1 ? '' : 's'}`;
  return results.hits.length < results.total ? `${all}, showing the first ${results.hits.length}` : all;
}

const NONE: readonly string[] = [];

/** Results without the hits in excluded folders, the counts lowered by as many. */
function withoutExcludedHits(results: SearchResults, folders: readonly string[]): SearchResults {
  if (folders.length === 0) return results;
  const hits = results.hits.filter((h) => !isExcluded(h.path, folders));
  return { ...results, hits, total: results.total - (results.hits.length - hits.length) };
}

export function SearchPanel({
  api,
  query,
  onQueryChange,
  onClose,
  onOpenHit,
  focusToken,
  focusWanted = true,
  onFocused,
  onBookmark,
  excludedFolders = NONE,
}: Props) {
  const [found, setResults] = useState<SearchResults | null>(null);
  const results = useMemo(() => (found ? withoutExcludedHits(found, excludedFolders) : null), [found, excludedFolders]);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // Only when asked (opening search, a tag clicked), not whenever the view is shown: arrowing
  // through the sidebar's tabs must keep the focus on the tabs.
  useEffect(() => {
    if (!focusWanted) return;
    input.current?.focus();
    input.current?.select();
    onFocused?.();
  }, [focusToken, focusWanted, onFocused]);

  useEffect(() => {
    if (query.trim() === '') {
      setResults(null);
      setError(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      api.search(query).then(
        (r) => {
          if (!live) return;
          if (r.ok) {
            setResults(r.value);
            setError(null);
          } else {
            setResults(null);
            setError(r.error.message);
          }
        },
        (e: unknown) => live && setError(`Search failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, query]);

  return (
    <section aria-label="Search" className="search-panel">
      <div className="pane-header">
        <input
          ref={input}
          type="search"
          className="explorer-filter"
          placeholder="Search the vault…"
          aria-label="Search the vault"
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && onClose()}
        />
        {onBookmark && query.trim() !== '' && (
          <button type="button" className="icon-button" onClick={() => onBookmark(query.trim())} aria-label="Bookmark this search" title="Bookmark this search">
            ☆
          </button>
        )}
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close search">
          ✕
        </button>
      </div>
      {error && (
        <p className="error-text pad" role="alert">
          {error}
        </p>
      )}
      {results && (
        <p className="muted pad small" aria-live="polite">
          {countText(results)}
        </p>
      )}
      <ul className="search-results">
        {results?.hits.map((h) => (
          <li key={h.path}>
            <a href={noteHref(h.path)} className="search-hit" onClick={() => onOpenHit?.(h)}>
              <span className="result-title">{h.title}</span>
              {h.snippet !== '' && (
                <span className="snippet">
                  <Snippet snippet={h.snippet} />
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
