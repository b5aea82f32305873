/**
 * Obsidian's inline math as a micromark text construct, so the reference parser treats `$x$` and
 * `$$x$$` as opaque the way Obsidian (and the scanner's skipMath) does. The renderer's stack has
 * no math plugin; without this the reference would report links and tags inside formulas that
 * Obsidian never indexes. Rules (Pandoc's, as in inline-scanner.ts): `$$` closes at the next
 * `$$`; a single `$` must be followed by a non-space, and closes at a `$` that follows a
 * non-space, non-backslash character and is not followed by a digit ("$5 and $10" is not math).
 * A `$$` display block is parsed as a paragraph whose text is one `$$...$$` span, which is the
 * same thing as long as the block holds no blank line (see docs/links.md).
 */
import type { Literal } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension as SyntaxExtension, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

export interface ObsidianMath extends Literal {
  type: 'obsidianMath';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    obsidianMath: ObsidianMath;
  }
  interface RootContentMap {
    obsidianMath: ObsidianMath;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    obsidianMath: 'obsidianMath';
    obsidianMathData: 'obsidianMathData';
  }
}

const DOLLAR = 36;
const BACKSLASH = 92;

/** Line endings and virtual spaces are negative codes; null is the end of the content. */
function isSpace(code: Code): boolean {
  return code === null || code < 0 || code === 32 || code === 0xfeff;
}

function isDigit(code: Code): boolean {
  return code !== null && code >= 48 && code <= 57;
}

function tokenizeMath(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let previous: Code = null;
  let inData = false;
  return start;

  /**
   * Like code spans, the math token holds only data and line-ending child tokens; consuming
   * codes (or line endings) directly into it breaks micromark's subtokenizer.
   */
  function consume(code: Code): void {
    if (code !== null && code < -2) {
      if (inData) effects.exit('obsidianMathData');
      inData = false;
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return;
    }
    if (!inData) effects.enter('obsidianMathData');
    inData = true;
    effects.consume(code);
  }
  function close(): void {
    if (inData) effects.exit('obsidianMathData');
    effects.exit('obsidianMath');
  }
  function start(code: Code): State | undefined {
    effects.enter('obsidianMath');
    consume(code);
    return afterOpening;
  }
  function afterOpening(code: Code): State | undefined {
    if (code === DOLLAR) {
      consume(code);
      return displayContent;
    }
    if (isSpace(code)) return nok(code);
    previous = code;
    consume(code);
    return inlineContent;
  }
  function displayContent(code: Code): State | undefined {
    if (code === null) return nok(code);
    consume(code);
    return code === DOLLAR ? displayMaybeClosing : displayContent;
  }
  function displayMaybeClosing(code: Code): State | undefined {
    if (code !== DOLLAR) return displayContent(code);
    consume(code);
    close();
    return ok;
  }
  function inlineContent(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (code === DOLLAR && !isSpace(previous) && previous !== BACKSLASH) {
      consume(code);
      return inlineMaybeClosed;
    }
    previous = code;
    consume(code);
    return inlineContent;
  }
  function inlineMaybeClosed(code: Code): State | undefined {
    if (isDigit(code)) {
      previous = DOLLAR;
      return inlineContent(code);
    }
    close();
    return ok(code);
  }
}

const mathConstruct: Construct = { name: 'obsidianMath', tokenize: tokenizeMath };

export const obsidianMathSyntax: SyntaxExtension = { text: { [DOLLAR]: mathConstruct } };

export const obsidianMathFromMarkdown: FromMarkdownExtension = {
  enter: {
    obsidianMath(this: CompileContext, token: Token) {
      const node: ObsidianMath = { type: 'obsidianMath', value: this.sliceSerialize(token) };
      this.enter(node, token);
    },
  },
  exit: {
    obsidianMath(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

/** `createMarkdownProcessor().use(remarkObsidianMath)`. */
export function remarkObsidianMath(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(obsidianMathSyntax);
  (data.fromMarkdownExtensions ??= []).push(obsidianMathFromMarkdown);
  return undefined;
}

function isSpaceChar(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff;
}

/**
 * The same rule as the construct above, over a string: given `text[at] === '$'`, the index just
 * past the math that starts there, or -1. For the editor's Live Preview, which parses with lezer
 * rather than micromark; tests/core/parse/obsidian-math-end.test.ts holds the two to agreement.
 */
export function matchObsidianMathEnd(text: string, at: number, limit: number): number {
  if (text.charCodeAt(at) !== DOLLAR) return -1;
  if (text.charCodeAt(at + 1) === DOLLAR) {
    for (let i = at + 2; i + 1 < limit; i++) if (text.charCodeAt(i) === DOLLAR && text.charCodeAt(i + 1) === DOLLAR) return i + 2;
    return -1;
  }
  if (at + 1 >= limit || isSpaceChar(text.charCodeAt(at + 1))) return -1;
  for (let i = at + 2; i < limit; i++) {
    if (text.charCodeAt(i) !== DOLLAR) continue;
    const previous = text.charCodeAt(i - 1);
    if (isSpaceChar(previous) || previous === BACKSLASH) continue;
    const after = i + 1 < limit ? text.charCodeAt(i + 1) : NaN;
    if (after >= 48 && after <= 57) continue;
    return i + 1;
  }
  return -1;
}
