/**
 * matchObsidianMathEnd (the string form of Obsidian's math rule, used by the editor's Live
 * Preview) against the micromark construct the reading view and the reference parser use: for
 * each text, both find the same math span starting at the first `$`, or both find none.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { matchObsidianMathEnd, obsidianMathFromMarkdown, obsidianMathSyntax } from '../../../main/core/parse/reference/obsidian-math';

function micromarkSpan(text: string): [number, number] | null {
  const tree = fromMarkdown(text, { extensions: [obsidianMathSyntax], mdastExtensions: [obsidianMathFromMarkdown] });
  let found: [number, number] | null = null;
  const visit = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }): void => {
    if (found) return;
    if (node.type === 'obsidianMath' && node.position) found = [node.position.start.offset ?? -1, node.position.end.offset ?? -1];
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(tree as never);
  return found;
}

function stringSpan(text: string): [number, number] | null {
  const at = text.indexOf('$');
  const end = at < 0 ? -1 : matchObsidianMathEnd(text, at, text.length);
  return end < 0 ? null : [at, end];
}

test.each([
  'a $x$ b',
  '$x$',
  '$$x$$',
  'a $$x+y$$ b',
  '$5 and $10',
  '$ x$',
  '$x $',
  '$x\\$ y$',
  '$a$1$ b',
  '$a$$',
  '$$$x$$',
  '$$$$',
  '$$a$b$$',
  'one $a\nb$ two',
  '$$a\nb\n$$',
  'a $unclosed',
  '$x$y',
  '$$unclosed $',
])('%j', (text) => {
  expect(stringSpan(text)).toEqual(micromarkSpan(text));
});
