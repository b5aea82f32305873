/** The Graph pane: a landmark with a close button around the concept graph view. */
import type { PlexusApi } from '../../../main/contract/api-contract';
import { GraphView, type GraphViewProps } from '../graph/graph-view';
import type { VaultPath } from '../../../main/core/types';

interface Props {
  api: PlexusApi;
  currentPath: VaultPath | null;
  onOpenNote(path: VaultPath): void;
  onOpenNoteInNewTab?: GraphViewProps['onOpenNoteInNewTab'];
  onClose(): void;
  mode?: GraphViewProps['mode'];
}

export function GraphPane({ api, currentPath, onOpenNote, onOpenNoteInNewTab, onClose, mode }: Props) {
  return (
    <section aria-label="Graph" className="graph-pane">
      <div className="pane-header">
        <h2 className="panel-title">Graph</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close graph">
          ✕
        </button>
      </div>
      <div className="graph-body">
        <GraphView api={api} currentPath={currentPath} onOpenNote={onOpenNote} onOpenNoteInNewTab={onOpenNoteInNewTab} mode={mode} />
      </div>
    </section>
  );
}
