/** Legend: the colour scheme's entries (folders or clusters) plus the shape key. */
import type { ColourScheme } from './graph-colours';

export function GraphLegend({ title, scheme, groups }: { title: string; scheme: ColourScheme; groups: { query: string; colour: string }[] }) {
  return (
    <aside className="graph-legend" aria-label="Graph legend">
      <strong>{title}</strong>
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
    </aside>
  );
}
