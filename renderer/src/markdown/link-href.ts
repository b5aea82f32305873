/** Classifies an href that survived sanitizing: external (only http/https/mailto), in-note anchor, vault-relative, or blocked. */

export type HrefKind =
  | { kind: 'external'; url: string }
  | { kind: 'anchor'; id: string }
  | { kind: 'vault'; target: string; heading: string | null; block: string | null }
  | { kind: 'blocked' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export function classifyHref(href: string | undefined | null): HrefKind {
  if (!href) return { kind: 'blocked' };
  const scheme = SCHEME.exec(href);
  if (scheme) {
    const s = scheme[1].toLowerCase();
    return s === 'http' || s === 'https' || s === 'mailto' ? { kind: 'external', url: href } : { kind: 'blocked' };
  }
  if (href.startsWith('#')) return { kind: 'anchor', id: decodeSafe(href.slice(1)) };
  if (href.startsWith('//')) return { kind: 'blocked' };
  const hash = href.indexOf('#');
  const target = decodeSafe(hash < 0 ? href : href.slice(0, hash));
  const sub = hash < 0 ? '' : decodeSafe(href.slice(hash + 1));
  const block = sub.startsWith('^') ? sub.slice(1) || null : null;
  return { kind: 'vault', target, heading: !block && sub ? sub : null, block };
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|svg|bmp|avif)$/i;
export function isImagePath(path: string): boolean {
  return IMAGE_EXT.test(path);
}
