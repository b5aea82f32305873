/**
 * `remarkPlexusLinks`: a micromark extension plus mdast handlers that turn `[[...]]` and
 * `![[...]]` into `wikiLink` nodes with `data: { target, heading, block, alias, embed }`, for the
 * renderer. It replaces remark-wiki-link's tokenizer because that one leaves `#heading` in the
 * target, cannot see `![[embed]]` (the image construct takes the `!`), and rescans to the end of
 * the line from every `[[`, which is quadratic on unclosed brackets. The inner-text rules are
 * shared with the indexer (wiki-link-syntax.ts), so both agree on what a link is.
 */
import type { Data, Literal } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension as SyntaxExtension, State, TokenizeContext } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { splitWikiLinkInner } from './wiki-link-syntax';

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
    plexusWikiLink: 'plexusWikiLink';
    plexusWikiLinkMarker: 'plexusWikiLinkMarker';
    plexusWikiLinkInner: 'plexusWikiLinkInner';
  }
}

const EXCLAMATION = 33;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;

function tokenizeWikiLink(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let hasContent = false;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('plexusWikiLink');
    effects.enter('plexusWikiLinkMarker');
    if (code === EXCLAMATION) {
      effects.consume(code);
      return firstBracket;
    }
    return firstBracket(code);
  }
  function firstBracket(code: Code): State | undefined {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    return secondBracket;
  }
  function secondBracket(code: Code): State | undefined {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    effects.exit('plexusWikiLinkMarker');
    effects.enter('plexusWikiLinkInner');
    return inside;
  }
  // Same rule as matchWikiLinkEnd: no '[' or line break inside, a lone ']' ends the attempt.
  function inside(code: Code): State | undefined {
    if (code === null || code === LEFT_BRACKET || code < -2) return nok(code);
    if (code === RIGHT_BRACKET) {
      if (!hasContent) return nok(code);
      effects.exit('plexusWikiLinkInner');
      effects.enter('plexusWikiLinkMarker');
      effects.consume(code);
      return closingBracket;
    }
    if (code !== 32 && code !== 124 && code !== -1 && code !== -2) hasContent = true;
    effects.consume(code);
    return inside;
  }
  function closingBracket(code: Code): State | undefined {
    if (code !== RIGHT_BRACKET) return nok(code);
    effects.consume(code);
    effects.exit('plexusWikiLinkMarker');
    effects.exit('plexusWikiLink');
    return ok;
  }
}

const wikiLinkConstruct: Construct = { name: 'plexusWikiLink', tokenize: tokenizeWikiLink };

/** Extension constructs run before the built-in ones, so `![[` wins over the image syntax. */
export const wikiLinkSyntax: SyntaxExtension = { text: { [EXCLAMATION]: wikiLinkConstruct, [LEFT_BRACKET]: wikiLinkConstruct } };

export const wikiLinkFromMarkdown: FromMarkdownExtension = {
  enter: {
    plexusWikiLink(this: CompileContext, token: Token) {
      const node: WikiLink = { type: 'wikiLink', value: '', data: { target: '', heading: null, block: null, alias: null, embed: false } };
      this.enter(node, token);
    },
  },
  exit: {
    plexusWikiLinkInner(this: CompileContext, token: Token) {
      const node = this.stack[this.stack.length - 1] as WikiLink;
      const inner = this.sliceSerialize(token);
      const { target, heading, block, alias } = splitWikiLinkInner(inner);
      node.value = inner;
      node.data = { ...node.data, target, heading, block, alias };
    },
    plexusWikiLink(this: CompileContext, token: Token) {
      const node = this.stack[this.stack.length - 1] as WikiLink;
      node.data.embed = this.sliceSerialize(token).charCodeAt(0) === EXCLAMATION;
      this.exit(token);
    },
  },
};

/** The unified plugin: `unified().use(remarkParse).use(remarkPlexusLinks)`. */
export function remarkPlexusLinks(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(wikiLinkSyntax);
  (data.fromMarkdownExtensions ??= []).push(wikiLinkFromMarkdown);
  return undefined;
}

/** The markdown processor the renderer builds on: GFM, YAML frontmatter and our wiki links. */
export function createMarkdownProcessor() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkPlexusLinks);
}
