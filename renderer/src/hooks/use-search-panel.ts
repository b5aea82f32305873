/** The search panel's state: open or not, its query, and a token that moves the focus into it when bumped. */
import { useCallback, useState } from 'react';

export interface SearchPanelState {
  open: boolean;
  query: string;
  focus: number;
}

export function useSearchPanel(showLeft: () => void) {
  const [search, setSearch] = useState<SearchPanelState>({ open: false, query: '', focus: 0 });
  const openSearch = useCallback(
    (query?: string) => {
      showLeft(); // search lives in the left sidebar
      setSearch((s) => ({ open: true, query: query ?? s.query, focus: s.focus + 1 }));
    },
    [showLeft],
  );
  // A tag click lists the notes with that tag (and tags nested below it), not a text search for the word.
  const searchTag = useCallback((tag: string) => openSearch(`tag:#${tag.replace(/^#/, '')}`), [openSearch]);
  const setQuery = useCallback((query: string) => setSearch((s) => ({ ...s, query })), []);
  const close = useCallback(() => setSearch((s) => ({ ...s, open: false })), []);
  return { search, openSearch, searchTag, setQuery, close };
}
