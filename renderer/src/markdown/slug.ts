/** Heading and block element ids. Headings are linked by text (`[[Note#My Heading]]`), so the id is derived from the text. */

export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, '-');
}

/** Prefixed so that no note can produce an id that clobbers a DOM global (`window.name`, etc.). */
export function headingId(text: string): string {
  return `h-${slugify(text)}`;
}

export function blockId(id: string): string {
  return `block-${id}`;
}

/** Element id for a route subpath: nested headings `A#B` target the last one. */
export function subpathId(heading: string | null, block: string | null): string | null {
  if (block) return blockId(block);
  if (heading) return headingId(heading.split('#').pop() ?? heading);
  return null;
}
