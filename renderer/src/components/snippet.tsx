/** Search snippets mark matches with U+E000 … U+E001; split on them and render text nodes, never HTML. */

export function splitSnippet(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let hit = false;
  let buf = '';
  for (const ch of snippet) {
    if (ch === '\uE000' || ch === '\uE001') {
      if (buf) parts.push({ text: buf, hit });
      buf = '';
      hit = ch === '\uE000';
    } else buf += ch;
  }
  if (buf) parts.push({ text: buf, hit });
  return parts;
}

export function Snippet({ snippet }: { snippet: string }) {
  return <>{splitSnippet(snippet).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
