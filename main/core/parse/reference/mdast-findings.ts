/**
 * One walk over the mdast collecting what the index needs, in document order: headings, links
 * (wikiLink nodes, local link/image nodes and references to local definitions), and the text nodes that may hold tags and block
 * ids. Code, inline code, HTML, math and frontmatter nodes are opaque: nothing inside them counts.
 */
import type { Definition, Heading, Image, ImageReference, Link, LinkReference, Nodes, Root, Text } from 'mdast';
import type { HeadingInfo } from '../../types';
import { toLocalLinkTarget } from '../markdown-link-syntax';
import type { RawLink } from '../raw-link';
import type { WikiLink } from '../remark-plexus-links';
import { splitWikiLinkInner } from '../wiki-link-syntax';

/** A text node's source range; `containerStart` is where its paragraph, cell or heading begins. */
export interface TextSpan {
  start: number;
  end: number;
  inHeading: boolean;
  containerStart: number;
}

export interface MdastFindings {
  headings: { info: Omit<HeadingInfo, 'line'>; start: number }[];
  links: RawLink[];
  texts: TextSpan[];
}

const OPAQUE = new Set(['code', 'inlineCode', 'html', 'yaml', 'obsidianMath', 'definition']);

interface Pending {
  node: Nodes;
  inHeading: boolean;
  containerStart: number;
}

/** The file being parsed and how far the parsed string's offsets are shifted into it (a BOM). */
interface Source {
  text: string;
  shift: number;
}

function startOf(source: Source, node: Nodes): number {
  const offset = node.position?.start.offset;
  if (offset === undefined) throw new Error(`mdast node without a position: ${node.type}`);
  return offset + source.shift;
}

function endOf(source: Source, node: Nodes): number {
  const offset = node.position?.end.offset;
  if (offset === undefined) throw new Error(`mdast node without a position: ${node.type}`);
  return offset + source.shift;
}

/**
 * The heading's text as the scanner defines it: the raw source of its content (closing `#`s and
 * the setext underline excluded), each line trimmed, lines joined by one space.
 */
function headingText(source: Source, node: Heading): string {
  if (node.children.length === 0) return '';
  const raw = source.text.slice(startOf(source, node.children[0]), endOf(source, node.children[node.children.length - 1]));
  return raw
    .split('\n')
    .map((line) => line.trim())
    .join(' ')
    .trim();
}

/** Index of the `]` closing the image description opened at `open` (balanced, escapes skipped). */
function labelEnd(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 92) i++;
    else if (code === 91) depth++;
    else if (code === 93 && --depth === 0) return i;
  }
  throw new Error(`image without a closing bracket at offset ${open}`);
}

/** The label as written: a link's children's source, an image's description; trimmed, null when empty. */
function labelOf(source: Source, node: Link | Image | LinkReference | ImageReference): string | null {
  const { text } = source;
  let raw: string;
  if (node.type === 'image' || node.type === 'imageReference') {
    const open = startOf(source, node) + 1;
    raw = text.slice(open + 1, labelEnd(text, open, endOf(source, node)));
  } else {
    raw = node.children.length === 0 ? '' : text.slice(startOf(source, node.children[0]), endOf(source, node.children[node.children.length - 1]));
  }
  const label = raw.trim();
  return label === '' ? null : label;
}

function markdownLink(source: Source, node: Link | Image | LinkReference | ImageReference, url: string): RawLink | null {
  const local = toLocalLinkTarget(url);
  if (!local) return null;
  const embed = node.type === 'image' || node.type === 'imageReference';
  return {
    kind: 'markdown',
    embed,
    ...local,
    text: url,
    alias: labelOf(source, node),
    start: startOf(source, node),
    end: endOf(source, node),
    inFrontmatter: false,
  };
}

/**
 * Link reference definitions by identifier; the first of two with one identifier wins, as in
 * CommonMark and remark-rehype (micromark only makes a reference node for a defined label).
 */
function definitionsIn(tree: Root): Map<string, Definition> {
  const found = new Map<string, Definition>();
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop() as Nodes;
    if (node.type === 'definition') {
      if (!found.has(node.identifier)) found.set(node.identifier, node);
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
    }
  }
  return found;
}

function wikiLink(source: Source, node: WikiLink): RawLink {
  const { text } = splitWikiLinkInner(node.value);
  const { target, heading, block, alias, embed } = node.data;
  return { kind: 'wiki', embed, target, text, heading, block, alias, start: startOf(source, node), end: endOf(source, node), inFrontmatter: false };
}

/**
 * Walks `tree`, parsed from `text` starting at offset `shift` (past a BOM, which micromark does
 * not count). Offsets in the findings are offsets into `text`. Iterative, so 10k nested
 * blockquotes cannot overflow the stack.
 */
export function collectFindings(tree: Root, text: string, shift: number): MdastFindings {
  const source: Source = { text, shift };
  const findings: MdastFindings = { headings: [], links: [], texts: [] };
  // `[text][id]` links to the definition's URL, as the page does (remark-rehype).
  let definitions: Map<string, Definition> | null = null;
  const pending: Pending[] = [{ node: tree, inHeading: false, containerStart: 0 }];
  while (pending.length > 0) {
    const { node, inHeading, containerStart } = pending.pop() as Pending;
    if (OPAQUE.has(node.type)) continue;
    let childHeading = inHeading;
    let childContainer = containerStart;
    switch (node.type) {
      case 'heading':
        findings.headings.push({ info: { text: headingText(source, node), level: node.depth }, start: startOf(source, node) });
        childHeading = true;
        childContainer = node.children.length > 0 ? startOf(source, node.children[0]) : startOf(source, node);
        break;
      case 'paragraph':
      case 'tableCell':
        childContainer = startOf(source, node);
        break;
      case 'wikiLink':
        findings.links.push(wikiLink(source, node));
        continue;
      case 'link':
      case 'image': {
        const link = markdownLink(source, node, node.url);
        if (link) findings.links.push(link);
        break;
      }
      case 'linkReference':
      case 'imageReference': {
        const definition = (definitions ??= definitionsIn(tree)).get(node.identifier);
        const link = definition ? markdownLink(source, node, definition.url) : null;
        if (link) findings.links.push(link);
        break;
      }
      case 'text':
        findings.texts.push({ start: startOf(source, node as Text), end: endOf(source, node as Text), inHeading, containerStart });
        continue;
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i], inHeading: childHeading, containerStart: childContainer });
    }
  }
  return findings;
}
