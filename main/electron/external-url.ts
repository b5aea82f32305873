/**
 * The allow-list for handing a URL to the operating system. Only web pages and mail drafts leave
 * the app: `file:`, `smb:`, `javascript:`, `ms-msdt:` and other handler schemes can run code or
 * leak credentials, so they are refused, as are URLs with embedded credentials (phishing).
 */
import type { Result } from '../contract/api-contract';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 8192;

export function checkExternalUrl(input: unknown): Result<string> {
  const refuse = (message: string): Result<string> => ({ ok: false, error: { code: 'invalid-input', message } });
  if (typeof input !== 'string') return refuse('URL must be a string');
  if (input.length > MAX_URL_LENGTH) return refuse('URL is too long');
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return refuse(`Not a URL: ${input.slice(0, 200)}`);
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return refuse(`Links with ${url.protocol} are not opened outside Plexus`);
  if (url.protocol !== 'mailto:') {
    if (url.hostname === '') return refuse('Web link without a host');
    if (url.username !== '' || url.password !== '') return refuse('Web links with embedded credentials are not opened');
  }
  return { ok: true, value: url.href };
}
