/**
 * Finding the link under a position in a line of markdown (for Ctrl/Cmd+click). Wiki links
 * follow the indexer's grammar (core/parse/wiki-link-syntax.ts), so a click opens exactly what
 * the index resolved.
 */
import { matchWikiLinkEnd, splitWikiLinkInner } from '../../../main/core/parse/wiki-link-syntax';

export interface LinkAtPos {
  kind: 'wiki' | 'markdown';
  target: string;
  heading: string | null;
}

export function linkAt(line: string, offset: number): LinkAtPos | null {
  for (let open = line.indexOf('[['); open !== -1;) {
    const end = matchWikiLinkEnd(line, open, line.length);
    if (end === -1) {
      open = line.indexOf('[[', open + 1);
      continue;
    }
    const start = open > 0 && line[open - 1] === '!' ? open - 1 : open;
    if (offset >= start && offset <= end) {
      const { target, heading } = splitWikiLinkInner(line.slice(open + 2, end - 2));
      return { kind: 'wiki', target, heading };
    }
    open = line.indexOf('[[', end);
  }
  const md = /!?\[[^\]\n]*\]\((<[^>\n]+>|[^)\s]+)(?:\s+"[^"\n]*")?\)/g;
  for (let m = md.exec(line); m; m = md.exec(line)) {
    if (offset < m.index || offset > m.index + m[0].length) continue;
    let dest = m[1].startsWith('<') ? m[1].slice(1, -1) : m[1];
    const hash = dest.indexOf('#');
    const heading = hash < 0 ? null : safeDecode(dest.slice(hash + 1));
    dest = hash < 0 ? dest : dest.slice(0, hash);
    return { kind: 'markdown', target: safeDecode(dest), heading };
  }
  return null;
}

/** Malformed %-escapes are shown as written rather than failing the click. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
