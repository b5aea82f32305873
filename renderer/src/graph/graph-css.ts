/** The graph view's styles, injected as a <style> element (the app's CSP allows inline styles). */
export const GRAPH_CSS = `
.graph-pane { display: flex; flex-direction: column; min-height: 0; height: 100%; }
.graph-body { position: relative; flex: 1; min-height: 0; display: flex; flex-direction: column; }
.graph-view { position: relative; flex: 1; min-height: 0; display: flex; flex-direction: column; }
.graph-toolbar { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; padding: 4px 8px 6px; border-bottom: 1px solid var(--border); font-size: 0.85rem; }
.graph-toolbar input[type="search"], .graph-toolbar input[type="text"] { width: 14rem; padding: 2px 6px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--text); }
.graph-toolbar label { display: inline-flex; gap: 4px; align-items: center; color: var(--muted); }
.graph-toolbar button, .graph-side button.link { cursor: pointer; }
.graph-toolbar .segmented { display: inline-flex; border: 1px solid var(--border); border-radius: 6px; overflow: hidden; }
.graph-toolbar .segmented button { border: none; padding: 2px 8px; background: var(--bg); color: var(--text); }
.graph-toolbar .segmented button[aria-pressed="true"] { background: var(--accent-soft); color: var(--accent); font-weight: 600; }
.graph-stage { position: relative; flex: 1; min-height: 0; }
.graph-canvas { position: absolute; inset: 0; }
.graph-building { position: absolute; left: 50%; top: 8px; transform: translateX(-50%); z-index: 5; background: var(--bg-soft); border: 1px solid var(--border); border-radius: 6px; padding: 4px 10px; font-size: 0.8rem; box-shadow: var(--shadow); pointer-events: none; }
.graph-notice { position: absolute; left: 8px; top: 8px; z-index: 4; background: var(--bg-soft); border: 1px solid var(--border); border-radius: 6px; padding: 4px 8px; font-size: 0.8rem; max-width: 60%; }
.graph-notice button { margin-left: 6px; }
.graph-error { color: var(--danger); background: var(--danger-soft); padding: 4px 8px; font-size: 0.85rem; }
.graph-legend { position: absolute; left: 8px; bottom: 8px; z-index: 4; background: color-mix(in srgb, var(--bg) 88%, transparent); border: 1px solid var(--border); border-radius: 6px; padding: 6px 8px; font-size: 0.78rem; max-height: 45%; overflow: auto; }
.graph-legend ul { list-style: none; margin: 0; padding: 0; }
.graph-legend li { display: flex; gap: 6px; align-items: center; }
.graph-legend .swatch { width: 10px; height: 10px; border-radius: 50%; display: inline-block; flex: none; }
.graph-legend .swatch.ghost { background: transparent; border: 1.5px dashed var(--muted); }
.graph-legend .swatch.square { border-radius: 2px; background: var(--muted); }
.graph-legend-toggle { display: flex; gap: 4px; align-items: center; border: none; background: none; padding: 0; color: var(--text); cursor: pointer; font: inherit; }
.graph-legend-toggle span { width: 10px; color: var(--muted); font-size: 10px; }
.graph-legend:not(.is-collapsed) .graph-legend-toggle { margin-bottom: 2px; }
.graph-side { position: absolute; right: 8px; top: 8px; z-index: 4; width: 17rem; max-height: calc(100% - 16px); overflow: auto; background: var(--bg); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); padding: 8px 10px; font-size: 0.85rem; }
.graph-side h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 8px 0 4px; }
.graph-side ol, .graph-side ul { margin: 0; padding-left: 1.2rem; }
.graph-side button.link { border: none; background: none; color: var(--accent); padding: 0; text-align: left; }
.graph-side input[type="text"] { width: 100%; box-sizing: border-box; margin: 2px 0; padding: 2px 6px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--text); }
.graph-side .row { display: flex; gap: 6px; align-items: center; margin: 3px 0; }
.graph-side .graph-slider { display: grid; grid-template-columns: 1fr 6.5rem 2.5rem; gap: 6px; align-items: center; margin: 2px 0; }
.graph-side .graph-slider input { width: 100%; }
.graph-side .graph-slider output { text-align: right; color: var(--muted); font-variant-numeric: tabular-nums; }
.graph-hover-label { position: absolute; left: 0; top: 0; z-index: 3; pointer-events: none; white-space: nowrap; font-size: 12px; padding: 1px 5px; border-radius: 4px; background: var(--bg); color: var(--text); border: 1px solid var(--border); }
.graph-progress { font-size: 0.8rem; color: var(--muted); }
`;
