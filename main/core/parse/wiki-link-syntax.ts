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
/**
 * What a link shows: its alias, else `Note`, `Note › Heading` (nested headings `A › B`),
 * `Note › ^block`, or just the heading or block for same-note links. The one rule for the
 * reading view and Live Preview.
 */
export function wikiLinkLabel(link: Pick<WikiLinkParts, 'target' | 'heading' | 'block' | 'alias'>): string {
  if (link.alias) return link.alias;
  const sub = link.heading ? link.heading.split('#').join(' › ') : link.block ? `^${link.block}` : null;
  if (!link.target) return sub ?? '';
  return sub ? `${link.target} › ${sub}` : link.target;
}

const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;

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
    heading =
      subpath
        .split('#')
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .join('#') || null;
  }
  return { target, text, heading, block, alias: aliasText === '' ? null : aliasText };
}

/**
 * Where a wiki link ends, one character at a time, so the index's scanners (matchWikiLinkEnd)
 * and the renderer's micromark guard (remark-plexus-links.ts) run the very same rule. After
 * `[[`: no `[` or line break inside; the first `]` must be followed by a second; the text before
 * the first `|` must hold something besides blanks, and so must the text after it when there is
 * one (`[[|x]]` and `[[x|]]` are not links: remark-wiki-link, which draws the page, reads them so).
 */
export class WikiLinkEndScan {
  private seenPipe = false;
  private targetContent = false;
  private aliasContent = false;

  /** Feeds one UTF-16 code unit of the inner text; 'close' at a `]`, 'fail' when no link can end here. */
  step(code: number): 'more' | 'close' | 'fail' {
    if (code === RIGHT_BRACKET) return this.targetContent && (!this.seenPipe || this.aliasContent) ? 'close' : 'fail';
    if (code === LEFT_BRACKET || code === 10 || code === 13) return 'fail';
    if (code === 32 || code === 9) return 'more';
    if (code === PIPE && !this.seenPipe) this.seenPipe = true;
    else if (this.seenPipe) this.aliasContent = true;
    else this.targetContent = true;
    return 'more';
  }
}

/**
 * Given `text[openAt] === '['` and `text[openAt + 1] === '['`, returns the index just past the
 * closing `]]`, or -1 (the rule is WikiLinkEndScan's). Stopping at the first bracket keeps
 * repeated attempts linear on inputs like 100k `[[`.
 */
export function matchWikiLinkEnd(text: string, openAt: number, limit: number): number {
  const scan = new WikiLinkEndScan();
  for (let i = openAt + 2; i < limit; i++) {
    const step = scan.step(text.charCodeAt(i));
    if (step === 'fail') return -1;
    if (step === 'close') return i + 1 < limit && text.charCodeAt(i + 1) === RIGHT_BRACKET ? i + 2 : -1;
  }
  return -1;
}
