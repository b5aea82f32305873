/**
 * Obsidian's graph settings as sliders: the forces (applied live: the layout runs again once a
 * slider rests) and the display (node size, link thickness, text fade threshold, arrows),
 * saved with the graph settings. Ranges and defaults: graph-forces.ts.
 */
import type { GraphSettings } from './graph-settings';
import { clampTo, DEFAULT_DISPLAY, DEFAULT_FORCES, DISPLAY_RANGES, FORCE_RANGES, type GraphDisplay, type GraphForces, type Range } from './graph-forces';

interface Props {
  settings: GraphSettings;
  updateSettings(change: (s: GraphSettings) => GraphSettings): void;
}

function Slider({ label, range, value, onChange }: { label: string; range: Range; value: number; onChange(v: number): void }) {
  return (
    <label className="graph-slider">
      <span>{label}</span>
      <input
        type="range"
        aria-label={label}
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        onChange={(e) => onChange(clampTo(range, Number(e.target.value)))}
      />
      <output>{Number(value.toFixed(2))}</output>
    </label>
  );
}

const FORCE_LABELS: Record<keyof GraphForces, string> = {
  centre: 'Centre force',
  repel: 'Repel force',
  linkForce: 'Link force',
  linkDistance: 'Link distance',
};
const DISPLAY_LABELS: Record<keyof typeof DISPLAY_RANGES, string> = { textFade: 'Text fade threshold', nodeSize: 'Node size', linkThickness: 'Link thickness' };

export function ForcesSection({ settings, updateSettings }: Props) {
  const setForce = (key: keyof GraphForces, v: number) => updateSettings((s) => ({ ...s, forces: { ...s.forces, [key]: v } }));
  const setDisplay = (change: Partial<GraphDisplay>) => updateSettings((s) => ({ ...s, display: { ...s.display, ...change } }));
  return (
    <>
      <section aria-label="Display">
        <h3>Display</h3>
        <label className="row">
          <input type="checkbox" checked={settings.display.arrows} onChange={(e) => setDisplay({ arrows: e.target.checked })} />
          Arrows
        </label>
        {(Object.keys(DISPLAY_RANGES) as (keyof typeof DISPLAY_RANGES)[]).map((key) => (
          <Slider key={key} label={DISPLAY_LABELS[key]} range={DISPLAY_RANGES[key]} value={settings.display[key]} onChange={(v) => setDisplay({ [key]: v })} />
        ))}
        <button type="button" onClick={() => updateSettings((s) => ({ ...s, display: DEFAULT_DISPLAY }))}>
          Reset display
        </button>
      </section>
      <section aria-label="Forces">
        <h3>Forces</h3>
        {(Object.keys(FORCE_RANGES) as (keyof GraphForces)[]).map((key) => (
          <Slider key={key} label={FORCE_LABELS[key]} range={FORCE_RANGES[key]} value={settings.forces[key]} onChange={(v) => setForce(key, v)} />
        ))}
        <button type="button" onClick={() => updateSettings((s) => ({ ...s, forces: DEFAULT_FORCES }))}>
          Reset forces
        </button>
      </section>
    </>
  );
}
