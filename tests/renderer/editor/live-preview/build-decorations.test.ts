/**
 * Live Preview's decoration builder: a document and a selection in, what is hidden, replaced,
 * marked and line-styled out. Each case gives the text and where the cursor is (by default on a
 * line of its own after it), and lists the decorations as the text they cover.
 * Sorted by position, then by end.
 */
import { buildDecorations } from '../../../../renderer/src/editor/live-preview/build-decorations';
import type { LpDecoration } from '../../../../renderer/src/editor/live-preview/decoration-spec';

/** The decorations of `text` with the cursor at `cursor`, as readable strings. */
function describe_(text: string, cursor: number): string[] {
  return buildDecorations(text, [{ from: cursor, to: cursor }]).map((d: LpDecoration) => {
    const covered = JSON.stringify(text.slice(d.from, d.to));
    if (d.kind === 'line') return `line ${text.slice(0, d.from).split('\n').length} ${d.cls}`;
    if (d.kind === 'replace') return `replace ${covered} ${JSON.stringify(d.widget)}`;
    if (d.kind === 'mark') return `mark ${covered} ${d.cls}${d.attrs ? ' ' + JSON.stringify(d.attrs) : ''}`;
    return `hide ${covered}`;
  });
}

const away = (text: string) => describe_(text + '\n\nx', text.length + 3);
const on = (text: string, cursor = text.length) => describe_(text, cursor);

describe('away from the cursor, markup is hidden and formatting shown', () => {
  test.each<[string, string, string[]]>([
    ['bold', 'a **b** c', ['hide "**"', 'mark "**b**" cm-lp-strong', 'hide "**"']],
    ['italic', 'a *b* c', ['hide "*"', 'mark "*b*" cm-lp-em', 'hide "*"']],
    ['italic with underscores', 'a _b_ c', ['hide "_"', 'mark "_b_" cm-lp-em', 'hide "_"']],
    ['strikethrough', '~~gone~~', ['hide "~~"', 'mark "~~gone~~" cm-lp-strike', 'hide "~~"']],
    ['highlight', 'a ==lit== b', ['hide "=="', 'mark "==lit==" cm-lp-highlight', 'hide "=="']],
    ['inline code', 'use `x*y*z` here', ['hide "`"', 'mark "`x*y*z`" cm-lp-code', 'hide "`"']],
    ['heading', '## Title', ['line 1 cm-lp-heading cm-lp-h2', 'hide "## "']],
    ['heading with closing marks', '# Title #', ['line 1 cm-lp-heading cm-lp-h1', 'hide "# "', 'hide " #"']],
    ['wiki link', 'see [[Note]] now', ['hide "[["', 'mark "Note" cm-lp-link {"data-lp-target":"Note"}', 'hide "]]"']],
    ['wiki link with alias', '[[Note|shown]]', ['hide "[[Note|"', 'mark "shown" cm-lp-link {"data-lp-target":"Note"}', 'hide "]]"']],
    // A link without an alias shows the reading view's label (wikiLinkLabel), drawn in its place.
    [
      'wiki link with heading',
      '[[Note#Part]]',
      ['replace "[[Note#Part]]" {"type":"link","label":"Note › Part","attrs":{"data-lp-target":"Note","data-lp-heading":"Part"}}'],
    ],
    ['same-note heading link', '[[#Part]]', ['replace "[[#Part]]" {"type":"link","label":"Part","attrs":{"data-lp-target":"","data-lp-heading":"Part"}}']],
    [
      'nested heading link',
      '[[Note#A#B]]',
      ['replace "[[Note#A#B]]" {"type":"link","label":"Note › A › B","attrs":{"data-lp-target":"Note","data-lp-heading":"A#B"}}'],
    ],
    ['same-note block link', '[[#^b1]]', ['replace "[[#^b1]]" {"type":"link","label":"^b1","attrs":{"data-lp-target":"","data-lp-block":"b1"}}']],
    ['wiki link with padding', '[[ Note ]]', ['replace "[[ Note ]]" {"type":"link","label":"Note","attrs":{"data-lp-target":"Note"}}']],
    ['wiki link to a block', '[[Note#^b1|x]]', ['hide "[[Note#^b1|"', 'mark "x" cm-lp-link {"data-lp-target":"Note","data-lp-block":"b1"}', 'hide "]]"']],
    ['markdown link', '[text](http://a.b/c)', ['hide "["', 'mark "text" cm-lp-link {"data-lp-url":"http://a.b/c"}', 'hide "](http://a.b/c)"']],
    ['tag', 'a #project/x b', ['mark "#project/x" cm-lp-tag {"data-lp-tag":"project/x"}']],
    ['open task', '- [ ] todo', ['replace "- [ ]" {"type":"checkbox","checked":false,"at":2}']],
    ['done task', '- [x] done', ['replace "- [x]" {"type":"checkbox","checked":true,"at":2}', 'mark "done" cm-lp-task-done']],
    ['bullet', '- item', ['replace "-" {"type":"bullet"}']],
    ['horizontal rule', 'a\n\n***', ['line 3 cm-lp-hr', 'hide "***"']],
    ['blockquote', '> quoted', ['line 1 cm-lp-quote', 'hide "> "']],
    [
      'callout with a title',
      '> [!warning] Careful\n> body',
      ['line 1 cm-lp-callout', 'line 1 cm-lp-callout-title', 'hide "> "', 'hide "[!warning] "', 'line 2 cm-lp-callout', 'hide "> "'],
    ],
    [
      'callout without a title',
      '> [!tldr]',
      ['line 1 cm-lp-callout', 'line 1 cm-lp-callout-title', 'hide "> "', 'replace "[!tldr]" {"type":"callout-title","title":"Tldr"}'],
    ],
    ['inline math', 'so $e^x$ grows', ['replace "$e^x$" {"type":"math","tex":"e^x","display":false}']],
    ['display math on one line', '$$a+b$$', ['replace "$$a+b$$" {"type":"math","tex":"a+b","display":true}']],
    ['math block over lines', '$$\na\\\\b\n$$', ['replace "$$\\na\\\\\\\\b\\n$$" {"type":"math","tex":"\\na\\\\\\\\b\\n","display":true}']],
    ['image embed', '![[pic.png]]', ['replace "![[pic.png]]" {"type":"embed","source":"![[pic.png]]"}']],
    ['note embed', 'x ![[Other#Part]]', ['replace "![[Other#Part]]" {"type":"embed","source":"![[Other#Part]]"}']],
    ['markdown image', '![alt](pic.png)', ['replace "![alt](pic.png)" {"type":"embed","source":"![alt](pic.png)"}']],
    ['table', '| a | b |\n| - | - |\n| 1 | 2 |', ['replace "| a | b |\\n| - | - |\\n| 1 | 2 |" {"type":"table","source":"| a | b |\\n| - | - |\\n| 1 | 2 |"}']],
    ['frontmatter', '---\ntitle: x\n---\nbody', ['line 1 cm-lp-frontmatter', 'line 2 cm-lp-frontmatter', 'line 3 cm-lp-frontmatter']],
    ['fenced code keeps its markup', '```js\nlet a = **b**;\n```', ['line 1 cm-lp-codeblock', 'line 2 cm-lp-codeblock', 'line 3 cm-lp-codeblock']],
  ])('%s', (_name, text, expected) => {
    expect(away(text)).toEqual(expected);
  });
});

