/**
 * Edit mode's body: the CodeMirror editor, optionally beside the rendered note. The preview shows
 * what is saved (the app re-reads the note after each save), so it is also what links and
 * backlinks see.
 */
import type { PlexusApi } from '../../../../main/contract/api-contract';
import { NoteEditor, type RescueReport } from '../../editor';
import type { NoteData } from '../../hooks/use-note-data';
import { MarkdownView } from '../markdown-view';
import { RenderScopeContext } from '../note-context';

interface Props {
  api: PlexusApi;
  path: string;
  preview: boolean;
  data: NoteData | null;
  /** Focus the editor once it has loaded (a note just created or renamed, opened for typing). */
  autoFocus?: boolean;
  onOpenNote(path: string, heading?: string): void;
  onSaved(): void;
  onRescue(report: RescueReport): void;
}

export function NoteEditingPane({ api, path, preview, data, autoFocus, onOpenNote, onSaved, onRescue }: Props) {
  const saved = data && data.path === path && data.note.ok ? data.note.value.content : null;
  return (
    <div className={`edit-layout${preview ? ' with-preview' : ''}`}>
      <NoteEditor api={api} path={path} autoFocus={autoFocus} onOpenNote={onOpenNote} onSaved={onSaved} onRescue={onRescue} />
      {preview && (
        <section className="edit-preview" aria-label="Preview">
          {saved === null ? (
            <p className="muted">Loading preview…</p>
          ) : (
            <RenderScopeContext.Provider value={{ sourcePath: path, ancestors: [path], preview: false }}>
              <MarkdownView markdown={saved} />
            </RenderScopeContext.Provider>
          )}
        </section>
      )}
    </div>
  );
}
