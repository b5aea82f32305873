/**
 * Loads an attachment for the viewer: readAttachment's data URL, and a blob: URL of the same
 * bytes for what cannot take a data URL (media, the PDF frame, the download link; the CSP allows
 * blob: there and nothing else). A blob URL is revoked once it is no longer shown (another
 * file, a newer version of this one, or the viewer closed), so nothing keeps the bytes alive.
 */
import { useEffect, useState } from 'react';
import type { ApiErrorCode, PlexusApi } from '../../../../main/contract/api-contract';
import { dataUrlToBlob, viewFor, type AttachmentView } from './attachment-kind';
import type { VaultPath } from '../../../../main/core/types';

export type AttachmentState =
  | { status: 'loading' }
  | { status: 'error'; code: ApiErrorCode | null; message: string }
  | { status: 'ready'; mime: string; view: AttachmentView; size: number; blobUrl: string; imageUrl: string | null };

/** The blob's type is chosen from the view, never passed through: a frame only ever gets a PDF. */
function blobType(view: AttachmentView, mime: string): string {
  if (view === 'pdf') return 'application/pdf';
  if (view === 'other') return 'application/octet-stream';
  return mime;
}

/**
 * `version` names the file's content (its size and mtime): when it changes the file is read
 * again and the old view stays until the new one is ready; a new `path` starts from 'loading'.
 */
export function useAttachment(api: PlexusApi, path: VaultPath, version: string): AttachmentState {
  const [state, setState] = useState<AttachmentState>({ status: 'loading' });
  useEffect(() => setState({ status: 'loading' }), [path]);
  useEffect(() => {
    let live = true;
    api.readAttachment(path).then(
      (result) => {
        if (!live) return;
        if (!result.ok) return setState({ status: 'error', code: result.error.code, message: result.error.message });
        const { mime, dataUrl } = result.value;
        const view = viewFor(mime);
        // Only image data URLs reach an <img>; the host's MIME must agree with the URL's.
        if (view === 'image' && !dataUrl.startsWith(`data:${mime};`)) return setState({ status: 'error', code: null, message: 'the file is not an image' });
        let blob: Blob;
        try {
          blob = dataUrlToBlob(dataUrl, blobType(view, mime));
        } catch (error) {
          return setState({ status: 'error', code: null, message: error instanceof Error ? error.message : String(error) });
        }
        setState({ status: 'ready', mime, view, size: blob.size, blobUrl: URL.createObjectURL(blob), imageUrl: view === 'image' ? dataUrl : null });
      },
      (error: unknown) => live && setState({ status: 'error', code: null, message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, path, version]);
  // Runs its cleanup after the next state is on screen (or on unmount).
  const shownUrl = state.status === 'ready' ? state.blobUrl : null;
  useEffect(() => (shownUrl === null ? undefined : () => URL.revokeObjectURL(shownUrl)), [shownUrl]);
  return state;
}
