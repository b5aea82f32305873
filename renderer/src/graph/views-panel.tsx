/** Saved views: name the current filters, groups, scope, depth and camera; switch back later. */
import { useState } from 'react';
import type { GraphFilters } from './graph-filters';
import type { GraphSettings, SavedView } from './graph-settings';
import type { GraphEngine } from './use-graph-engine';
import type { GraphMode } from './view-builder';

interface Props {
  engine: GraphEngine;
  settings: GraphSettings;
  updateSettings(change: (s: GraphSettings) => GraphSettings): void;
  view: { mode: GraphMode; depth: number; filters: GraphFilters };
  applyView(view: SavedView): void;
}

export function ViewsPanel({ engine, settings, updateSettings, view, applyView }: Props) {
  const [name, setName] = useState('');
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const saved: SavedView = {
      name: trimmed,
      ...view,
      colourBy: settings.colourBy,
      groups: settings.groups,
      camera: engine.controller.current?.camera() ?? null,
    };
    // Saving under an existing name replaces that view.
    updateSettings((s) => ({ ...s, views: [...s.views.filter((v) => v.name !== trimmed), saved] }));
    setName('');
  };
  return (
    <div>
      <ul aria-label="Saved views" style={{ listStyle: 'none', padding: 0 }}>
        {settings.views.length === 0 && <li className="muted">No saved views yet.</li>}
        {settings.views.map((v) => (
          <li key={v.name} className="row">
            <button type="button" className="link" style={{ flex: 1 }} onClick={() => applyView(v)}>
              {v.name}
            </button>
            <span className="muted">
              {v.mode}
              {v.mode === 'local' ? ` ${v.depth}` : ''}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete view ${v.name}`}
              onClick={() => updateSettings((s) => ({ ...s, views: s.views.filter((x) => x.name !== v.name) }))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <input
          type="text"
          aria-label="View name"
          placeholder="Name this view"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && save()}
        />
        <button type="button" onClick={save} disabled={!name.trim()}>
          Save
        </button>
      </div>
    </div>
  );
}
