/**
 * A pane that is not the active one shows its tab read-only: the note's reading view (loaded
 * here, and re-read when the app's version bumps), or the graph. Clicking into it makes it the
 * active pane, where the editor and the note actions live. A linked local graph centres on its
 * linked pane's note and opens a clicked node there, as Obsidian's linked view.
 */
import type { PlexusApi } from '../../../main/contract/api-contract';
import { NoteView } from '../components/note-view';
import { GraphPane } from '../components/graph-pane';
import { useNoteData, visibleData } from '../hooks/use-note-data';
import { activatePane, closeActiveTab, openInActive, type Layout, type View } from './layout-model';
import { linkedNotePath, shownTabOf } from './linked-graph';

interface Props {
  api: PlexusApi;
  view: View | null;
  /** The note under a graph view, for the graph to centre on. */
  contextPath: string | null;
  version: number;
  onOpenNote(path: string): void;
  /** The pane this is, in its layout. */
  pane: { layout: Layout; id: string; update(f: (l: Layout) => Layout): void };
}

export function InactivePane({ api, view, contextPath, version, onOpenNote, pane }: Props) {
  const path = view?.kind === 'note' ? view.route.path : null;
  const state = useNoteData(api, path, version);
  if (view === null) return <p className="muted pad">Empty tab.</p>;
  if (view.kind === 'graph') {
    const tab = shownTabOf(pane.layout, pane.id);
    const linked = tab?.linkedPane;
    const open = (p: string) =>
      linked ? pane.update((l) => openInActive(activatePane(l, linked), { kind: 'note', route: { path: p, heading: null, block: null } })) : onOpenNote(p);
    return (
      <GraphPane
        api={api}
        currentPath={linkedNotePath(pane.layout, tab) ?? contextPath}
        mode={view.local === null ? undefined : 'local'}
        onOpenNote={open}
        onClose={() => pane.update((l) => closeActiveTab(activatePane(l, pane.id)))}
      />
    );
  }
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