describe('the syntax the reading view uses', () => {
  test.each<[string, string]>([
    ['a $ and $ with spaces is not math', 'costs $ 5 and $ 6'],
    ['prices are not math', 'from $5 to $10'],
    ['a lone == is not a highlight', 'a == b'],
    ['a digit-only tag is not a tag', 'issue #123'],
    ['a # inside a word is not a tag', 'a#b'],
    ['[[ ]] with nothing inside is not a link', 'empty [[ ]] here'],
    ['a link may not hold [', '[[a[b]]'],
  ])('%s', (_name, text) => {
    expect(away(text)).toEqual([]);
  });
});

describe('on the selection’s lines, markdown shows as written', () => {
  test.each<[string, string, string[]]>([
    ['bold keeps its weight', 'a **b** c', ['mark "**b**" cm-lp-strong']],
    ['heading keeps its size', '## Title', ['line 1 cm-lp-heading cm-lp-h2']],
    ['a link is raw', 'see [[Note|n]]', []],
    ['a task is raw', '- [ ] todo', []],
    ['math is raw', '$x$', []],
    ['a callout keeps its style', '> [!note] T', ['line 1 cm-lp-callout', 'line 1 cm-lp-callout-title']],
  ])('%s', (_name, text, expected) => {
    expect(on(text)).toEqual(expected);
  });

  test('only the cursor’s line is raw: the next line still hides its markup', () => {
    const text = '**a**\n**b**';
    expect(on(text, 2)).toEqual(['mark "**a**" cm-lp-strong', 'hide "**"', 'mark "**b**" cm-lp-strong', 'hide "**"']);
  });

  test('a table the cursor is in is shown as source', () => {
    const text = '| a | b |\n| - | - |\n| 1 | 2 |';
    expect(on(text, text.indexOf('1'))).toEqual([]);
  });

  test('a selection over several lines shows all of them raw', () => {
    const text = '**a**\n**b**\n**c**';
    const out = buildDecorations(text, [{ from: 1, to: 8 }]).filter((d) => d.kind === 'hide');
    expect(out.map((d) => text.slice(0, d.from).split('\n').length)).toEqual([3, 3]);
  });
});

describe('only the visible ranges are decorated', () => {
  test('a line outside the visible ranges gets nothing', () => {
    const text = '**a**\n\n**b**\n\n**c**\n\nx';
    const b = text.indexOf('**b**');
    const out = buildDecorations(text, [{ from: text.length, to: text.length }], [{ from: b, to: b + 5 }]);
    expect(out.every((d) => d.from >= b && d.to <= b + 5)).toBe(true);
    expect(out.length).toBe(3);
  });
});

describe('whole-line widgets are built for a window only', () => {
  test('tables outside the window get no widget; one the window touches does', async () => {
    const { blockDecorations } = await import('../../../../renderer/src/editor/live-preview/build-decorations');
    const { Text } = await import('@codemirror/state');
    const { parser } = await import('@lezer/markdown');
    const { livePreviewSyntax } = await import('../../../../renderer/src/editor/live-preview/markdown-syntax');
    const table = '| a | b |\n| - | - |\n| 1 | 2 |';
    const text = [table, 'text', table, 'text', table, 'end'].join('\n\n');
    const doc = Text.of(text.split('\n'));
    const input = { doc, tree: parser.configure(livePreviewSyntax).parse(text), selection: [{ from: text.length, to: text.length }] };
    expect(blockDecorations(input).length).toBe(3);
    const second = text.indexOf(table, table.length);
    // A window starting inside the second table and ending before the third.
    const found = blockDecorations(input, { from: second + 3, to: second + table.length + 4 });
    expect(found.map((d) => d.from)).toEqual([second]);
  });
});
