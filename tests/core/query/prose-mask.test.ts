import { parseNote } from '../../../main/core/parse/parse-note';
import { maskNonProse } from '../../../main/core/query/prose-mask';
import { vp } from '../../support/vault-path';

/** The prose left after masking, with runs of spaces collapsed, one entry per line. */
function prose(text: string): string[] {
  return maskNonProse(text)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim());
}

describe('maskNonProse', () => {
  test('keeps length and line breaks', () => {
    const text = '---\na: 1\n---\nx [[y]] `z`\r\n```\ncode\n```\nend';
    const masked = maskNonProse(text);
    expect(masked).toHaveLength(text.length);
    expect([...masked].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0)).toEqual(
      [...text].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0),
    );
  });

  test.each([
    ['frontmatter', '---\ntitle: Vectors\n---\nVectors here', ['', '', '', 'Vectors here']],
    ['unclosed frontmatter is prose', '---\nVectors', ['---', 'Vectors']],
    ['wiki links and embeds', 'a [[Vectors|v]] b ![[Vectors]] c', ['a b c']],
    ['markdown links and images', 'a [Vectors](x.md) b ![Vectors](v.png) c', ['a b c']],
    ['inline code, double backticks', 'a `Vectors` b ``x ` Vectors`` c', ['a b c']],
    ['unmatched backticks stay prose', 'a ` Vectors', ['a ` Vectors']],
    ['fenced code', 'a\n```js\nVectors\n```\nb', ['a', '', '', '', 'b']],
    ['tilde fence closes only with tildes', '~~~\n```\nVectors\n~~~\nb', ['', '', '', '', 'b']],
    ['math block', '$$\nVectors\n$$\nb', ['', '', '', 'b']],
    ['indented code after a blank line', 'a\n\n    Vectors\nb', ['a', '', '', 'b']],
    ['indented list continuation is prose', '- item\n\n    Vectors\n', ['- item', '', 'Vectors', '']],
    ['html comment across lines', 'a <!-- Vectors\nVectors --> b', ['a', 'b']],
    ['bare url and autolink', 'see https://x.org/Vectors and <https://y.org/Vectors> ok', ['see and ok']],
    ['tags', 'a #Vectors b #topic/Vectors c', ['a b c']],
    ['a heading is prose', '# Vectors', ['# Vectors']],
  ])('%s', (_what, text, expected) => {
    expect(prose(text)).toEqual(expected);
  });

  test.each([['a [[x [Vectors]] b'], ['a [[ ]] Vectors ]] b'], ['a [[Vectors\nb]] c'], ['a [[Vectors]] b [[x [y]] Vectors ]]']])(
    "wiki links are the indexer's: %j masks exactly the links parseNote finds",
    (text) => {
      const masked = maskNonProse(text);
      const inLink = new Array<boolean>(text.length).fill(false);
      for (const link of parseNote(vp('n.md'), text).links) for (let i = link.start; i < link.end; i++) inLink[i] = true;
      const blanked = [...text].map((c, i) => c !== masked[i]);
      expect(blanked).toEqual(inLink.map((inside, i) => inside && text[i] !== ' '));
    },
  );

  // No clock here: a quadratic scan of these lines (4e10 steps each) cannot finish inside the
  // test timeout, while the linear one takes a fraction of a second.
  test('hostile input stays linear', () => {
    for (const unit of ['[', '`', '[[', '[[a', '[[a]', '[[ |', '](', '<!', '#a ', 'h']) {
      const text = unit.repeat(200_000);
      expect(maskNonProse(text)).toHaveLength(text.length);
    }
  });
});
