/** Side pane widths, remembered across sessions in localStorage. */
import { useEffect, useState } from 'react';

const KEY = 'plexus.paneSizes';

export interface PaneSizes {
  left: number;
  right: number;
}

const DEFAULTS: PaneSizes = { left: 260, right: 300 };

function load(): PaneSizes {
  try {
    const raw = window.localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<PaneSizes>) : {};
    return {
      left: typeof parsed.left === 'number' ? parsed.left : DEFAULTS.left,
      right: typeof parsed.right === 'number' ? parsed.right : DEFAULTS.right,
    };
  } catch {
    // Corrupt or unavailable storage only costs the remembered sizes.
    return DEFAULTS;
  }
}

export function usePaneSizes(): [PaneSizes, (s: PaneSizes) => void] {
  const [sizes, setSizes] = useState<PaneSizes>(load);
  useEffect(() => {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(sizes));
    } catch {
      // Storage full or disabled: the sizes still apply for this session.
    }
  }, [sizes]);
  return [sizes, setSizes];
}
