/** The window's title: the shown note's title (or attachment's name), then "Plexus". */
import { useEffect } from 'react';
import { isAttachmentPath } from '../components/attachment/attachment-kind';
import type { NoteData } from './use-note-data';
import type { VaultPath } from '../../../main/core/types';

export function useDocumentTitle(data: NoteData | null, currentPath: VaultPath | null): void {
  useEffect(() => {
    const title = data?.meta.ok
      ? data.meta.value.title
      : currentPath !== null && isAttachmentPath(currentPath)
        ? currentPath.slice(currentPath.lastIndexOf('/') + 1)
        : null;
    document.title = title ? `${title} — Plexus` : 'Plexus';
  }, [data, currentPath]);
}
