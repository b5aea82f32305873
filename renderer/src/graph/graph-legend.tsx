/**
 * Legend: the colour scheme's entries (folders or clusters) plus the shape key. It can be folded
 * to its title (it covers part of the graph in a small window); the choice is remembered.
 */
import { useEffect, useState } from 'react';
import type { ColourScheme } from './graph-colours';

const KEY = 'plexus.graphLegendOpen';

function initiallyOpen(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'false';
  } catch {
    return true; // storage unavailable: show it, as by default
  }
}

export function GraphLegend({ title, scheme, groups }: { title: string; scheme: ColourScheme; groups: { query: string; colour: string }[] }) {
  const [open, setOpen] = useState(initiallyOpen);
  useEffect(() => {
    try {
      window.localStorage.setItem(KEY, String(open));
    } catch {
      // Storage full or disabled: the choice holds for this session.
    }
  }, [open]);
  return (
    <aside className={`graph-legend${open ? '' : ' is-collapsed'}`} aria-label="Graph legend">
      <button
        type="button"
        className="graph-legend-toggle"
        aria-expanded={open}
        aria-label={open ? 'Collapse legend' : 'Expand legend'}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        <strong>{title}</strong>
      </button>
      {open && (
        <ul>
          {groups.map((g) => (
            <li key={`g:${g.query}`}>
              <span className="swatch" style={{ background: g.colour }} aria-hidden="true" />
              {g.query}
            </li>
          ))}
          {scheme.legend.map((e) => (
            <li key={e.key}>
              <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
              {e.label} <span className="muted">({e.count})</span>
            </li>
          ))}
          <li>
            <span className="swatch ghost" aria-hidden="true" />
            not created yet
          </li>
          <li>
            <span className="swatch square" aria-hidden="true" />
            attachment
          </li>
        </ul>
      )}
    </aside>
  );
}
