/** App-wide shortcuts. Mod = Ctrl, or Cmd on macOS. */
import { useEffect, useRef } from 'react';

export interface HotkeyHandlers {
  quickSwitcher(): void;
  search(): void;
  graph(): void;
  back(): void;
  forward(): void;
  /** Mod+N: a new note in the open note's folder. */
  newNote(): void;
  /** F2: rename or move the open note. */
  rename(): void;
  /** Mod+\ and Mod+Shift+\: collapse or expand the left / right sidebar (Obsidian has no default for these). */
  toggleLeftSidebar(): void;
  toggleRightSidebar(): void;
}

export function hotkeyFor(e: KeyboardEvent): keyof HotkeyHandlers | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.shiftKey && !e.altKey && key === 'o') return 'quickSwitcher';
  if (mod && e.shiftKey && !e.altKey && key === 'f') return 'search';
  if (mod && !e.shiftKey && !e.altKey && key === 'g') return 'graph';
  if (mod && !e.shiftKey && !e.altKey && key === 'n') return 'newNote';
  if (!mod && !e.shiftKey && !e.altKey && e.key === 'F2') return 'rename';
  // By code as well as key: Shift turns '\' into '|' on US layouts, and other layouts move it.
  if (mod && !e.altKey && (e.code === 'Backslash' || key === '\\' || key === '|')) return e.shiftKey ? 'toggleRightSidebar' : 'toggleLeftSidebar';
  if (e.altKey && !mod && e.key === 'ArrowLeft') return 'back';
  if (e.altKey && !mod && e.key === 'ArrowRight') return 'forward';
  return null;
}

export function useHotkeys(handlers: HotkeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = hotkeyFor(e);
      if (!action) return;
      e.preventDefault();
      ref.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
