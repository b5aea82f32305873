/**
 * The toolbar buttons that collapse and expand the side panes. Obsidian has no default shortcut
 * for these; Plexus uses Ctrl/Cmd+\ for the left and Ctrl/Cmd+Shift+\ for the right.
 */
const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function SidebarToggle({ side, open, onToggle }: { side: 'left' | 'right'; open: boolean; onToggle(): void }) {
  const label = `${open ? 'Collapse' : 'Expand'} ${side} sidebar`;
  const shortcut = side === 'left' ? `${mod}\\` : `${mod}Shift+\\`;
  // A window with one side filled in: the filled side is the sidebar, shown while it is open.
  const barX = side === 'left' ? 2 : 10;
  return (
    <button type="button" className="icon-button sidebar-toggle" aria-label={label} aria-expanded={open} title={`${label} (${shortcut})`} onClick={onToggle}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" />
        <rect x={barX} y="3" width="4" height="10" fill="currentColor" opacity={open ? 0.85 : 0.2} />
      </svg>
    </button>
  );
}
