/**
 * How the attachment viewer shows a file, from the MIME the service gives it: images as an
 * `<img>` (SVG too: never inline, so its scripts and links stay dead), PDFs in the browser's
 * viewer, audio and video with controls, anything else as a card with its size.
 */

export type AttachmentView = 'image' | 'pdf' | 'audio' | 'video' | 'other';

/** Notes are `.md` files (the service's rule); every other vault file is an attachment. */
export function isAttachmentPath(path: string): boolean {
  return !/\.md$/i.test(path);
}

export function viewFor(mime: string): AttachmentView {
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  return 'other';
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** "image/png", or for a type the service does not know, "XYZ file". */
export function typeLabel(path: string, mime: string | null): string {
  if (mime !== null && mime !== 'application/octet-stream') return mime;
  const name = fileName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(dot + 1).toUpperCase()} file` : 'file';
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * The bytes of a base64 data URL as a Blob of `type`. Built here rather than with fetch(dataUrl),
 * which the CSP's connect-src would refuse; the caller chooses the type, so a frame or media
 * element only ever gets the kind of content it was made for.
 */
export function dataUrlToBlob(dataUrl: string, type: string): Blob {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0 || !dataUrl.slice(0, comma).endsWith(';base64')) {
    throw new Error('not a base64 data URL');
  }
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
