/** The search panel's state: open or not, its query, and a token that moves the focus into it when bumped. */
import { useCallback, useState } from 'react';

export interface SearchPanelState {
  open: boolean;
  query: string;
  focus: number;
  /** A focus asked for and not yet given: the panel takes it when shown. */
  wantFocus: boolean;
}

/** `reveal` shows the search view, in whichever sidebar holds it. */
export function useSearchPanel(reveal: () => void) {
  const [search, setSearch] = useState<SearchPanelState>({ open: false, query: '', focus: 0, wantFocus: false });
  const openSearch = useCallback(
    (query?: string) => {
      reveal();
      setSearch((s) => ({ open: true, query: query ?? s.query, focus: s.focus + 1, wantFocus: true }));
    },
    [reveal],
  );
  // A tag click lists the notes with that tag (and tags nested below it), not a text search for the word.
  const searchTag = useCallback((tag: string) => openSearch(`tag:#${tag.replace(/^#/, '')}`), [openSearch]);
  const setQuery = useCallback((query: string) => setSearch((s) => ({ ...s, query })), []);
  const close = useCallback(() => setSearch((s) => ({ ...s, open: false })), []);
  const focused = useCallback(() => setSearch((s) => (s.wantFocus ? { ...s, wantFocus: false } : s)), []);
  return { search, openSearch, searchTag, setQuery, close, focused };
}
