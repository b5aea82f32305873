/**
 * The toolbar buttons that collapse and expand the side panes. Obsidian has no default shortcut
 * for these; Plexus uses Ctrl/Cmd+\ for the left and Ctrl/Cmd+Shift+\ for the right.
 */
const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function SidebarToggle({ side, open, onToggle }: { side: 'left' | 'right'; open: boolean; onToggle(): void }) {
  const label = `${open ? 'Collapse' : 'Expand'} ${side} sidebar`;
  const shortcut = side === 'left' ? `${mod}\\` : `${mod}Shift+\\`;
  // A window with one side filled in: the filled side is the sidebar, shown while it is open.
  // Drawn with CSS, not inline SVG: the app's own DOM holds no <svg>, so the hostile-note audits
  // can keep treating any <svg> in the page as a note's markup getting through.
  return (
    <button type="button" className="icon-button sidebar-toggle" aria-label={label} aria-expanded={open} title={`${label} (${shortcut})`} onClick={onToggle}>
      <span className={`sidebar-glyph is-${side}${open ? ' is-open' : ''}`} aria-hidden="true">
        <span className="sidebar-glyph-bar" />
      </span>
    </button>
  );
}
