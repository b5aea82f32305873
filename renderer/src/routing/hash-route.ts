/**
 * Bookmarkable addresses: `#/note/<URI-encoded vault path>` optionally followed by
 * `#<URI-encoded heading>` or `#^<block id>`. The path is encoded with encodeURIComponent, so a
 * '#' inside a file name cannot be confused with the subpath separator.
 */

export interface NoteRoute {
  path: string;
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
  const path = safeDecode(sep < 0 ? rest : rest.slice(0, sep));
  if (!path) return null;
  const sub = sep < 0 ? null : safeDecode(rest.slice(sep + 1));
  if (!sub) return { path, heading: null, block: null };
  if (sub.startsWith('^')) return { path, heading: null, block: sub.slice(1) || null };
  return { path, heading: sub, block: null };
}

export function formatHash(route: NoteRoute): string {
  let hash = `#/note/${encodeURIComponent(route.path)}`;
  if (route.block) hash += `#^${encodeURIComponent(route.block)}`;
  else if (route.heading) hash += `#${encodeURIComponent(route.heading)}`;
  return hash;
}

export function noteHref(path: string, heading: string | null = null, block: string | null = null): string {
  return formatHash({ path, heading, block });
}
