/**
 * Remembers the search hit being opened until its note is on screen, then reveals the match.
 * The app's effects run after the note view's (children first), so the note view's own
 * "start a new note at the top" has already happened when the match is scrolled to.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SearchHit } from '../../../main/contract/api-contract';
import type { NoteData } from './use-note-data';
import { revealMatch, type RevealRequest } from '../components/search-reveal';
import { showLine } from '../components/progressive-markdown';

export function useSearchReveal(data: NoteData | null): (hit: SearchHit) => void {
  const [pending, setPending] = useState<RevealRequest | null>(null);
  useEffect(() => {
    if (!pending || !data || data.path !== pending.path || !data.note.ok) return;
    const root = document.querySelector<HTMLElement>('main.note-pane');
    const request = pending;
    // A long note still drawing in parts draws the hit's part first, so the match is there to
    // find; that draw is synchronous (flushSync), which React allows only outside its effects.
    if (root)
      queueMicrotask(() => {
        if (request.line !== null) showLine(root, request.line);
        revealMatch(root, request);
      });
    setPending(null);
  }, [pending, data]);
  return useCallback((hit: SearchHit) => setPending({ path: hit.path, snippet: hit.snippet, match: hit.match, line: hit.line }), []);
}
