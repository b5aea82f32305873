/**
 * The note editor: CodeMirror over one note, autosaving ~1 s after typing stops, on blur and at
 * once on Ctrl/Cmd+S; outside changes go through the conflict state machine so nothing typed is
 * ever overwritten or written over an unseen version. Text a closed editor could not save is
 * rescued (see use-note-document.ts); when it is kept in the window, reopening the note offers it
 * back in a bar.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorView } from '@codemirror/view';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { isDisconnected } from '../api/connection-machine';
import { connectionOf } from '../api/connection-registry';
import { useOnReconnect } from '../hooks/use-connection';
import { ConflictBar, DeletedBar, DraftBar, EditorStatus, KeptTextBar } from './editor-bars';
import { createEditorState, editorExtensions, replaceQuietly, setEditingMode, type EditingMode } from './editor-view-setup';
import type { LivePreviewHost } from './live-preview/widgets';
import { linkAt } from './link-at-pos';
import { dropKeptText, useKeptText } from './kept-texts';
import { linkCompletionSource } from './link-completion';
import { tagCompletionSource } from './tag-completion';
import type { RescueReport } from './rescue-text';
import { useDrafts } from './use-drafts';
import { useNoteDocument, type TextPort } from './use-note-document';
import { attachmentDrops } from './attachment-drop';
import { trackActiveEditor } from './active-editor';
import { readingSettings } from '../settings/settings-store';
import { attachmentLocationOf } from '../settings/into-notes-fields';
import type { VaultPath } from '../../../main/core/types';

export interface NoteEditorProps {
  api: PlexusApi;
  path: VaultPath;
  onOpenNote(path: VaultPath, heading?: string): void;
  onSaved?(): void;
  /** Text this editor could not save when it closed went to a conflict copy, or is kept in the window. */
  onRescue?(report: RescueReport): void;
  /** Take the keyboard focus once the note has loaded (it was opened for typing). */
  autoFocus?: boolean;
  /** Live Preview or source mode (default source); switching keeps the editor and its history. */
  mode?: EditingMode;
  /** Ctrl/Cmd+click on a rendered link in Live Preview; without it the link opens in place. */
  onOpenNoteInNewTab?(path: VaultPath, heading?: string): void;
  /** Draws embeds, images, tables and math in Live Preview as the reading view does. */
  renderMarkdown?: LivePreviewHost['renderMarkdown'];
  /** A paste or drop that could not be saved (the vault is read-only, the file too large...). */
  onError?(message: string): void;
}

const plainText: LivePreviewHost['renderMarkdown'] = (container, markdown) => {
  container.textContent = markdown;
  return () => undefined;
};

/** The status line's reason while the browser-mode server is unreachable. */
export const SAVE_PAUSED_REASON = 'waiting for the connection to Plexus; your text is kept here';

/** Keyed by path so each note gets a fresh document, history and state machine. */
export function NoteEditor(props: NoteEditorProps) {
  return <NoteEditorFor key={props.path} {...props} />;
}

