/** Finding the link under a position in a line of markdown (for Ctrl/Cmd+click). */
export interface LinkAtPos {
  kind: 'wiki' | 'markdown';
  target: string;
  heading: string | null;
}

export function linkAt(line: string, offset: number): LinkAtPos | null {
  const wiki = /!?\[\[([^\]\n]+?)\]\]/g;
  for (let m = wiki.exec(line); m; m = wiki.exec(line)) {
    if (offset < m.index || offset > m.index + m[0].length) continue;
    const inner = m[1].split(/\\?\|/)[0];
    const hash = inner.indexOf('#');
    const target = (hash < 0 ? inner : inner.slice(0, hash)).trim();
    const sub = hash < 0 ? null : inner.slice(hash + 1);
    return { kind: 'wiki', target, heading: sub && !sub.startsWith('^') ? sub : null };
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
