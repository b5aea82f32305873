/**
 * The note's own HTML. rehype-raw parses it into elements, and this pass, before sanitize,
 * decides what of it renders: an explicit allow-list of tags Obsidian users rely on (details,
 * summary, kbd, sub, sup, mark, u, br, hr, div and span with classes, img with vault sources,
 * plus plain text formatting). Any other tag is shown as its literal tags, inert, around its
 * content (an unclosed `<section>` or `<svg>` swallows the rest of the note in the HTML parser,
 * and the markdown in there, links included, must still render), so nothing silently disappears; sanitize then removes handlers, styles and foreign schemes from
 * what is left. An element is the note's HTML when it starts inside one of the mdast's `html`
 * nodes (rehype-raw keeps source offsets), so the elements our own handlers made stay ours.
 *  - classes on div/span are kept with a `user-` prefix: the note cannot reach the app's CSS
 *    (`class="backdrop"` would be a full-window overlay) nor forge our link and embed elements;
 *  - links in HTML to vault files are not followed (`data-user-html`): the index, like
 *    Obsidian's, holds no HTML links, and the page draws no link the index does not hold;
 *    HTML images are marked the same way (they show, as in Obsidian, but are no graph edges).
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Root as MdRoot } from 'mdast';
import { visit } from 'unist-util-visit';

/** Tags the note's HTML may use; everything else is shown as text. */
export const USER_HTML_TAGS = new Set([
  'details',
  'summary',
  'kbd',
  'sub',
  'sup',
  'mark',
  'u',
  'br',
  'hr',
  'div',
  'span',
  'img',
  'b',
  'i',
  'em',
  'strong',
  's',
  'del',
  'ins',
  'small',
  'abbr',
  'p',
  'a',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'figure',
  'figcaption',
  'q',
  'cite',
  'var',
  'samp',
]);

const CLASSED = new Set(['div', 'span']);

/** Source ranges [start, end) of the mdast's raw HTML, sorted. */
export function htmlRanges(tree: MdRoot): [number, number][] {
  const ranges: [number, number][] = [];
  visit(tree, 'html', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) ranges.push([start, end]);
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

function inRanges(ranges: [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= offset) lo = mid + 1;
    else if (ranges[mid][0] > offset) hi = mid - 1;
    else return true;
  }
  return false;
}

function userClasses(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  return list
    .map(String)
    .filter((c) => /^[A-Za-z0-9_-]{1,64}$/.test(c))
    .map((c) => `user-${c}`);
}

/** Length of the start tag at the beginning of `raw`: up to the first `>` outside quotes. */
function startTagLength(raw: string): number {
  let quote = '';
  for (let i = 1; i < raw.length; i++) {
    const ch = raw[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return raw.length;
}

/** A disallowed element as inert text: its tags as written, its content in between. */
function literalTags(el: Element, source: string, start: number): ElementContent {
  const end = el.position?.end.offset ?? start;
  const raw = source.slice(start, Math.max(start, end));
  const open = raw.startsWith('<') ? raw.slice(0, startTagLength(raw)) : `<${el.tagName}>`;
  const close = new RegExp(`</${el.tagName}\\s*>$`, 'i').exec(raw)?.[0] ?? '';
  const children: ElementContent[] = [{ type: 'text', value: open }, ...el.children];
  if (close && raw.length > open.length) children.push({ type: 'text', value: close });
  return { type: 'element', tagName: 'span', properties: { className: ['raw-html'] }, children };
}

/** Narrows the note's HTML elements in place (see the file comment). */
export function restrictUserHtml(tree: Root, source: string, ranges: [number, number][]): void {
  if (ranges.length === 0) return;
  visit(tree, 'element', (el: Element, index, parent) => {
    const start = el.position?.start.offset;
    if (start === undefined || !inRanges(ranges, start) || !parent || index === undefined) return;
    if (!USER_HTML_TAGS.has(el.tagName)) {
      parent.children.splice(index, 1, literalTags(el, source, start));
      // Visit the replacement: its children may hold more of the note's HTML.
      return index;
    }
    const props: Element['properties'] = {};
    for (const [name, value] of Object.entries(el.properties ?? {})) {
      // Our link, embed, task and diagram markers are ours alone.
      if (name === 'className' || /^data[A-Z]/.test(name)) continue;
      props[name] = value;
    }
    if (CLASSED.has(el.tagName)) {
      const classes = userClasses(el.properties?.className);
      if (classes.length > 0) props.className = classes;
    }
    if (el.tagName === 'a' || el.tagName === 'img') props.dataUserHtml = '';
    el.properties = props;
    return undefined;
  });
}
