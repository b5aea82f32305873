/**
 * A huge note's body for the search index, reduced to its distinct tokens, computed in slices
 * of a few milliseconds with a yield between them. The index only says which notes hold a token
 * (search narrows with it and then checks the note's text itself), so the distinct tokens give
 * the same answers as the whole body; and tokenizing and indexing 8 MB in one go held the event
 * loop for seconds, stalling every request and watcher batch behind it.
 */
import MiniSearch from 'minisearch';

/** minisearch's own tokenizer: the reduced body splits into exactly the tokens the body did. */
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Text per tokenize call; cut at a space or newline so no token is split between two slices. */
const SLICE_CHARS = 64 * 1024;
/** Longest stretch one reduction holds the event loop. */
const SLICE_MS = 8;

/** The end of the slice starting at `from`: the first space or newline at or after SLICE_CHARS, or the end. */
function sliceEnd(text: string, from: number): number {
  const target = from + SLICE_CHARS;
  if (target >= text.length) return text.length;
  const space = text.indexOf(' ', target);
  const newline = text.indexOf('\n', target);
  const cut = space === -1 ? newline : newline === -1 ? space : Math.min(space, newline);
  return cut === -1 ? text.length : cut;
}

/** `text`'s distinct tokens, one space between them. */
export async function distinctTerms(text: string): Promise<string> {
  const terms = new Set<string>();
  let from = 0;
  let yieldAt = performance.now() + SLICE_MS;
  while (from < text.length) {
    const end = sliceEnd(text, from);
    for (const token of tokenize(text.slice(from, end))) if (token !== '') terms.add(token);
    from = end;
    if (performance.now() >= yieldAt) {
      await new Promise((resolve) => setImmediate(resolve));
      yieldAt = performance.now() + SLICE_MS;
    }
  }
  return [...terms].join(' ');
}
