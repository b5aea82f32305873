/**
 * Ctrl/Cmd+click or middle-click on any note link opens it in a new tab. Every way to a note in
 * the app is an `<a href="#/note/...">` (rendered links, search results, backlinks, outgoing
 * links, explorer entries), so one listener on the document covers them all; it runs in the
 * capture phase, before the link's own handlers, and stops the browser opening a browser tab.
 * A link to a note that does not exist yet keeps its own click (it offers to create the note).
 */
import { useEffect, useRef } from 'react';
import { parseHash, type NoteRoute } from '../routing/hash-route';

export function noteLinkTarget(e: MouseEvent): NoteRoute | null {
  const newTab = (e.type === 'click' && e.button === 0 && (e.ctrlKey || e.metaKey)) || (e.type === 'auxclick' && e.button === 1);
  if (!newTab || !(e.target instanceof Element)) return null;
  const a = e.target.closest('a[href^="#/note/"]');
  if (!a || a.classList.contains('is-unresolved')) return null;
  return parseHash(a.getAttribute('href') ?? '');
}

export function useNewTabClicks(openInNewTab: (route: NoteRoute) => void): void {
  const ref = useRef(openInNewTab);
  ref.current = openInNewTab;
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const route = noteLinkTarget(e);
      if (!route) return;
      e.preventDefault();
      e.stopPropagation();
      ref.current(route);
    };
    // Middle-click would otherwise start autoscroll or paste (X11) before auxclick arrives.
    const onMouseDown = (e: MouseEvent) => {
      if (e.button === 1 && e.target instanceof Element && e.target.closest('a[href^="#/note/"]')) e.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    document.addEventListener('auxclick', onClick, true);
    document.addEventListener('mousedown', onMouseDown, true);
    return () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('auxclick', onClick, true);
      document.removeEventListener('mousedown', onMouseDown, true);
    };
  }, []);
}
