/**
 * Markdown -> sanitized hast. remark-parse + gfm + frontmatter + our links plugin + math (and
 * remark-breaks unless strict line breaks are on), then Obsidian's comments, highlights and
 * inline footnotes on the mdast; remark-rehype with handlers for wiki links and math, the note's own HTML through rehype-raw
 * and an allow-list (raw-html.ts), rehype-sanitize (strict schema), and only then KaTeX, callouts, rehype-highlight and our id
 * pass, so their classes and ids are ours, not the note's.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import type { Handler, State } from 'mdast-util-to-hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeRaw from 'rehype-raw';
import rehypeHighlight from 'rehype-highlight';
import remarkBreaks from 'remark-breaks';
import type { Root as MdRoot } from 'mdast';
import type { Root as HastRoot, Element, ElementContent } from 'hast';
import { remarkPlexusLinks } from './links-plugin';
import { sanitizeSchema } from './sanitize-schema';
import { markTags } from './tags';
import { plainTextHast } from './plain-fallback';
import { renderRefusal } from '../../../main/core/parse/render-guard/render-refusal';
import { addElementIds, liftEmbeds, selectSection, type Section } from './transforms';
import { readWikiLink, type WikiLinkNode } from './wiki-link-node';
import { wikiLinkLabel } from '../../../main/core/parse/wiki-link-syntax';
import { renderCallouts } from './callouts';
import { eachElement, SKIP_CHILDREN } from './each-element';
import { VFile } from 'vfile';
import { obsidianInline, stripComments } from './obsidian-inline';
import { markTaskLines } from './task-lines';
import { markSourceLines } from './source-lines';
import { markMermaidBlocks } from './mermaid-blocks';
import { htmlRanges, restrictUserHtml } from './raw-html';
import { obsidianMathHandler, rehypeObsidianMath, remarkObsidianMath } from './math';

/**
 * rehype-highlight on the code blocks only: it walks the whole tree for `pre > code`, so it is
 * given a root of the tree's `pre` elements (each whole, as found, never inside KaTeX's output)
 * and changes them where they are.
 */
let highlighter: ReturnType<typeof rehypeHighlight> | null = null;

function rehypeHighlightCodeBlocks() {
  // One for all renders: making it registers highlight.js's ~40 languages, which took longer than
  // highlighting a typical note.
  const highlight = (highlighter ??= rehypeHighlight({ detect: false }));
  return (tree: HastRoot, file: VFile) => {
    const blocks: Element[] = [];
    eachElement(tree, (el) => {
      if (el.tagName !== 'pre') return;
      blocks.push(el);
      return SKIP_CHILDREN;
    });
    if (blocks.length > 0) highlight({ type: 'root', children: blocks }, file);
  };
}

function linkProps(link: ReturnType<typeof readWikiLink>): Record<string, string> {
  const props: Record<string, string> = { dataTarget: link.target };
  if (link.heading) props.dataHeading = link.heading;
  if (link.block) props.dataBlock = link.block;
  if (link.alias) props.dataAlias = link.alias;
  return props;
}

const wikiLinkHandler: Handler = (_state: State, node): Element => {
  const link = readWikiLink(node as WikiLinkNode);
  const label: ElementContent[] = [{ type: 'text', value: wikiLinkLabel(link) }];
  if (link.embed) {
    const blockLevel = (node as WikiLinkNode).data?.block_level === true;
    return { type: 'element', tagName: blockLevel ? 'div' : 'span', properties: { className: ['plexus-embed'], ...linkProps(link) }, children: label };
  }
  return { type: 'element', tagName: 'a', properties: { className: ['internal-link'], href: '', ...linkProps(link) }, children: label };
};

export interface RenderOptions {
  /** Restrict to a heading's section or a block (embeds). */
  section?: Section;
  /** Keep only the first N lines of the body (hover previews). */
  maxLines?: number;
  /** Obsidian's "strict line breaks": a single newline is a space, not a line break (default false). */
  strictLineBreaks?: boolean;
  /** Mark blocks with the line they start on (`data-source-line`), for the editor's scroll sync. */
  sourceLines?: boolean;
  /** Lines of the note before this text (a chunk of a long note): added to the task checkboxes' and source lines. */
  lineOffset?: number;
}

