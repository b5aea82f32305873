/**
 * micromark re-checks every open container (list item, block quote) on every line, so a note
 * nested thousands of levels deep takes minutes to parse, and deep trees overflow the stack in
 * the hast passes. Such a note is refused (render-refusal.ts).
 */

/** Deeper than any real outline (100+ levels of two-space lists), far shallower than an attack. */
export const MAX_CONTAINER_PREFIX = 256;

/** Indentation, `>` and list markers (a marker needs a following blank, so `-----` is not one). */
const PREFIX = /^(?:[ \t]|>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;

/** Why the note cannot be rendered as markdown, or null when it can. */
export function tooDeepReason(markdown: string): string | null {
  let start = 0;
  while (start < markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    // Only the first MAX+1 characters of a line matter; keeps the scan linear on huge lines.
    const head = markdown.slice(start, Math.min(end, start + MAX_CONTAINER_PREFIX + 1));
    if ((PREFIX.exec(head)?.[0].length ?? 0) > MAX_CONTAINER_PREFIX) return 'it is nested too deeply';
    start = end + 1;
  }
  return null;
}
