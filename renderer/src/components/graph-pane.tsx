/**
 * The Graph pane. The graph view itself is the graph engineer's component
 * (`../graph/graph-view`); until that module exists this region says so.
 */
import type { PlexusApi } from '../../../main/contract/api-contract';

interface Props {
  api: PlexusApi;
  currentPath: string | null;
  onOpenNote(path: string): void;
  onClose(): void;
}

export function GraphPane({ onClose }: Props) {
  return (
    <section aria-label="Graph" className="graph-pane">
      <div className="pane-header">
        <h2 className="panel-title">Graph</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close graph">✕</button>
      </div>
      <div className="graph-body">
        <p className="muted pad" role="status">Graph view loading…</p>
      </div>
    </section>
  );
}
