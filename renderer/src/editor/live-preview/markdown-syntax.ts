/**
 * The editor's markdown grammar: lezer's CommonMark with the GFM parts Obsidian has
 * (strikethrough, tables, task lists), plus Obsidian's own syntax as lezer extensions. Each
 * extension calls the definition the reading view and the indexer use, so the editor and the
 * page agree on what is a link, a tag, math or a highlight:
 *  - `[[...]]` and `![[...]]`: matchWikiLinkEnd (main/core/parse/wiki-link-syntax.ts);
 *  - `#tag`: readTagAt (main/core/parse/tags.ts), after a space or `(` as in the reading view;
 *  - `$math$`, `$$math$$`: matchObsidianMathEnd (the reference parser's math rule);
 *  - `$$` blocks on their own lines (blank lines inside allowed): remark-math's flow rule, which
 *    the reading view uses (math-block.ts);
 *  - `==highlight==`: highlightFlanks (renderer/src/markdown/obsidian-inline.ts);
 *  - frontmatter: FRONTMATTER_FENCE (main/core/parse/frontmatter.ts), only at the very start.
 */
import { commonmarkLanguage, markdown } from '@codemirror/lang-markdown';
import { Language, LanguageSupport } from '@codemirror/language';
import { Strikethrough, Table, TaskList, type MarkdownConfig, type MarkdownParser } from '@lezer/markdown';
import { tags as t } from '@lezer/highlight';
import { matchWikiLinkEnd } from '../../../../main/core/parse/wiki-link-syntax';
import { readTagAt } from '../../../../main/core/parse/tags';
import { matchObsidianMathEnd } from '../../../../main/core/parse/reference/obsidian-math';
import { FRONTMATTER_FENCE } from '../../../../main/core/parse/frontmatter-bounds';
import { highlightFlanks } from '../../markdown/obsidian-inline';
import { blockSpliceWrapper } from './block-splice-parse';
import { mathBlockParser } from './math-block';

const HighlightDelim = { resolve: 'Highlight', mark: 'HighlightMark' };

const obsidianSyntax: MarkdownConfig = {
  defineNodes: [
    { name: 'WikiLink', style: t.link },
    { name: 'Embed', style: t.link },
    { name: 'WikiLinkMark', style: t.processingInstruction },
    { name: 'Highlight', style: t.special(t.emphasis) },
    { name: 'HighlightMark', style: t.processingInstruction },
    { name: 'InlineMath', style: t.special(t.string) },
    { name: 'Tag', style: t.labelName },
    { name: 'Frontmatter', block: true, style: t.meta },
    { name: 'MathBlock', block: true, style: t.special(t.string) },
    { name: 'MathMark', style: t.processingInstruction },
  ],
  parseBlock: [
    {
      name: 'Frontmatter',
      // Only the note's first line can open it; without a closing fence it runs to the end
      // (the reading view would then show the lines as text: rare, and nothing is lost).
      parse(cx, line) {
        if (cx.lineStart !== 0 || !FRONTMATTER_FENCE.test(line.text)) return false;
        const start = cx.lineStart;
        let end = start + line.text.length;
        while (cx.nextLine()) {
          end = cx.lineStart + line.text.length;
          if (FRONTMATTER_FENCE.test(line.text)) {
            cx.nextLine();
            break;
          }
        }
        cx.addElement(cx.elt('Frontmatter', start, end));
        return true;
      },
      before: 'HorizontalRule',
    },
    mathBlockParser,
  ],
  parseInline: [
    {
      name: 'WikiLink',
      parse(cx, next, pos) {
        const embed = next === 33 && cx.char(pos + 1) === 91 && cx.char(pos + 2) === 91;
        if (!embed && !(next === 91 && cx.char(pos + 1) === 91)) return -1;
        const open = embed ? pos + 1 : pos;
        const end = matchWikiLinkEnd(cx.text, open - cx.offset, cx.end - cx.offset);
        if (end < 0) return -1;
        const to = end + cx.offset;
        return cx.addElement(cx.elt(embed ? 'Embed' : 'WikiLink', pos, to, [cx.elt('WikiLinkMark', pos, open + 2), cx.elt('WikiLinkMark', to - 2, to)]));
      },
      before: 'Link',
    },
    {
      name: 'InlineMath',
      parse(cx, next, pos) {
        if (next !== 36) return -1;
        const end = matchObsidianMathEnd(cx.text, pos - cx.offset, cx.end - cx.offset);
        return end < 0 ? -1 : cx.addElement(cx.elt('InlineMath', pos, end + cx.offset));
      },
      before: 'Escape',
    },
    {
      name: 'Tag',
      parse(cx, next, pos) {
        if (next !== 35) return -1;
        const before = pos === cx.offset ? ' ' : cx.slice(pos - 1, pos);
        if (!/[\s(]/.test(before)) return -1;
        const tag = readTagAt(cx.text, pos + 1 - cx.offset, cx.end - cx.offset);
        return tag ? cx.addElement(cx.elt('Tag', pos, pos + 1 + tag.length)) : -1;
      },
    },
    {
      name: 'Highlight',
      parse(cx, next, pos) {
        if (next !== 61 || cx.char(pos + 1) !== 61) return -1;
        const before = pos === cx.offset ? undefined : cx.slice(pos - 1, pos);
        const after = pos + 2 >= cx.end ? undefined : cx.slice(pos + 2, pos + 3);
        const { canOpen, canClose } = highlightFlanks(before, after);
        return cx.addDelimiter(HighlightDelim, pos, pos + 2, canOpen, canClose);
      },
      after: 'Emphasis',
    },
  ],
};

/** The markdown extensions, for a lezer parser of their own (tests, the bench). */
export const livePreviewSyntax = [Strikethrough, Table, TaskList, obsidianSyntax];

/**
 * CodeMirror's markdown language with the grammar above (source mode and Live Preview alike).
 * Its parser is wrapped, outside the nested HTML parse lang-markdown adds, so that a keystroke
 * reparses only the blocks around it (block-splice-parse.ts).
 */
export function obsidianMarkdown(): LanguageSupport {
  const support = markdown({ base: commonmarkLanguage, extensions: livePreviewSyntax, addKeymap: false });
  const parser: MarkdownParser = (support.language.parser as MarkdownParser).configure({
    wrap: blockSpliceWrapper((input, from, to) => parser.parse(input, [], [{ from, to }])),
  });
  return new LanguageSupport(new Language(support.language.data, parser, [], support.language.name), support.support);
}
