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
import { useProgressive } from '../hooks/use-progressive';
import { ShowMore } from './show-more';

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
/**
 * Hits drawn at once; the rest of the page follows when the list's end scrolls into view. The
 * panel shows far fewer: drawing the whole page with its snippets held the answer back.
 */
export const FIRST_HITS = 40;

/**
 * Whether `b` is `a` with one character typed or deleted: such edits wait for the debounce, so
 * typing a word does not search each prefix; any other change (a paste, a tag clicked, a
 * bookmarked search) searches at once.
 */
export function oneKeyApart(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

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
  const searched = useRef('');
  const slice = useProgressive(results?.hits.length ?? 0, found, FIRST_HITS);

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
      searched.current = query;
      setResults(null);
      setError(null);
      return;
    }
    let live = true;
    const typed = oneKeyApart(searched.current, query);
    searched.current = query;
    const run = () =>
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
    if (!typed) {
      void run();
      return () => {
        live = false;
      };
    }
    const t = setTimeout(() => void run(), DEBOUNCE_MS);
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
        {results?.hits.slice(0, slice.shown).map((h) => (
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
      {results && <ShowMore slice={slice} total={results.hits.length} noun="results" />}
    </section>
  );
}
