/** App-wide shortcuts: each key press that matches a command's hotkey (custom or default) runs that command. */
import { useEffect, useRef } from 'react';
import { hotkeyFor, type CommandRuns } from '../commands/command-registry';
import { currentHotkeys } from '../commands/hotkey-store';

export { hotkeyFor } from '../commands/command-registry';

export function useHotkeys(runs: CommandRuns): void {
  const ref = useRef(runs);
  ref.current = runs;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Read at each press: a hotkey changed in settings applies to the next one.
      const id = hotkeyFor(e, currentHotkeys());
      if (!id) return;
      // Also stops the browser's own use of the key (Ctrl+P prints, Ctrl+W closes the tab).
      e.preventDefault();
      ref.current[id]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
