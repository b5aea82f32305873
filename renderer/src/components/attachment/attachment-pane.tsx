/**
 * The centre pane for a file that is not a note: a header with its name, folder, type and size,
 * then the file itself (see attachment-kind.ts), or a card when the app cannot show it. The
 * way out is "Open in default app" in the desktop app, a download link in browser mode.
 */
import { useState } from 'react';
import type { FileEntry, PlexusApi, VaultInfo } from '../../../../main/contract/api-contract';
import { fileName, formatSize, typeLabel } from './attachment-kind';
import { useAttachment, type AttachmentState } from './use-attachment';
import type { VaultPath } from '../../../../main/core/types';

interface Props {
  api: PlexusApi;
  path: VaultPath;
  /** The explorer's entry for the file (size, mtime); undefined until the file list is loaded. */
  entry: FileEntry | undefined;
  host: VaultInfo['host'] | null;
}

export function AttachmentPane({ api, path, entry, host }: Props) {
  const state = useAttachment(api, path, entry ? `${entry.size}:${entry.mtimeMs}` : '');
  const name = fileName(path);
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null;
  const mime = state.status === 'ready' ? state.mime : null;
  const size = state.status === 'ready' ? state.size : entry?.size;
  const facts = [folder, typeLabel(path, mime), size === undefined ? null : formatSize(size)].filter((f) => f !== null);
  const card = state.status === 'error' || (state.status === 'ready' && state.view === 'other');
  return (
    <main aria-label="Attachment" className="note-pane attachment-pane" tabIndex={-1}>
      <article className="attachment">
        <header className="note-header attachment-header">
          <div className="note-header-row">
            <h1 className="note-title is-compact">{name}</h1>
            {!card && <FileAction api={api} path={path} host={host} state={state} />}
          </div>
          <p className="note-path attachment-facts">{facts.join(' · ')}</p>
        </header>
        <AttachmentBody api={api} path={path} name={name} host={host} state={state} size={size} />
      </article>
    </main>
  );
}

function AttachmentBody({
  api,
  path,
  name,
  host,
  state,
  size,
}: {
  api: PlexusApi;
  path: VaultPath;
  name: string;
  host: Props['host'];
  state: AttachmentState;
  size: number | undefined;
}) {
  const [unplayable, setUnplayable] = useState<string | null>(null);
  if (state.status === 'loading')
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  if (state.status === 'error') {
    if (state.code !== 'too-large' && state.code !== 'io-error')
      return (
        <p className="error-text" role="alert">
          {path}: {state.message}
        </p>
      );
    return <FileCard api={api} path={path} name={name} host={host} state={state} size={size} message={state.message} />;
  }
  switch (state.view) {
    case 'image':
      // An <img>, also for SVG: a picture cannot run its scripts or follow its links.
      return (
        <div className="attachment-stage">
          <img className="attachment-image" src={state.imageUrl ?? undefined} alt={name} />
        </div>
      );
    case 'pdf':
      // Not sandboxed: Chromium refuses to show a PDF in any sandboxed frame. The frame gets a
      // blob of type application/pdf only, which the browser's own PDF viewer draws.
      return <iframe className="attachment-pdf" src={state.blobUrl} title={`PDF: ${name}`} />;
    case 'audio':
    case 'video': {
      const Media = state.view;
      return (
        <div className="attachment-stage">
          <Media className={`attachment-${state.view}`} controls preload="metadata" src={state.blobUrl} aria-label={name} onError={() => setUnplayable(path)} />
          {unplayable === path && (
            <p className="error-text" role="alert">
              This {state.view} cannot be played here ({state.mime}).
            </p>
          )}
        </div>
      );
    }
    default:
      return <FileCard api={api} path={path} name={name} host={host} state={state} size={size} message={null} />;
  }
}

function FileCard({
  api,
  path,
  name,
  host,
  state,
  size,
  message,
}: {
  api: PlexusApi;
  path: VaultPath;
  name: string;
  host: Props['host'];
  state: AttachmentState;
  size: number | undefined;
  message: string | null;
}) {
  return (
    <section className="attachment-card" aria-label={`File ${name}`}>
      <p className="attachment-card-name">{name}</p>
      <p className="attachment-card-size">{size === undefined ? 'Size unknown' : formatSize(size)}</p>
      <p className="muted">{message ?? 'Plexus cannot show this kind of file.'}</p>
      {/* Browser mode has nothing to download when the bytes were not sent. */}
      {state.status === 'error' && host !== 'electron' && <p className="muted">Open it from the vault’s folder on this computer.</p>}
      <FileAction api={api} path={path} host={host} state={state} />
    </section>
  );
}

/** "Open in default app" (desktop) or a download link for the bytes already loaded (browser). */
function FileAction({ api, path, host, state }: { api: PlexusApi; path: VaultPath; host: Props['host']; state: AttachmentState }) {
  const [problem, setProblem] = useState<{ path: VaultPath; message: string } | null>(null);
  if (host === 'electron') {
    const open = () => {
      setProblem(null);
      api.openAttachment(path).then(
        (result) => !result.ok && setProblem({ path, message: result.error.message }),
        (error: unknown) => setProblem({ path, message: error instanceof Error ? error.message : String(error) }),
      );
    };
    return (
      <div className="attachment-actions">
        <button type="button" onClick={open}>
          Open in default app
        </button>
        {problem?.path === path && (
          <p className="error-text" role="alert">
            {problem.message}
          </p>
        )}
      </div>
    );
  }
  if (host === 'browser' && state.status === 'ready') {
    return (
      <div className="attachment-actions">
        <a className="attachment-download" href={state.blobUrl} download={fileName(path)}>
          Download
        </a>
      </div>
    );
  }
  return null;
}
