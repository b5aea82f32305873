/**
 * `remarkPlexusLinks`: Obsidian's `[[...]]` and `![[...]]` as `wikiLink` mdast nodes with
 * `data: { target, heading, block, alias, embed }`, for the renderer and the reference parser.
 *
 * remark-wiki-link (with `aliasDivider: '|'`) tokenizes `[[...]]`; this plugin adds what it
 * cannot do, around it rather than instead of it:
 *  - a guard in front of its tokenizer that runs the index's rule for where a link ends
 *    (WikiLinkEndScan, wiki-link-syntax.ts), so the page draws exactly the links the index holds.
 *    Its own rule allows `[` inside and rescans to the end of the line from every `[[`, which is
 *    quadratic on a line of unclosed brackets; the guard stops at the first `[`, and the
 *    tokenizer only runs where a link certainly ends;
 *  - embeds: `!` followed by its tokenizer (else the image construct takes `![` first);
 *  - subpaths: its `value` keeps `#heading` and `#^block`, so the parts are split from the text
 *    between the brackets by splitWikiLinkInner, as the index does. Its page-name fields
 *    (permalink, hName, hProperties) are dropped: resolution is the vault's, not a permalink list.
 */
import type { Data, Literal, Parent } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Handle, Token } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension as SyntaxExtension, State, TokenizeContext } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkWikiLink from 'remark-wiki-link';
import { unified, type Processor } from 'unified';
import { splitWikiLinkInner, WikiLinkEndScan } from './wiki-link-syntax';

export interface WikiLinkData extends Data {
  target: string;
  heading: string | null;
  block: string | null;
  alias: string | null;
  embed: boolean;
}

/** `value` is the text as written between the brackets, e.g. 'Note#H|x'. */
export interface WikiLink extends Literal {
  type: 'wikiLink';
  data: WikiLinkData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    plexusWikiLinkCheck: 'plexusWikiLinkCheck';
    plexusWikiEmbed: 'plexusWikiEmbed';
    plexusWikiEmbedMarker: 'plexusWikiEmbedMarker';
  }
}

/** What remark-wiki-link adds to a processor's data (its plugin pushes one of each). */
interface WikiLinkPluginData {
  micromarkExtensions: SyntaxExtension[];
  fromMarkdownExtensions: FromMarkdownExtension[];
}

const EXCLAMATION = 33;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;

/** micromark's codes as the characters of the source: tabs and their virtual spaces are blanks, line endings breaks. */
function sourceCode(code: number): number {
  if (code === -2 || code === -1) return 9;
  return code < -2 ? 10 : code;
}

/** Succeeds on `[[inner]]` exactly when matchWikiLinkEnd would (used through effects.check: nothing is kept). */
function tokenizeWikiLinkEnd(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const scan = new WikiLinkEndScan();
  let opened = 0;
  return start;

  function start(code: Code): State | undefined {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.enter('plexusWikiLinkCheck');
    return open(code);
  }
  function open(code: Code): State | undefined {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    return ++opened === 2 ? inside : open;
  }
  function inside(code: Code): State | undefined {
    if (code === null) return nok(code);
    const step = scan.step(sourceCode(code));
    if (step === 'fail') return nok(code);
    effects.consume(code);
    return step === 'close' ? closing : inside;
  }
  function closing(code: Code): State | undefined {
    if (code !== RIGHT_BRACKET) return nok(code);
    effects.consume(code);
    effects.exit('plexusWikiLinkCheck');
    return ok;
  }
}

const wikiLinkEnd: Construct = { name: 'plexusWikiLinkEnd', tokenize: tokenizeWikiLinkEnd, partial: true };

/** remark-wiki-link's construct, run only where the index's rule finds a link. */
function guarded(library: Construct): Construct {
  return {
    name: 'plexusWikiLink',
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      const tokenizeLibrary = library.tokenize.call(this, effects, ok, nok);
      return (code) => effects.check(wikiLinkEnd, tokenizeLibrary, nok)(code);
    },
  };
}

/** `!` and then a (guarded) wiki link: an embed. */
function embedOf(link: Construct): Construct {
  return {
    name: 'plexusWikiEmbed',
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      return start;
      function start(code: Code): State | undefined {
        if (code !== EXCLAMATION) return nok(code);
        effects.enter('plexusWikiEmbed');
        effects.enter('plexusWikiEmbedMarker');
        effects.consume(code);
        effects.exit('plexusWikiEmbedMarker');
        return effects.attempt(link, after, nok);
      }
      function after(code: Code): State | undefined {
        effects.exit('plexusWikiEmbed');
        return ok(code);
      }
    },
  };
}

/** The parts of a finished link, from the text between its brackets (the index's split). */
function finishLink(node: WikiLink, raw: string): void {
  const inner = raw.slice(2, -2);
  const { target, heading, block, alias } = splitWikiLinkInner(inner);
  node.value = inner;
  node.data = { target, heading, block, alias, embed: false };
}

function fromMarkdownAround(library: FromMarkdownExtension): FromMarkdownExtension {
  const exitLibrary = library.exit?.wikiLink;
  if (!exitLibrary) throw new Error('remark-wiki-link: no exit handler for wikiLink tokens');
  return {
    exit: {
      wikiLink(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as WikiLink;
        exitLibrary.call(this, token);
        finishLink(node, this.sliceSerialize(token));
      },
      // The `!` makes no node; the link it wraps is the parent's last child, and starts at the `!`.
      plexusWikiEmbed(this: CompileContext, token: Token) {
        const parent = this.stack[this.stack.length - 1] as Parent;
        const link = parent.children[parent.children.length - 1] as WikiLink;
        link.data.embed = true;
        if (link.position) link.position.start = { line: token.start.line, column: token.start.column, offset: token.start.offset };
      },
    } satisfies Record<string, Handle>,
  };
}

/** The unified plugin: `unified().use(remarkParse).use(remarkPlexusLinks)`. */
export function remarkPlexusLinks(this: Processor): undefined {
  const data = this.data() as Partial<WikiLinkPluginData>;
  const micromarkBefore = data.micromarkExtensions?.length ?? 0;
  const fromMarkdownBefore = data.fromMarkdownExtensions?.length ?? 0;
  (remarkWikiLink as (this: Processor, options: { aliasDivider: string }) => void).call(this, { aliasDivider: '|' });
  const micromark = data.micromarkExtensions ?? [];
  const fromMarkdown = data.fromMarkdownExtensions ?? [];
  if (micromark.length !== micromarkBefore + 1 || fromMarkdown.length !== fromMarkdownBefore + 1) {
    throw new Error('remark-wiki-link did not add one syntax and one mdast extension');
  }
  const library = micromark[micromarkBefore].text?.[LEFT_BRACKET];
  if (!library || Array.isArray(library)) throw new Error('remark-wiki-link: no construct for `[`');
  const link = guarded(library as Construct);
  // Extension constructs run before the built-in ones, so `![[` wins over the image syntax.
  micromark[micromarkBefore] = { text: { [LEFT_BRACKET]: link, [EXCLAMATION]: embedOf(link) } };
  fromMarkdown.push(fromMarkdownAround(fromMarkdown[fromMarkdownBefore]));
  return undefined;
}

/** The markdown processor the renderer builds on: GFM, YAML frontmatter and our wiki links. */
export function createMarkdownProcessor() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkPlexusLinks);
}
