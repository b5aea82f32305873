/** Graph settings popover: display and forces, which renderer runs and why, its accelerations, and the pinned-node count. */
import { useState } from 'react';
import type { GraphEngine } from './use-graph-engine';
import type { GraphSettings } from './graph-settings';
import { AccelerationsSection } from './accelerations-section';
import { ForcesSection } from './forces-section';

interface Props {
  engine: GraphEngine;
  settings: GraphSettings;
  updateSettings(change: (s: GraphSettings) => GraphSettings): void;
}

export function SettingsPanel({ engine, settings, updateSettings }: Props) {
  const [, force] = useState(0);
  const r = engine.renderer;
  const pinned = engine.pinnedCount();
  return (
    <div>
      <ForcesSection settings={settings} updateSettings={updateSettings} />
      <h3>Renderer</h3>
      <p data-testid="graph-renderer">
        {r.kind === 'webgl' ? 'WebGL' : 'Canvas'} — {r.reason}
      </p>
      <p className="muted">GPU: {r.glRenderer ?? 'unknown'}</p>
      <AccelerationsSection list={engine.accelerations()} />
      <h3>Animate</h3>
      <p className="muted">Grows the graph in the order its notes were created.</p>
      <button type="button" aria-pressed={engine.animating} onClick={() => void engine.toggleAnimation()}>
        {engine.animating ? 'Stop' : 'Animate'}
      </button>
      <h3>Layout</h3>
      <p>
        {pinned} pinned {pinned === 1 ? 'node' : 'nodes'} (drag a node to pin it).
      </p>
      <button
        type="button"
        disabled={pinned === 0}
        onClick={() => {
          engine.unpinAll();
          force((x) => x + 1);
        }}
      >
        Unpin all
      </button>
    </div>
  );
}
