/**
 * Ctrl/Cmd+P: every command of the registry with its hotkey (custom or default), fuzzy matched; with nothing typed
 * the recently used come first (remembered in localStorage). Arrow keys move, Enter runs.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { COMMANDS, formatHotkey, type CommandDef, type CommandId, type CommandRuns } from '../commands/command-registry';
import { useHotkeyMap } from '../commands/hotkey-store';
import { rank } from '../lib/fuzzy';
import { Modal } from './modal';

const RECENT_KEY = 'plexus.recentCommands';
const RECENT_MAX = 8;

function readRecent(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    // Unreadable storage only costs the ordering.
    return [];
  }
}

function remember(id: string): void {
  try {
    window.localStorage.setItem(RECENT_KEY, JSON.stringify([id, ...readRecent().filter((x) => x !== id)].slice(0, RECENT_MAX)));
  } catch {
    // Storage full or disabled: the command still ran.
  }
}

/** The commands in palette order: fuzzy rank when there is a query, else recently used first, then the registry's order. */
export function paletteOrder(commands: readonly CommandDef[], query: string, recent: string[]): CommandDef[] {
  if (query.trim() !== '') return rank([...commands], query, (c) => [c.name], commands.length).map((r) => r.item);
  const at = (c: CommandDef) => {
    const i = recent.indexOf(c.id);
    return i < 0 ? Infinity : i;
  };
  return [...commands].sort((a, b) => at(a) - at(b));
}

interface Props {
  runs: CommandRuns;
  onClose(): void;
}

export function CommandPalette({ runs, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [recent] = useState(readRecent);
  // The hotkeys that work now, custom ones included (the listener reads the same map).
  const hotkeys = useHotkeyMap();
  const results = useMemo(() => paletteOrder(COMMANDS, query, recent), [query, recent]);
  useEffect(() => setActive(0), [query]);

  const choose = (i: number) => {
    const c = results[i];
    if (!c) return;
    remember(c.id);
    onClose();
    runs[c.id as CommandId]();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') choose(active);
    else return;
    e.preventDefault();
  };

  return (
    <Modal label="Command palette" onClose={onClose} className="switcher palette">
      <input
        autoFocus
        className="modal-input"
        placeholder="Type a command…"
        aria-label="Find a command"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={results[active] ? `palette-${active}` : undefined}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-list" role="listbox" className="result-list" aria-label="Commands">
        {results.map((c, i) => (
          <li
            key={c.id}
            id={`palette-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(i)}
          >
            <span className="result-main">{c.name}</span>
            {hotkeys[c.id as CommandId] && <kbd>{formatHotkey(hotkeys[c.id as CommandId]!)}</kbd>}
          </li>
        ))}
        {results.length === 0 && (
          <li className="muted" role="presentation">
            No matching commands.
          </li>
        )}
      </ul>
    </Modal>
  );
}
