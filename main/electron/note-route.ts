/**
 * The renderer keeps the open note in the URL hash (`#/note/<encodeURIComponent(path)>[#sub]`).
 * Main watches in-page navigations to remember the last note per vault and rebuilds the start
 * URL from it, without any extra IPC.
 */
import { APP_INDEX_URL } from './app-urls';

export function noteFromUrl(url: string): string | null {
  const hashAt = url.indexOf('#');
  if (hashAt < 0) return null;
  const body = url.slice(hashAt + 1);
  if (!body.startsWith('/note/')) return null;
  const rest = body.slice('/note/'.length);
  const end = rest.indexOf('#');
  try {
    const note = decodeURIComponent(end < 0 ? rest : rest.slice(0, end));
    return note === '' ? null : note;
  } catch {
    return null;
  }
}

export function startUrl(lastNote: string | null | undefined): string {
  return lastNote ? `${APP_INDEX_URL}#/note/${encodeURIComponent(lastNote)}` : APP_INDEX_URL;
}
