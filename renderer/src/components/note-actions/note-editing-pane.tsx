/**
 * Edit mode's body: the CodeMirror editor, optionally beside the rendered note. The preview shows
 * what is saved (each save's text, see api/own-saves.ts), so it is also what links and
 * backlinks see; it scrolls with the editor, to the same source line (scroll-sync.ts).
 */
import { useCallback, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { PlexusApi } from '../../../../main/contract/api-contract';
import { NoteEditor, type RescueReport } from '../../editor';
import type { EditingMode } from '../../editor/editor-view-setup';
import type { NoteData } from '../../hooks/use-note-data';
import { MarkdownView } from '../markdown-view';
import { AppActionsContext, RenderScopeContext, useAppActions } from '../note-context';
import { syncPreview } from './scroll-sync';
import type { VaultPath } from '../../../../main/core/types';

interface Props {
  api: PlexusApi;
  path: VaultPath;
  mode: EditingMode;
  preview: boolean;
  data: NoteData | null;
  onOpenNoteInNewTab?(path: VaultPath, heading?: string): void;
  /** Focus the editor once it has loaded (a note just created or renamed, opened for typing). */
  autoFocus?: boolean;
  onOpenNote(path: VaultPath, heading?: string): void;
  onRescue(report: RescueReport): void;
}

export function NoteEditingPane({ api, path, mode, preview, data, autoFocus, onOpenNote, onOpenNoteInNewTab, onRescue }: Props) {
  const saved = data && data.path === path && data.note.ok ? data.note.value.content : null;
  const actions = useAppActions();
  // Live Preview's embeds, images, tables and math: the reading view's own MarkdownView in a
  // root of its own per widget, with the app's context (a new root does not inherit it).
  const renderMarkdown = useCallback(
    (container: HTMLElement, markdown: string) => {
      const root = createRoot(container);
      root.render(
        <AppActionsContext.Provider value={actions}>
          <RenderScopeContext.Provider value={{ sourcePath: path, ancestors: [path], preview: false }}>
            <MarkdownView markdown={markdown} />
          </RenderScopeContext.Provider>
        </AppActionsContext.Provider>,
      );
      // Unmounted after the editor's update, not inside it (React warns on a synchronous unmount during a render).
      return () => void queueMicrotask(() => root.unmount());
    },
    [actions, path],
  );
  const layout = useRef<HTMLDivElement>(null);
  const previewEl = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = layout.current;
    if (!preview || !el) return;
    let frame = 0;
    // Scroll events do not bubble: one capturing listener hears the editor's scroller.
    const onScroll = (event: Event) => {
      const scroller = event.target;
      if (!(scroller instanceof HTMLElement) || !scroller.classList.contains('cm-scroller')) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => previewEl.current && syncPreview(scroller, previewEl.current));
    };
    el.addEventListener('scroll', onScroll, true);
    return () => {
      el.removeEventListener('scroll', onScroll, true);
      cancelAnimationFrame(frame);
    };
  }, [preview]);
  return (
    <div ref={layout} className={`edit-layout${preview ? ' with-preview' : ''}`}>
      <NoteEditor
        api={api}
        path={path}
        mode={mode}
        autoFocus={autoFocus}
        onOpenNoteInNewTab={onOpenNoteInNewTab}
        renderMarkdown={renderMarkdown}
        onOpenNote={onOpenNote}
        onRescue={onRescue}
        onError={actions.reportError}
      />
      {preview && (
        <section ref={previewEl} className="edit-preview" aria-label="Preview">
          {saved === null ? (
            <p className="muted">Loading preview…</p>
          ) : (
            <RenderScopeContext.Provider value={{ sourcePath: path, ancestors: [path], preview: false }}>
              <MarkdownView markdown={saved} sourceLines />
            </RenderScopeContext.Provider>
          )}
        </section>
      )}
    </div>
  );
}
