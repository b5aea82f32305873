/**
 * writeAttachment's bytes arrive as base64 (the one encoding the browser-mode JSON body and
 * Electron IPC both carry unchanged). Checked before decoding: the size cap from the text's
 * length alone, so an oversized upload is refused without allocating its bytes.
 */
import type { Result } from '../../contract/api-contract';
import { MAX_WRITE_ATTACHMENT_BYTES } from '../write/attachment-writer';
import { fail } from './vault-reads';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The base64 length of MAX_WRITE_ATTACHMENT_BYTES bytes. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_WRITE_ATTACHMENT_BYTES / 3) * 4;

export function decodeAttachment(base64: unknown, maxBytes = MAX_WRITE_ATTACHMENT_BYTES): Result<Uint8Array> {
  if (typeof base64 !== 'string') return fail('invalid-input', 'attachment bytes must be a base64 string');
  const decodedSize = Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  if (decodedSize > maxBytes)
    return fail('too-large', `attachments are limited to ${maxBytes / 1024 / 1024} MB; this one is ${(decodedSize / 1024 / 1024).toFixed(1)} MB`);
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) return fail('invalid-input', 'attachment bytes are not valid base64');
  return { ok: true, value: new Uint8Array(Buffer.from(base64, 'base64')) };
}
