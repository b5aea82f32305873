/**
 * Attachment embeds other than images, and Obsidian's image sizes:
 *  - `![[img.png|100]]`, `![[img.png|100x80]]`, `![alt|100](pic.png)`: width (and height);
 *  - `![[file.pdf]]`, `![[file.pdf#page=3]]`: the browser's PDF viewer in a frame of a blob of
 *    type application/pdf (the CSP's frame-src allows blob: only), as the attachment viewer;
 *  - `![[song.mp3]]`, `![[clip.mp4]]`: audio and video with controls, from blob: URLs.
 * The bytes come from readAttachment through useAttachment, which also revokes the blob URLs.
 */
import { useState } from 'react';
import { useAttachment } from './attachment/use-attachment';
import { fileName } from './attachment/attachment-kind';
import { useAppActions } from './note-context';
import type { VaultPath } from '../../../main/core/types';

export type MediaKind = 'pdf' | 'audio' | 'video';

const AUDIO = /\.(mp3|wav|m4a|ogg|oga|flac|webm|3gp)$/i;
const VIDEO = /\.(mp4|webm|ogv|mov|mkv)$/i;

export function mediaKind(path: VaultPath): MediaKind | null {
  if (/\.pdf$/i.test(path)) return 'pdf';
  // Obsidian treats .webm as video, as do we.
  if (VIDEO.test(path)) return 'video';
  if (AUDIO.test(path)) return 'audio';
  return null;
}

export interface ImageSize {
  width: number;
  height: number | null;
}

/**
 * The size at the end of an embed's alias or an image's alt: `100`, `100x80`, or `alt|100`.
 * Returns the text left for the alt and the size, or no size when the last part is not one.
 */
export function splitImageSize(text: string | null | undefined): { alt: string; size: ImageSize | null } {
  const value = text ?? '';
  const bar = value.lastIndexOf('|');
  const last = (bar < 0 ? value : value.slice(bar + 1)).trim();
  const m = /^(\d{1,5})(?:x(\d{1,5}))?$/.exec(last);
  if (!m) return { alt: value, size: null };
  return { alt: bar < 0 ? '' : value.slice(0, bar).trim(), size: { width: Number(m[1]), height: m[2] ? Number(m[2]) : null } };
}

/** `page=3` (the embed's "heading") as the PDF viewer's fragment. */
function pdfFragment(subpath: string | null): string {
  const m = subpath ? /^page=(\d{1,6})$/.exec(subpath.trim()) : null;
  return m ? `#page=${m[1]}` : '';
}

export function MediaEmbed({ path, kind, subpath }: { path: VaultPath; kind: MediaKind; subpath: string | null }) {
  const { api } = useAppActions();
  const state = useAttachment(api, path, '');
  const [unplayable, setUnplayable] = useState(false);
  const name = fileName(path);
  if (state.status === 'loading')
    return (
      <div className="embed embed-media" aria-busy="true">
        {name}
      </div>
    );
  if (state.status === 'error')
    return (
      <div className="embed embed-error" role="note">
        Embed failed: {path}: {state.message}
      </div>
    );
  if (state.view !== kind)
    return (
      <div className="embed embed-error" role="note">
        Embed failed: {path} is not {kind === 'audio' ? 'audio' : `a ${kind}`} ({state.mime}).
      </div>
    );
  if (kind === 'pdf') {
    return (
      <div className="embed embed-media embed-pdf-wrap">
        <iframe className="embed-pdf" src={`${state.blobUrl}${pdfFragment(subpath)}`} title={`PDF: ${name}`} />
      </div>
    );
  }
  const Media = kind;
  return (
    <div className="embed embed-media">
      <Media className={`embed-${kind}`} controls preload="metadata" src={state.blobUrl} aria-label={name} onError={() => setUnplayable(true)} />
      {unplayable && (
        <p className="error-text" role="alert">
          This {kind} cannot be played here ({state.mime}).
        </p>
      )}
    </div>
  );
}
