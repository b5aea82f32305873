/**
 * Whether the file explorer (left) and the links sidebar (right) are shown, remembered in
 * localStorage. Below NARROW_WIDTH the note needs the room, so the right sidebar starts collapsed;
 * a choice made at a narrow width is remembered apart from one made at a wide width, so expanding
 * it in a small window does not bring it back into every small window, nor the other way round.
 */
import { useCallback, useEffect, useState } from 'react';

const KEY = 'plexus.sidebars';
export const NARROW_WIDTH = 1000;

export interface SidebarsOpen {
  left: boolean;
  right: boolean;
}

interface Stored {
  left?: boolean;
  right?: boolean;
  rightNarrow?: boolean;
}

function readStored(): Stored {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Stored) : {};
  } catch {
    // Corrupt or unavailable storage only costs the remembered choice.
    return {};
  }
}

export function initialSidebars(stored: Stored, width: number): SidebarsOpen {
  const narrow = width < NARROW_WIDTH;
  const right = narrow ? stored.rightNarrow : stored.right;
  return { left: stored.left ?? true, right: typeof right === 'boolean' ? right : !narrow };
}

export function useSidebars() {
  const [narrow] = useState(() => window.innerWidth < NARROW_WIDTH);
  const [open, setOpen] = useState<SidebarsOpen>(() => initialSidebars(readStored(), window.innerWidth));
  useEffect(() => {
    try {
      const stored = readStored();
      window.localStorage.setItem(KEY, JSON.stringify({ ...stored, left: open.left, [narrow ? 'rightNarrow' : 'right']: open.right }));
    } catch {
      // Storage full or disabled: the choice still holds for this session.
    }
  }, [open, narrow]);
  const toggleLeft = useCallback(() => setOpen((o) => ({ ...o, left: !o.left })), []);
  const toggleRight = useCallback(() => setOpen((o) => ({ ...o, right: !o.right })), []);
  const showLeft = useCallback(() => setOpen((o) => (o.left ? o : { ...o, left: true })), []);
  const showRight = useCallback(() => setOpen((o) => (o.right ? o : { ...o, right: true })), []);
  return { ...open, toggleLeft, toggleRight, showLeft, showRight };
}
