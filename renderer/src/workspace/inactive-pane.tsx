/**
 * A pane that is not the active one shows its note tab read-only: the note's reading view (loaded
 * here, and re-read when the app's version bumps). Clicking into it makes it the active pane,
 * where the editor and the note actions live. Graph tabs are drawn by pane-graph.tsx.
 */
import type { PlexusApi } from '../../../main/contract/api-contract';
import { NoteView } from '../components/note-view';
import { useNoteData, visibleData } from '../hooks/use-note-data';
import type { View } from './layout-model';

interface Props {
  api: PlexusApi;
  view: View | null;
  version: number;
}

export function InactivePane({ api, view, version }: Props) {
  const path = view?.kind === 'note' ? view.route.path : null;
  const state = useNoteData(api, path, version);
  if (view === null) return <p className="muted pad">Empty tab.</p>;
  if (view.kind === 'graph') return null; // drawn by pane-graph.tsx
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
