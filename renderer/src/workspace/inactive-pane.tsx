/**
 * A pane that is not the active one shows its tab read-only: the note's reading view (loaded
 * here, and re-read when the app's version bumps), or the graph. Clicking into it makes it the
 * active pane, where the editor and the note actions live.
 */
import type { PlexusApi } from '../../../main/contract/api-contract';
import { NoteView } from '../components/note-view';
import { GraphPane } from '../components/graph-pane';
import { useNoteData, visibleData } from '../hooks/use-note-data';
import type { View } from './layout-model';

interface Props {
  api: PlexusApi;
  view: View | null;
  /** The note under a graph view, for the graph to centre on. */
  contextPath: string | null;
  version: number;
  onOpenNote(path: string): void;
  onCloseGraph(): void;
}

export function InactivePane({ api, view, contextPath, version, onOpenNote, onCloseGraph }: Props) {
  const path = view?.kind === 'note' ? view.route.path : null;
  const state = useNoteData(api, path, version);
  if (view === null) return <p className="muted pad">Empty tab.</p>;
  if (view.kind === 'graph') return <GraphPane api={api} currentPath={contextPath} onOpenNote={onOpenNote} onClose={onCloseGraph} />;
  return (
    <NoteView
      route={view.route}
      data={visibleData(state, path)}
      loading={state.status === 'loading'}
      error={state.status === 'error' ? state.message : null}
      landmark={false}
    />
  );
}
