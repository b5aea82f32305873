/** Ctrl/Cmd+Shift+F: full-text search over the vault with highlighted snippets. */
import { useEffect, useRef, useState } from 'react';
import type { PlexusApi, SearchHit } from '../../../main/contract/api-contract';
import { noteHref } from '../routing/hash-route';
import { Snippet } from './snippet';

interface Props {
  api: PlexusApi;
  query: string;
  onQueryChange(query: string): void;
  onClose(): void;
  /** Bumped to focus the box again when the shortcut is pressed while open. */
  focusToken: number;
}

const DEBOUNCE_MS = 150;

export function SearchPanel({ api, query, onQueryChange, onClose, focusToken }: Props) {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusToken]);

  useEffect(() => {
    if (query.trim() === '') {
      setHits(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      api.search(query).then(
        (h) => {
          if (!live) return;
          setHits(h);
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
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
        <input ref={input} type="search" className="explorer-filter" placeholder="Search the vault…" aria-label="Search the vault" value={query} onChange={(e) => onQueryChange(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onClose()} />
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close search">✕</button>
      </div>
      {error && <p className="error-text pad" role="alert">Search failed: {error}</p>}
      {hits && <p className="muted pad small" aria-live="polite">{hits.length === 0 ? 'No results.' : `${hits.length} result${hits.length === 1 ? '' : 's'}`}</p>}
      <ul className="search-results">
        {hits?.map((h) => (
          <li key={h.path}>
            <a href={noteHref(h.path)} className="search-hit">
              <span className="result-title">{h.title}</span>
              <span className="snippet"><Snippet snippet={h.snippet} /></span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
