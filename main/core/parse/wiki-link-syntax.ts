/**
 * The one definition of the wiki-link grammar: where `[[...]]` ends and what is inside it.
 * Shared by the indexer's scanners, the renderer's micromark extension, the editor's
 * link-under-the-cursor, the rename rewriter and the unlinked-mentions prose mask, so all of
 * them agree on every link.
 */

export interface WikiLinkParts {
  /** Path part before any '#', trimmed; '' for same-note links like `[[#Heading]]`. */
  target: string;
  /** Everything before the alias divider, trimmed, with a table's `\|` escape removed. */
  text: string;
  heading: string | null;
  block: string | null;
  alias: string | null;
}

const BACKSLASH = 92;
const PIPE = 124;
const HASH = 35;

/**
 * Where the target part of the inner text ends: at the first '#', at the alias divider '|', or
 * at the `\|` a table cell writes for it (the backslash is not part of the target). The target
 * is `inner.slice(0, end)` trimmed.
 */
export function wikiTargetEnd(inner: string): number {
  for (let i = 0; i < inner.length; i++) {
    const code = inner.charCodeAt(i);
    if (code === HASH || code === PIPE) return i;
    if (code === BACKSLASH && inner.charCodeAt(i + 1) === PIPE) return i;
  }
  return inner.length;
}

/** Splits the raw text between `[[` and `]]`: `Note#H1#H2|shown` -> target, heading 'H1#H2', alias. */
export function splitWikiLinkInner(inner: string): WikiLinkParts {
  const pipe = inner.indexOf('|');
  let linkPart = pipe < 0 ? inner : inner.slice(0, pipe);
  // Inside GFM table cells the divider must be written `\|`; the backslash is not part of the target.
  if (pipe > 0 && inner.charCodeAt(pipe - 1) === BACKSLASH) linkPart = linkPart.slice(0, -1);
  const aliasText = pipe < 0 ? '' : inner.slice(pipe + 1).trim();
  const text = linkPart.trim();
  const hash = text.indexOf('#');
  const target = inner.slice(0, wikiTargetEnd(inner)).trim();
  const subpath = hash < 0 ? '' : text.slice(hash + 1);
  let heading: string | null = null;
  let block: string | null = null;
  if (subpath.startsWith('^')) {
    block = subpath.slice(1).trim() || null;
  } else if (subpath !== '') {
    heading = subpath.split('#').map((part) => part.trim()).filter((part) => part !== '').join('#') || null;
  }
  return { target, text, heading, block, alias: aliasText === '' ? null : aliasText };
}

/**
 * Given `text[openAt] === '['` and `text[openAt + 1] === '['`, returns the index just past the
 * closing `]]`, or -1. The inner text may not contain `[`, a lone `]` or a line break, and must
 * hold something besides whitespace. Stopping at the first bracket keeps repeated attempts
 * linear on inputs like 100k `[[`.
 */
export function matchWikiLinkEnd(text: string, openAt: number, limit: number): number {
  let hasContent = false;
  for (let i = openAt + 2; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 93) {
      return hasContent && i + 1 < limit && text.charCodeAt(i + 1) === 93 ? i + 2 : -1;
    }
    if (code === 91 || code === 10 || code === 13) return -1;
    if (code !== 32 && code !== 9 && code !== PIPE) hasContent = true;
  }
  return -1;
}