function NoteEditorFor({ api, path, onOpenNote, onSaved, onRescue, autoFocus, mode = 'source', onOpenNoteInNewTab, renderMarkdown, onError }: NoteEditorProps) {
  const hostEl = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const port = useMemo<TextPort | null>(
    () => (view ? { getText: () => view.state.doc.toString(), setText: (text) => replaceQuietly(view, text) } : null),
    [view],
  );
  const doc = useNoteDocument(api, path, port, {
    onSaved,
    onRescue,
    // Read live, not from React state: a save may fire between a drop and the next render.
    savePausedReason: () => {
      const status = connectionOf(api)?.state?.status;
      return status && isDisconnected(status) ? SAVE_PAUSED_REASON : null;
    },
  });
  useOnReconnect(api, () => doc.resync());
  const kept = useKeptText(path);
  const [draftError, setDraftError] = useState<string | null>(null);
  const drafts = useDrafts(api, path, doc, view, setDraftError);
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;
  const docRef = useRef(doc);
  docRef.current = doc;
  const openRef = useRef(onOpenNote);
  openRef.current = onOpenNote;
  const autoFocusRef = useRef(autoFocus);
  autoFocusRef.current = autoFocus;
  const newTabRef = useRef(onOpenNoteInNewTab);
  newTabRef.current = onOpenNoteInNewTab;
  const renderRef = useRef(renderMarkdown);
  renderRef.current = renderMarkdown;
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const errorRef = useRef(onError);
  errorRef.current = onError;
  // Read through refs, so the editor is built once per note and never for a new callback.
  const host = useMemo<LivePreviewHost>(
    () => ({
      openLink: (link, newTab) => {
        const open = (target: VaultPath, heading?: string) =>
          newTab && newTabRef.current ? newTabRef.current(target, heading) : openRef.current(target, heading);
        if ('url' in link) {
          if (/^(https?:|mailto:)/i.test(link.url)) return void api.openExternal(link.url);
          let target = link.url;
          try {
            target = decodeURI(link.url);
          } catch {
            // A malformed escape: the URL as written is the best guess at the note's name.
          }
          const hash = target.indexOf('#');
          const heading = hash >= 0 ? target.slice(hash + 1) : undefined;
          link = { target: hash >= 0 ? target.slice(0, hash) : target, heading: heading ?? null, block: null };
        }
        const heading = link.heading ?? undefined;
        if (link.target === '') return open(path, heading);
        void api.resolveLink(path, link.target).then((info) => {
          const target = info.resolved ?? info.createPath;
          if (target) open(target, heading);
        });
      },
      renderMarkdown: (container, markdown) => (renderRef.current ?? plainText)(container, markdown),
    }),
    [api, path],
  );
  const [mineForDiff, setMineForDiff] = useState('');

  // Build the view once the text has loaded.
  useEffect(() => {
    if (doc.initialText === null || !hostEl.current) return;
    const completions = [linkCompletionSource(api, () => path).source, tagCompletionSource(api).source];
    const follow = (pos: number): boolean => {
      const line = created.state.doc.lineAt(pos);
      const link = linkAt(line.text, pos - line.from);
      if (!link) return false;
      if (link.kind === 'markdown' && /^(https?:|mailto:)/i.test(link.target)) {
        void api.openExternal(link.target);
        return true;
      }
      if (link.target === '') {
        openRef.current(path, link.heading ?? undefined);
        return true;
      }
      void api.resolveLink(path, link.target).then((info) => {
        const target = info.resolved ?? info.createPath;
        if (target) openRef.current(target, link.heading ?? undefined);
      });
      return true;
    };
    const created = new EditorView({
      parent: hostEl.current,
      state: createEditorState(doc.initialText, [
        ...editorExtensions(
          {
            onEdit: () => {
              docRef.current.edited();
              draftsRef.current.touched();
            },
            onSave: () => docRef.current.saveNow(),
            onBlur: () => {
              if (docRef.current.state?.status === 'dirty') docRef.current.saveNow();
            },
            onFollowLink: follow,
          },
          completions,
          { mode: modeRef.current, host },
        ),
        attachmentDrops({
          api,
          notePath: () => path,
          location: () => attachmentLocationOf(readingSettings()),
          onError: (message) => (errorRef.current ?? console.error)(message),
        }),
        trackActiveEditor(() => path, autoFocusRef.current === true),
      ]),
    });
    setView(created);
    // The note loads after it was asked for: meanwhile a dialog (the switcher, a palette) may have
    // opened, and typing there must not land in this note.
    if (autoFocusRef.current && !document.activeElement?.closest('[role="dialog"]')) created.focus();
    return () => created.destroy();
  }, [api, path, doc.initialText, host]);

  useEffect(() => {
    if (view) setEditingMode(view, mode, host);
  }, [view, mode, host]);

  const status = doc.state?.status;
  useEffect(() => {
    if (status === 'conflict' && view) setMineForDiff(view.state.doc.toString());
  }, [status, view, doc.theirs]);

  // Restoring is an edit (not a reload): the text becomes unsaved in this editor and autosaves.
  const restoreKept = () => {
    if (!view || !kept) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: kept.text }, userEvent: 'input.paste' });
    dropKeptText(path);
  };

  if (doc.loadError !== null)
    return (
      <p className="error-text" role="alert">
        Could not open {path}: {doc.loadError}
      </p>
    );
  return (
    <div className="note-editor">
      {doc.state && <EditorStatus state={doc.state} onRetry={doc.saveNow} />}
      {status === 'conflict' && <ConflictBar theirs={doc.theirs} mine={mineForDiff} onResolve={doc.resolve} />}
      {status === 'deleted' && <DeletedBar onSave={doc.saveNow} />}
      {kept && view && <KeptTextBar kept={kept} onRestore={restoreKept} onDiscard={() => dropKeptText(path)} />}
      {/* Text kept in the window is this editor's buffer when it closed, newer than any draft of it: one offer, not two. */}
      {drafts.offer && view && !kept && <DraftBar savedAt={drafts.offer.draft.savedAt} onRestore={drafts.offer.restore} onDiscard={drafts.offer.discard} />}
      {draftError !== null && (
        <p className="error-text small" role="alert">
          {draftError}
        </p>
      )}
      {doc.state === null && (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      )}
      <div className="note-editor-host" ref={hostEl} data-testid="note-editor-host" data-mode={mode} />
    </div>
  );
}
