import { parseNote } from '../../../main/core/parse/parse-note';
import { parseNoteWithRemark } from '../../../main/core/parse/reference/parse-note-remark';
import type { LinkRef } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

type Expected = Partial<LinkRef> & { source: string };

/** Each case: a note body and the links it must yield, with the exact source text of each link. */
const cases: { name: string; text: string; links: Expected[] }[] = [
  {
    name: 'plain wiki link',
    text: 'See [[Note]].',
    links: [{ source: '[[Note]]', kind: 'wiki', embed: false, target: 'Note', text: 'Note', heading: null, block: null, alias: null, line: 1 }],
  },
  { name: 'alias', text: 'x [[Note|shown text]] y', links: [{ source: '[[Note|shown text]]', target: 'Note', text: 'Note', alias: 'shown text' }] },
  { name: 'heading', text: '[[Note#Heading]]', links: [{ source: '[[Note#Heading]]', target: 'Note', text: 'Note#Heading', heading: 'Heading', block: null }] },
  { name: 'nested heading', text: '[[Note#H1#H2]]', links: [{ source: '[[Note#H1#H2]]', target: 'Note', heading: 'H1#H2' }] },
  { name: 'block', text: '[[Note#^blockid]]', links: [{ source: '[[Note#^blockid]]', target: 'Note', heading: null, block: 'blockid' }] },
  { name: 'heading with alias', text: '[[Note#H|x]]', links: [{ source: '[[Note#H|x]]', target: 'Note', text: 'Note#H', heading: 'H', alias: 'x' }] },
  { name: 'same-note heading', text: '[[#Heading]]', links: [{ source: '[[#Heading]]', target: '', text: '#Heading', heading: 'Heading' }] },
  { name: 'note embed', text: '![[Note]]', links: [{ source: '![[Note]]', kind: 'wiki', embed: true, target: 'Note' }] },
  { name: 'image embed', text: 'pic: ![[image.png]]', links: [{ source: '![[image.png]]', embed: true, target: 'image.png' }] },
  { name: 'folder path', text: '[[folder/Note]]', links: [{ source: '[[folder/Note]]', target: 'folder/Note' }] },
  { name: 'with extension', text: '[[Note.md]]', links: [{ source: '[[Note.md]]', target: 'Note.md' }] },
  {
    name: 'escaped divider in a table cell',
    text: '| a | b |\n| --- | --- |\n| [[Note\\|alias]] | x |',
    links: [{ source: '[[Note\\|alias]]', target: 'Note', text: 'Note', alias: 'alias', line: 3 }],
  },
  {
    name: 'markdown link to a note',
    text: 'Read [text](../folder/My%20Note.md).',
    links: [
      {
        source: '[text](../folder/My%20Note.md)',
        kind: 'markdown',
        embed: false,
        target: '../folder/My Note.md',
        text: '../folder/My%20Note.md',
        alias: 'text',
        heading: null,
        block: null,
      },
    ],
  },
  {
    name: 'angle-bracket destination',
    text: '[t](<My Note.md>)',
    links: [{ source: '[t](<My Note.md>)', kind: 'markdown', target: 'My Note.md', alias: 't' }],
  },
  {
    name: 'markdown heading fragment',
    text: '[t](Note.md#Some%20Heading)',
    links: [{ source: '[t](Note.md#Some%20Heading)', target: 'Note.md', heading: 'Some Heading', block: null }],
  },
  { name: 'markdown block fragment', text: '[t](Note.md#^abc)', links: [{ source: '[t](Note.md#^abc)', target: 'Note.md', heading: null, block: 'abc' }] },
  { name: 'markdown link with title', text: '[t](Note.md "Title")', links: [{ source: '[t](Note.md "Title")', target: 'Note.md' }] },
  { name: 'local image', text: '![alt](pic.png)', links: [{ source: '![alt](pic.png)', kind: 'markdown', embed: true, target: 'pic.png', alias: 'alt' }] },
  { name: 'bad percent-encoding is kept raw', text: '[t](100%25%zz.md)', links: [{ source: '[t](100%25%zz.md)', target: '100%25%zz.md' }] },
  {
    name: 'urls with a scheme are not links',
    text: '[a](https://x.org/#h) [b](mailto:me@x.org) [c](javascript:alert(1)) [d](obsidian://open) <https://x.org>',
    links: [],
  },
  { name: 'pure fragments are not links', text: '[a](#heading) [b]()', links: [] },
  { name: 'inline code', text: 'a `[[No]]` and ``x [[No]] ` y`` b [[Yes]]', links: [{ source: '[[Yes]]' }] },
  { name: 'fenced code', text: '```md\n[[No]]\n```\n~~~\n[[No]]\n~~~\n[[Yes]]', links: [{ source: '[[Yes]]', line: 7 }] },
  { name: 'unclosed fence runs to the end', text: '[[Yes]]\n```\n[[No]]', links: [{ source: '[[Yes]]' }] },
  { name: 'indented code', text: 'para\n\n    [[No]]\n\n[[Yes]]', links: [{ source: '[[Yes]]', line: 5 }] },
  { name: 'indented list continuation is not code', text: '- item\n\n  more [[Yes]]', links: [{ source: '[[Yes]]' }] },
  { name: 'inline math', text: 'a $x [[No]]$ b $$[[No]]$$ [[Yes]] costs $5 and $10 [[Also]]', links: [{ source: '[[Yes]]' }, { source: '[[Also]]' }] },
  { name: 'math block', text: '$$\n[[No]]\n$$\n[[Yes]]', links: [{ source: '[[Yes]]', line: 4 }] },
  { name: 'html comment inline and as a block', text: 'a <!-- [[No]] --> b\n\n<!--\n[[No]]\n\n[[No]]\n-->\n[[Yes]]', links: [{ source: '[[Yes]]', line: 8 }] },
  { name: 'html block', text: '<div>\n[[No]]\n</div>\n\n[[Yes]]', links: [{ source: '[[Yes]]' }] },
  { name: 'escaped brackets', text: '\\[[No]] [[Yes]]', links: [{ source: '[[Yes]]' }] },
  { name: 'empty and multi-line wiki links are not links', text: '[[]] [[  ]] [[a\nb]] [[x]y]]', links: [] },
  {
    name: 'in blockquote and list',
    text: '> quote [[A]]\n\n- item [[B]]\n  1. sub ![[C]]',
    links: [
      { source: '[[A]]', line: 1 },
      { source: '[[B]]', line: 3 },
      { source: '![[C]]', line: 4, embed: true },
    ],
  },
  { name: 'in a heading', text: '## See [[Other]]', links: [{ source: '[[Other]]' }] },
  { name: 'fence closing inside a list item', text: '- a\n  - b\n    ```\n    [[No]]\n    ```\n  - c [[Yes]]', links: [{ source: '[[Yes]]', line: 6 }] },
  {
    name: 'image inside a link',
    text: '[![i](d.png)](e.md)',
    links: [
      { source: '[![i](d.png)](e.md)', target: 'e.md', alias: '![i](d.png)' },
      { source: '![i](d.png)', embed: true, target: 'd.png' },
    ],
  },
  { name: 'no links inside links', text: '[a [b](B.md)](C.md)', links: [{ source: '[b](B.md)', target: 'B.md' }] },
  {
    name: 'wiki link inside a link label',
    text: '[[[X]] y](E.md)',
    links: [
      { source: '[[[X]] y](E.md)', target: 'E.md' },
      { source: '[[X]]', target: 'X' },
    ],
  },
  {
    name: 'CRLF lines',
    text: 'one\r\n\r\n[[A]]\r\n```\r\n[[No]]\r\n```\r\n[[B]]',
    links: [
      { source: '[[A]]', line: 3, context: '[[A]]' },
      { source: '[[B]]', line: 7 },
    ],
  },
  { name: 'BOM at file start', text: '\uFEFF[[A]] x', links: [{ source: '[[A]]', line: 1, start: 1, end: 6 }] },
  {
    name: 'frontmatter links',
    text: '---\ntitle: x\nrelated: "[[Note]]"\nsee:\n  - "[[A|a]]"\n  - "![[B]]"\n# comment [[No]]\n---\nbody [[C]]',
    links: [
      { source: '[[Note]]', line: 3, inFrontmatter: true, target: 'Note' },
      { source: '[[A|a]]', line: 5, inFrontmatter: true, alias: 'a' },
      { source: '![[B]]', line: 6, inFrontmatter: true, embed: true },
      { source: '[[C]]', line: 9, inFrontmatter: false },
    ],
  },
];

