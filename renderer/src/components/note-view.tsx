/**
 * The centre pane: the open note's title, properties and rendered body; scrolls to the route's
 * heading or block. In edit mode the app passes the editor, which replaces the rendered body.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { NoteRoute } from '../routing/hash-route';
import { subpathId } from '../markdown/slug';
import type { NoteData } from '../hooks/use-note-data';
import { RenderScopeContext } from './note-context';
import { MarkdownView } from './markdown-view';
import { PropertiesTable } from './properties-table';
import { startsWithTitle } from './title-heading';
import { useTabScroll } from './use-tab-scroll';

interface Props {
  route: NoteRoute | null;
  data: NoteData | null;
  loading: boolean;
  error: string | null;
  /** Buttons beside the title (edit, rename, delete). */
  actions?: ReactNode;
  /** Set in edit mode: shown instead of the rendered note. */
  editor?: ReactNode;
  /** False for a note shown in a pane that is not the active one: the page has one main landmark. */
  landmark?: boolean;
  /** Read-only (or disconnected): task checkboxes are shown but cannot be ticked. */
  readOnly?: boolean;
}

/**
 * Shown on a note the service indexed in safe mode (NoteMeta.safeMode): its full parse took too
 * long or crashed, so its body is shown as plain text too (rendering it could hang the window).
 */
function SafeModeNotice({ reason }: { reason: string }) {
  return (
    <div className="warning safe-mode-notice" role="note" aria-label="Parsed in safe mode">
      <strong>Parsed in safe mode.</strong> This note could not be parsed in full ({reason}). Plexus indexed it as plain text: its links, tags and headings were
      found by a simpler scan and its properties were not read, and it is shown here unformatted.
    </div>
  );
}

export function NoteView({ route, data, loading, error, actions, editor, landmark = true, readOnly }: Props) {
  // Typed as a div for JSX; a main element is an HTMLElement all the same for what is done with it.
  const ref = useRef<HTMLDivElement>(null);
  const content = data && data.note.ok ? data.note.value.content : null;
  const targetId = route ? subpathId(route.heading, route.block) : null;
  // Bumped when a long note draws the target after its first commit, so it is scrolled to then.
  const [targetDrawn, setTargetDrawn] = useState(0);
  const onTargetDrawn = useCallback(() => setTargetDrawn((n) => n + 1), []);

  useEffect(() => {
    if (!content || !ref.current) return;
    if (!targetId) return;
    const el = ref.current.querySelector<HTMLElement>(`[id="${CSS.escape(targetId)}"]`);
    if (!el) return;
    el.scrollIntoView?.({ block: 'start' });
    el.classList.add('is-target');
    const t = setTimeout(() => el.classList.remove('is-target'), 1500);
    return () => clearTimeout(t);
  }, [content, targetId, data?.path, targetDrawn]);

  // A new note starts at the top, or where its tab was in it before (unless the address names a heading).
  useTabScroll(ref, content === null ? null : (data?.path ?? null), targetId !== null, !editor);

  let body;
  if (error)
    body = (
      <p className="error-text" role="alert">
        Could not load the note: {error}
      </p>
    );
  else if (!route) body = <p className="muted">No note open. Press Ctrl+O to find one.</p>;
  // The editor loads the text itself, so it stays mounted while the note's data reloads.
  else if (editor) {
    const title = (data?.path === route.path && data.meta.ok ? data.meta.value.title : null) ?? route.path.replace(/\.md$/i, '').split('/').pop() ?? route.path;
    body = (
      <article className="note note-editing">
        <header className="note-header">
          <div className="note-header-row">
            <h1 className="note-title is-compact">{title}</h1>
            {actions}
          </div>
          <p className="note-path">{route.path}</p>
        </header>
        {editor}
      </article>
    );
  } else if (!data)
    body = (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  else if (!data.note.ok)
    body = (
      <p className="error-text" role="alert">
        {route.path}: {data.note.error.message}
      </p>
    );
  else {
    const meta = data.meta.ok ? data.meta.value : null;
    const title = meta?.title ?? route.path.replace(/\.md$/i, '').split('/').pop() ?? route.path;
    body = (
      <article className="note">
        <header className="note-header">
          {!startsWithTitle(data.note.value.content, title) && <h1 className="note-title">{title}</h1>}
          <div className="note-header-row">
            <p className="note-path">{data.path}</p>
            {actions}
          </div>
        </header>
        {data.note.value.decodeWarning && (
          <p className="warning" role="note">
            {data.note.value.decodeWarning}
          </p>
        )}
        {meta?.safeMode && <SafeModeNotice reason={meta.safeMode} />}
        {meta?.frontmatter && <PropertiesTable frontmatter={meta.frontmatter} sourcePath={data.path} />}
        {meta?.safeMode ? (
          <pre className="note-plain-text">{data.note.value.content}</pre>
        ) : (
          <RenderScopeContext.Provider value={{ sourcePath: data.path, ancestors: [data.path], preview: false }}>
            <MarkdownView
              markdown={data.note.value.content}
              targetId={targetId}
              onTargetDrawn={onTargetDrawn}
              tasks={readOnly ? undefined : { path: data.path, hash: data.note.value.hash }}
            />
          </RenderScopeContext.Provider>
        )}
      </article>
    );
  }
  const Tag = landmark ? 'main' : 'div';
  return (
    <Tag
      aria-label={landmark ? 'Note' : undefined}
      className={`note-pane${editor && route && !error ? ' is-editing' : ''}`}
      ref={ref}
      aria-busy={loading || undefined}
      tabIndex={-1}
    >
      {body}
    </Tag>
  );
}
