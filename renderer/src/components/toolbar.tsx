/** The top bar: sidebar toggles, history buttons, new note, the quick switcher and search entry points, and the graph toggle. */
import { SidebarToggle } from './sidebar-toggle';
import type { ReactNode } from 'react';

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

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function Toolbar(p: Props) {
  return (
    <header className="toolbar">
      <div className="toolbar-group">
        <SidebarToggle side="left" open={p.sidebars.left} onToggle={p.sidebars.toggleLeft} />
        <button type="button" className="icon-button" onClick={p.onBack} disabled={!p.canBack} aria-label="Back" title="Back (Alt+←)">←</button>
        <button type="button" className="icon-button" onClick={p.onForward} disabled={!p.canForward} aria-label="Forward" title="Forward (Alt+→)">→</button>
        <button type="button" onClick={p.onNewNote} disabled={p.readOnlyMessage !== null} title={p.readOnlyMessage ?? `New note (${mod}N)`}>New note</button>
      </div>
      <button type="button" className="switcher-button" onClick={p.onSwitcher} title={`Quick switcher (${mod}O)`}>
        <span className="switcher-button-text">{p.title || 'Open a note…'}</span>
        <kbd>{mod}O</kbd>
      </button>
      <div className="toolbar-group">
        <button type="button" onClick={p.onSearch} title={`Search (${mod}Shift+F)`}>Search</button>
        <button type="button" onClick={p.onGraph} aria-pressed={p.graphOpen} title={`Graph (${mod}G)`}>Graph</button>
        {p.extra}
        <SidebarToggle side="right" open={p.sidebars.right} onToggle={p.sidebars.toggleRight} />
      </div>
    </header>
  );
}