describe('parseNote links', () => {
  test.each(cases)('$name', ({ text, links }) => {
    const parsed = parseNote(vp('folder/Here.md'), text);
    expect(parsed.links).toHaveLength(links.length);
    parsed.links.forEach((link, index) => {
      const { source, ...fields } = links[index];
      expect(text.slice(link.start, link.end)).toBe(source);
      expect(link).toMatchObject({ inFrontmatter: false, ...fields });
    });
  });

  test('context is the trimmed line, cut around the link on long lines', () => {
    const parsed = parseNote(vp('a.md'), `  intro [[A]] outro  \n${'word '.repeat(200)}[[B]]${' tail'.repeat(200)}`);
    expect(parsed.links[0].context).toBe('intro [[A]] outro');
    expect(parsed.links[1].context.length).toBeLessThanOrEqual(242);
    expect(parsed.links[1].context).toContain('[[B]]');
  });
});

describe('character references and escapes in markdown link destinations (CommonMark, as the page links)', () => {
  test.each([
    ['[x](a&amp;b.md)', 'a&b.md'],
    ['[x](a&#38;b.md)', 'a&b.md'],
    ['[x](a&#x26;b.md)', 'a&b.md'],
    ['[x](<a&amp;b c.md>)', 'a&b c.md'],
    ['![x](p&eacute;.png)', 'pé.png'],
    ['[x](a\\&amp;b.md)', 'a&amp;b.md'],
    ['[x](a&nosuchentity;b.md)', 'a&nosuchentity;b.md'],
    ['[x](a&#0;b.md)', 'a\uFFFDb.md'],
    ['[x](a&amp b.md)', null],
  ])('%s links to %j', (text, target) => {
    const links = parseNote(vp('n.md'), text).links;
    expect(links[0]?.target ?? null).toBe(target);
    expect(links).toEqual(parseNoteWithRemark(vp('n.md'), text).links);
  });
});
