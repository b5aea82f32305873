/** The popover shown when hovering an internal link: the target's first ~40 lines (or its linked section), rendered. */
import { useEffect } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { useAsync } from '../hooks/use-async';
import type { PreviewRequest } from './note-context';
import { RenderScopeContext } from './note-context';
import { MarkdownView } from './markdown-view';

interface Props {
  api: PlexusApi;
  request: PreviewRequest;
  onEnter(): void;
  onLeave(): void;
  /** Escape closes it at once. */
  onClose(): void;
}

const PREVIEW_LINES = 40;
const WIDTH = 420;

export function HoverPreview({ api, request, onEnter, onLeave, onClose }: Props) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const note = useAsync(() => api.readNote(request.path), request.path);
  const left = Math.max(8, Math.min(request.rect.left, window.innerWidth - WIDTH - 8));
  const below = request.rect.bottom + 320 < window.innerHeight;
  const style = below ? { left, top: request.rect.bottom + 6 } : { left, bottom: window.innerHeight - request.rect.top + 6 };
  const section = request.heading || request.block ? { heading: request.heading, block: request.block } : undefined;
  return (
    <div className="hover-preview" role="tooltip" style={{ ...style, width: WIDTH }} onMouseEnter={onEnter} onMouseLeave={onLeave}>
      {note.status === 'pending' && <p className="muted">Loading…</p>}
      {note.status === 'error' && <p className="error-text">{note.message}</p>}
      {note.status === 'done' && !note.value.ok && <p className="error-text">{note.value.error.message}</p>}
      {note.status === 'done' && note.value.ok && (
        <RenderScopeContext.Provider value={{ sourcePath: request.path, ancestors: [request.path], preview: true }}>
          <MarkdownView markdown={note.value.value.content} maxLines={section ? undefined : PREVIEW_LINES} section={section} />
        </RenderScopeContext.Provider>
      )}
    </div>
  );
}
