/**
 * `#` completion: the vault's tags (nested ones by their full name, `a/b`), most used first, each
 * with its note count. It offers only where the index would read a tag: a `#` at the line's
 * start or after whitespace (so not `[[Note#`, a URL's `#` or a heading's `# `), outside code.
 */
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';
import type { PlexusApi } from '../../../main/contract/api-contract';

/** `#` then the tag characters typed so far (the index's tag body: letters, digits, `_`, `-`, `/`). */
const TAG_BEFORE = /(?:^|\s)#[\p{L}\p{N}\p{M}_\-/]*$/u;
const TAG_BODY = /^[\p{L}\p{N}\p{M}_\-/]*$/u;
/** Syntax nodes whose text is code, where a `#` is never a tag. */
const CODE_NODES = new Set(['InlineCode', 'CodeText', 'FencedCode', 'CodeBlock', 'CodeMark', 'CodeInfo']);

function inCode(context: CompletionContext): boolean {
  for (let node: SyntaxNode | null = syntaxTree(context.state).resolveInner(context.pos, -1); node; node = node.parent) {
    if (CODE_NODES.has(node.name)) return true;
  }
  return false;
}

export function tagCompletionSource(api: PlexusApi) {
  let tags: Promise<{ tag: string; count: number }[]> | null = null;
  const all = () => (tags ??= api.getTags());
  // Tags change as notes are written; the next `#` fetches afresh.
  const forget = () => {
    tags = null;
  };

  async function source(context: CompletionContext): Promise<CompletionResult | null> {
    const line = context.state.doc.lineAt(context.pos);
    const match = TAG_BEFORE.exec(line.text.slice(0, context.pos - line.from));
    if (!match) return null;
    // Inside `[[...` a `#` starts a heading, which the link completion offers.
    if (/\[\[[^\][\n]*$/.test(line.text.slice(0, context.pos - line.from))) return null;
    const typed = match[0].slice(match[0].indexOf('#') + 1);
    // A bare `#` while typing is most often a heading on its way: wait for the first tag character.
    if (typed === '' && !context.explicit) return null;
    if (inCode(context)) return null;
    const from = context.pos - typed.length;
    const counts = [...(await all())].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
    return {
      from,
      options: counts.map(({ tag, count }) => ({ label: tag, detail: count === 1 ? '1 note' : `${count} notes`, type: 'keyword', apply: tag })),
      validFor: TAG_BODY,
    };
  }

  return { source, forget };
}
