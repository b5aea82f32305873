/**
 * Keeping a file's conventions on save: its line endings (CRLF stays CRLF), whether it ends
 * with a newline, and a UTF-8 byte-order mark if it had one. The editor works in '\n' text; the
 * file keeps looking the way its author's tools wrote it.
 */
import { decodeUtf8 } from '../files/read-vault-file';

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const encoder = new TextEncoder();

export interface FileConventions {
  eol: '\n' | '\r\n';
  trailingNewline: boolean;
  bom: boolean;
}

export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The line ending of the first line break decides (mixed files are rare and were saved by one tool last). */
export function detectEol(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

export function conventionsOf(bytes: Uint8Array): FileConventions {
  const { text } = decodeUtf8(bytes);
  return { eol: detectEol(text), trailingNewline: /\n$/.test(text), bom: hasBom(bytes) };
}

/** Conventions for a brand-new file: whatever the given text already uses. */
export function conventionsOfText(text: string): FileConventions {
  return { eol: detectEol(text), trailingNewline: /\n$/.test(text), bom: false };
}

/** The bytes to write for `content` under the file's conventions. */
export function encodeNote(content: string, conventions: FileConventions): Uint8Array {
  let text = content.replace(/\r\n/g, '\n');
  const endsWithNewline = text.endsWith('\n');
  // An empty note stays empty: there is no last line to terminate.
  if (conventions.trailingNewline && !endsWithNewline && text !== '') text += '\n';
  if (!conventions.trailingNewline && endsWithNewline) text = text.slice(0, -1);
  if (conventions.eol === '\r\n') text = text.replace(/\n/g, '\r\n');
  const body = encoder.encode(text);
  if (!conventions.bom) return body;
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}

/** Re-encodes a rewritten text exactly (no convention changes): only the BOM is restored. */
export function encodeExact(text: string, bom: boolean): Uint8Array {
  const body = encoder.encode(text);
  if (!bom) return body;
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
