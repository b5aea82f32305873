import type { VaultPath } from '../../../main/core/types';
/**
 * Opening a search hit: find the hit's text in the rendered note, scroll it to the middle and
 * highlight it for a moment. The snippet is readable text, as the note renders, so it is looked
 * for in the blocks' text: the block holding the words around the match wins over an earlier
 * block that merely holds the matched word. The match itself gets a CSS highlight where the
 * browser has the Highlight API; its block gets the `search-reveal` class either way.
 */

export interface RevealRequest {
  path: VaultPath;
  snippet: string;
  match: string | null;
  /** 1-based line of the file the snippet comes from (a long note still drawing draws it first); null when unknown. */
  line: number | null;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, pre, dt, dd, figcaption';
const SHOW_MS = 2500;
const CONTEXT_CHARS = 24;

function normal(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The marked text with some words on either side, as plain text. */
function contextOf(snippet: string): string | null {
  const start = snippet.indexOf('\uE000');
  if (start < 0) return null;
  const end = snippet.indexOf('\uE001', start);
  const clean = (s: string) => s.replace(/[\uE000\uE001]/g, '').replace(/…/g, '');
  const before = clean(snippet.slice(0, start)).slice(-CONTEXT_CHARS);
  const after = clean(snippet.slice(end + 1)).slice(0, CONTEXT_CHARS);
  return normal(before + snippet.slice(start + 1, end) + after);
}

function findBlock(root: HTMLElement, needle: string): HTMLElement | null {
  const first = [...root.querySelectorAll<HTMLElement>(BLOCKS)].find((el) => normal(el.textContent ?? '').includes(needle));
  if (!first) return null;
  // The innermost block that still holds it (a paragraph inside a list item or quote).
  let best = first;
  for (let deeper = true; deeper;) {
    deeper = false;
    for (const child of best.querySelectorAll<HTMLElement>(BLOCKS)) {
      if (normal(child.textContent ?? '').includes(needle)) {
        best = child;
        deeper = true;
        break;
      }
    }
  }
  return best;
}

/** A Range over the first occurrence of `match` in `block`'s text, across text nodes, ignoring case. */
function rangeOf(block: HTMLElement, match: string): Range | null {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const nodes: { node: Text; start: number }[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n as Text, start: text.length });
    text += (n as Text).data;
  }
  const at = text.toLowerCase().indexOf(match.toLowerCase());
  if (at < 0) return null;
  const locate = (offset: number) => {
    let i = nodes.length - 1;
    while (i > 0 && nodes[i].start > offset) i--;
    return { node: nodes[i].node, offset: offset - nodes[i].start };
  };
  const start = locate(at);
  const end = locate(at + match.length);
  const range = block.ownerDocument.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

function highlights(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Ctor = (globalThis as { Highlight?: new (range: Range) => unknown }).Highlight;
  return css?.highlights && Ctor ? css.highlights : null;
}

let clearPrevious: (() => void) | null = null;

/** Reveals the request's match inside `root`; false when the text is not on screen (edit mode, changed note). */
export function revealMatch(root: HTMLElement, request: RevealRequest): boolean {
  clearPrevious?.();
  const body = root.querySelector<HTMLElement>('.markdown-body') ?? root;
  const context = contextOf(request.snippet);
  const match = request.match ?? null;
  const block = (context && findBlock(body, context)) || (match && findBlock(body, normal(match))) || null;
  if (!block) return false;
  block.scrollIntoView?.({ block: 'center' });
  block.classList.add('search-reveal');
  const registry = highlights();
  const range = match ? rangeOf(block, match) : null;
  if (registry && range) {
    const Ctor = (globalThis as unknown as { Highlight: new (range: Range) => unknown }).Highlight;
    registry.set('search-match', new Ctor(range));
  }
  const clear = () => {
    block.classList.remove('search-reveal');
    registry?.delete('search-match');
    clearTimeout(timer);
    if (clearPrevious === clear) clearPrevious = null;
  };
  const timer = setTimeout(clear, SHOW_MS);
  clearPrevious = clear;
  return true;
}
