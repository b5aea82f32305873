/**
 * Bookmarkable addresses: `#/note/<URI-encoded vault path>` optionally followed by
 * `#<URI-encoded heading>` or `#^<block id>`. The path is encoded with encodeURIComponent, so a
 * '#' inside a file name cannot be confused with the subpath separator. The address bar is input:
 * its path goes through the guard like any other.
 */
import type { VaultPath } from '../../../main/core/types';
import { toVaultPath } from '../../../main/core/vault-path';

export interface NoteRoute {
  path: VaultPath;
  /** Heading text (`#Heading`), or null. */
  heading: string | null;
  /** Block id (`#^abc`), or null. */
  block: string | null;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    // Malformed percent escapes: the address is not ours; treat it as no route.
    return null;
  }
}

export function parseHash(hash: string): NoteRoute | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith('/note/')) return null;
  const rest = body.slice('/note/'.length);
  const sep = rest.indexOf('#');
  const decoded = safeDecode(sep < 0 ? rest : rest.slice(0, sep));
  if (!decoded) return null;
  // Not a vault path ('../x.md', 'a//b.md'): no note of ours, so no route either.
  const checked = toVaultPath(decoded);
  if (!checked.ok) return null;
  const path = checked.value;
  const sub = sep < 0 ? null : safeDecode(rest.slice(sep + 1));
  if (!sub) return { path, heading: null, block: null };
  if (sub.startsWith('^')) return { path, heading: null, block: sub.slice(1) || null };
  return { path, heading: sub, block: null };
}

/** An address for a route; a link's href may carry a target not yet resolved to a path. */
export function formatHash(route: Omit<NoteRoute, 'path'> & { path: string }): string {
  let hash = `#/note/${encodeURIComponent(route.path)}`;
  if (route.block) hash += `#^${encodeURIComponent(route.block)}`;
  else if (route.heading) hash += `#${encodeURIComponent(route.heading)}`;
  return hash;
}

export function noteHref(path: string, heading: string | null = null, block: string | null = null): string {
  return formatHash({ path, heading, block });
}
