/** The top bar: sidebar toggles, history buttons, new note, the quick switcher and search entry points, and the graph toggle. */
import { SidebarToggle } from './sidebar-toggle';
import type { ReactNode } from 'react';
import { formatHotkey, type CommandId } from '../commands/command-registry';
import { useHotkeyMap } from '../commands/hotkey-store';

interface Props {
  canBack: boolean;
  canForward: boolean;
  onBack(): void;
  onForward(): void;
  onSwitcher(): void;
  onSearch(): void;
  onGraph(): void;
  graphOpen: boolean;
  title: string;
  onNewNote(): void;
  /** Set when the vault is read-only: the message explains why New note is disabled. */
  readOnlyMessage: string | null;
  sidebars: { left: boolean; right: boolean; toggleLeft(): void; toggleRight(): void };
  /** More buttons at the end (File recovery's "Deleted notes"). */
  extra?: ReactNode;
}

export function Toolbar(p: Props) {
  // The hotkeys that work now (custom ones included), as the palette shows them.
  const hotkeys = useHotkeyMap();
  const shortcut = (id: CommandId) => (hotkeys[id] ? formatHotkey(hotkeys[id]!) : null);
  const titled = (label: string, id: CommandId) => (shortcut(id) ? `${label} (${shortcut(id)})` : label);
  return (
    <header className="toolbar">
      <div className="toolbar-group">
        <SidebarToggle side="left" open={p.sidebars.left} onToggle={p.sidebars.toggleLeft} />
        <button type="button" className="icon-button" onClick={p.onBack} disabled={!p.canBack} aria-label="Back" title={titled('Back', 'back')}>
          ←
        </button>
        <button type="button" className="icon-button" onClick={p.onForward} disabled={!p.canForward} aria-label="Forward" title={titled('Forward', 'forward')}>
          →
        </button>
        <button type="button" onClick={p.onNewNote} disabled={p.readOnlyMessage !== null} title={p.readOnlyMessage ?? titled('New note', 'newNote')}>
          New note
        </button>
      </div>
      <button type="button" className="switcher-button" onClick={p.onSwitcher} title={titled('Quick switcher', 'quickSwitcher')}>
        <span className="switcher-button-text">{p.title || 'Open a note…'}</span>
        {shortcut('quickSwitcher') && <kbd>{shortcut('quickSwitcher')}</kbd>}
      </button>
      <div className="toolbar-group">
        <button type="button" onClick={p.onSearch} title={titled('Search', 'search')}>
          Search
        </button>
        <button type="button" onClick={p.onGraph} aria-pressed={p.graphOpen} title={titled('Graph', 'graph')}>
          Graph
        </button>
        {p.extra}
        <SidebarToggle side="right" open={p.sidebars.right} onToggle={p.sidebars.toggleRight} />
      </div>
    </header>
  );
}