export interface RenderResult {
  hast: HastRoot;
  /** False when a requested section was not found. */
  sectionFound: boolean;
}

function stripFrontmatter(markdown: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(markdown);
  return m ? markdown.slice(m[0].length) : markdown;
}

export function markdownToHast(markdown: string, options: RenderOptions = {}): RenderResult {
  let source = markdown;
  if (options.maxLines !== undefined) source = stripFrontmatter(markdown).split(/\r?\n/).slice(0, options.maxLines).join('\n');
  const refused = renderRefusal(source);
  if (refused) return { hast: plainTextHast(source, refused), sectionFound: true };
  try {
    return renderMarkdown(source, options);
  } catch (error) {
    // Deep markup the guard did not foresee (e.g. nested HTML-looking text): text, not a crash.
    if (error instanceof RangeError) return { hast: plainTextHast(source, 'it is nested too deeply'), sectionFound: true };
    throw error;
  }
}

/** What one render hands the shared processors' transforms (they are built once, not per text). */
interface RunData {
  source: string;
  ranges: ReturnType<typeof htmlRanges>;
  lineOffset: number;
}

const runData = (file: VFile): RunData => {
  const data = file.data.plexus as RunData | undefined;
  if (!data) throw new Error('pipeline: a transform ran without its render data');
  return data;
};

function buildParser(strictLineBreaks: boolean) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkPlexusLinks)
    .use(remarkObsidianMath)
    .use(strictLineBreaks ? [] : [remarkBreaks])
    .freeze();
}

function buildToHast(rawHtml: boolean, sourceLines: boolean) {
  return (
    unified()
      // No clobber prefix here: sanitize adds `user-content-` to every id once (footnotes included).
      .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '', handlers: { wikiLink: wikiLinkHandler, obsidianMath: obsidianMathHandler } })
      // The note's HTML, parsed (only when it has any: rehype-raw re-parses the whole tree).
      .use(
        rawHtml
          ? [
              rehypeRaw,
              () => (tree: HastRoot, file: VFile) => {
                const { source, ranges } = runData(file);
                restrictUserHtml(tree, source, ranges);
              },
            ]
          : [],
      )
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeObsidianMath)
      .use(() => renderCallouts)
      .use(() => markMermaidBlocks)
      .use(rehypeHighlightCodeBlocks)
      .use(() => addElementIds)
      .use(() => (tree: HastRoot, file: VFile) => markTaskLines(tree, runData(file).lineOffset))
      .use(sourceLines ? [() => (tree: HastRoot, file: VFile) => markSourceLines(tree, runData(file).lineOffset)] : [])
      .use(() => markTags)
      .freeze()
  );
}

/**
 * The processors, built once per setting: building one runs every plugin's setup (the syntax
 * extensions, the sanitizer's schema, KaTeX's options), which a long note drawn in chunks
 * otherwise paid once per chunk.
 */
const parsers = new Map<boolean, ReturnType<typeof buildParser>>();
const toHastProcessors = new Map<string, ReturnType<typeof buildToHast>>();

function parserFor(strictLineBreaks: boolean): ReturnType<typeof buildParser> {
  let parser = parsers.get(strictLineBreaks);
  if (!parser) parsers.set(strictLineBreaks, (parser = buildParser(strictLineBreaks)));
  return parser;
}

function toHastFor(rawHtml: boolean, sourceLines: boolean): ReturnType<typeof buildToHast> {
  const key = `${rawHtml}/${sourceLines}`;
  let processor = toHastProcessors.get(key);
  if (!processor) toHastProcessors.set(key, (processor = buildToHast(rawHtml, sourceLines)));
  return processor;
}

function renderMarkdown(source: string, options: RenderOptions): RenderResult {
  const parser = parserFor(options.strictLineBreaks === true);
  const mdast = parser.runSync(parser.parse(source)) as MdRoot;
  stripComments(mdast);
  obsidianInline(mdast);
  liftEmbeds(mdast);
  const sectionFound = options.section ? selectSection(mdast, options.section) : true;
  const ranges = htmlRanges(mdast);
  const file = new VFile();
  file.data.plexus = { source, ranges, lineOffset: options.lineOffset ?? 0 } satisfies RunData;
  const hast = toHastFor(ranges.length > 0, options.sourceLines === true).runSync(mdast as never, file) as HastRoot;
  return { hast, sectionFound };
}
