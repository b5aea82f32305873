/**
 * Which of the cytoscape accelerations (cytoscape-internals/) are active on this graph, and why
 * one is off: after a cytoscape upgrade, or on a renderer without the canvas caches, the graph
 * still works but slower, and this says so instead of nothing.
 */
import type { Acceleration } from './cytoscape-internals';

export function AccelerationsSection({ list }: { list: Acceleration[] }) {
  return (
    <section aria-label="Accelerations">
      <h3>Accelerations</h3>
      {list.length === 0 ? (
        <p className="muted">No graph is open.</p>
      ) : (
        <ul className="graph-accelerations" data-testid="graph-accelerations">
          {list.map((a) => (
            <li key={a.name} data-active={a.active}>
              {a.name}: <strong>{a.active ? 'on' : 'off'}</strong>
              {!a.active && a.reason && <span className="muted"> — {a.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
