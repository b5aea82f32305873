/**
 * A mermaid diagram. The library (large) is loaded only when a note has a diagram, rendered with
 * mermaid's strict security level and without HTML labels, and its SVG shown as an <img> of a
 * data: URL: inside an image no script runs and no link can be followed, whatever the SVG holds,
 * and the page itself keeps no <svg>. Invalid diagrams show mermaid's message inline.
 */
import { useAsync } from '../hooks/use-async';
import { isDarkTheme, useDarkTheme } from '../settings/appearance';

type Mermaid = (typeof import('mermaid'))['default'];
let loading: Promise<Mermaid> | null = null;
/** mermaid keeps global configuration and measures in the page: one render at a time. */
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading;
}

/** The drawn size: mermaid writes `width="100%"` and a max-width in px; an <img> needs its own size. */
export function diagramWidth(svg: string): number | null {
  const max = /max-width:\s*([\d.]+)px/.exec(svg);
  if (max) return Math.ceil(Number(max[1]));
  const box = /viewBox="[\d.-]+\s+[\d.-]+\s+([\d.]+)\s+[\d.]+"/.exec(svg);
  return box ? Math.ceil(Number(box[1])) : null;
}

export function renderMermaid(source: string, dark = isDarkTheme()): Promise<string> {
  const run = queue.then(async () => {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      suppressErrorRendering: true,
      theme: dark ? 'dark' : 'default',
    });
    const { svg } = await mermaid.render(`plexus-mermaid-${++counter}`, source);
    return svg;
  });
  queue = run.catch(() => undefined);
  return run;
}

export function MermaidDiagram({ source }: { source: string }) {
  // The diagram is drawn in the theme's colours, so it is drawn again when the theme changes.
  const dark = useDarkTheme();
  const state = useAsync(() => renderMermaid(source, dark), `${dark ? 'dark' : 'light'}\n${source}`);
  if (state.status === 'pending') {
    return (
      <div className="mermaid-block is-pending" aria-busy="true">
        <pre>
          <code>{source}</code>
        </pre>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="mermaid-block is-error">
        <p className="mermaid-error error-text" role="note">
          This mermaid diagram could not be drawn: {state.message}
        </p>
        <pre>
          <code>{source}</code>
        </pre>
      </div>
    );
  }
  const width = diagramWidth(state.value);
  return (
    <div className="mermaid-block is-drawn">
      <img className="mermaid-diagram" alt="Mermaid diagram" width={width ?? undefined} src={`data:image/svg+xml,${encodeURIComponent(state.value)}`} />
    </div>
  );
}
