import { parseNote } from '../../../main/core/parse/parse-note';
import { vp } from '../../support/vault-path';

describe('tags', () => {
  test.each([
    ['inline and nested', 'a #tag and #a/b and #Über_x-1', ['tag', 'a/b', 'Über_x-1']],
    ['not pure numbers, not in words or urls', '#123 issue#4 https://x.org/#frag [t](https://x.org/#y) #2024/05', []],
    ['not heading markers', '# Heading\n## Sub #real', ['real']],
    ['not in code, math or comments', '`#no` $#no$ <!-- #no -->\n```\n#no\n```\n    #no', []],
    ['in link labels', '[ #lbl](L.md) [#no](L.md)', ['lbl']],
    ['deduplicated, first spelling wins', '#Tag #tag #TAG #other', ['Tag', 'other']],
    ['frontmatter list first, then inline', '---\ntags: [one, "#two"]\n---\n#three #one', ['one', 'two', 'three']],
    ['frontmatter comma and space string', '---\ntags: "#x, y z"\n---\n', ['x', 'y', 'z']],
    ['frontmatter block list', '---\ntags:\n  - p/q\n  - r\n---\n', ['p/q', 'r']],
  ])('%s', (_name, text, tags) => {
    expect(parseNote(vp('n.md'), text).tags).toEqual(tags);
  });
});

describe('headings', () => {
  test('ATX with closing hashes, setext, not in code; lines count frontmatter', () => {
    const text = '---\na: 1\n---\n# One\n\n## Two ##\n\n```\n# No\n```\nSetext One\n===\n\nSetext Two\n---\n####### Not a heading\n#NoSpace';
    expect(parseNote(vp('n.md'), text).headings).toEqual([
      { text: 'One', level: 1, line: 4 },
      { text: 'Two', level: 2, line: 6 },
      { text: 'Setext One', level: 1, line: 11 },
      { text: 'Setext Two', level: 2, line: 14 },
    ]);
  });

  test('a heading inside a list item', () => {
    expect(parseNote(vp('n.md'), '- # In item\n- ## \n- text').headings).toEqual([
      { text: 'In item', level: 1, line: 1 },
      { text: '', level: 2, line: 2 },
    ]);
  });

  test('a list item followed by --- is not a setext heading', () => {
    expect(parseNote(vp('n.md'), '- item\n---').headings).toEqual([]);
  });
});

describe('block ids', () => {
  test('at the end of a paragraph, list item or line; not in code or headings', () => {
    const text = 'Para one ^p1\n\n- item ^li-2\n- other\n\nline a ^l3\nline b\n\n`code ^no`\n\n# Head ^no\n\n```\nx ^no\n```\nmid ^no text\n\n^alone';
    expect(parseNote(vp('n.md'), text).blockIds).toEqual([
      { id: 'p1', line: 1 },
      { id: 'li-2', line: 3 },
      { id: 'l3', line: 6 },
      { id: 'alone', line: 18 },
    ]);
  });
});

test('a deeper blockquote line starts a new paragraph, so its ^id counts', () => {
  expect(parseNote(vp('n.md'), 'para\n>^q1').blockIds).toEqual([{ id: 'q1', line: 2 }]);
});

describe('frontmatter', () => {
  test('aliases as a list, a single alias, or a comma string', () => {
    expect(parseNote(vp('n.md'), '---\naliases: [A, B]\n---\n').aliases).toEqual(['A', 'B']);
    expect(parseNote(vp('n.md'), '---\nalias: Solo\n---\n').aliases).toEqual(['Solo']);
    expect(parseNote(vp('n.md'), '---\naliases: "C, D"\n---\n').aliases).toEqual(['C', 'D']);
  });

  test('parsed data is returned; no frontmatter gives null', () => {
    expect(parseNote(vp('n.md'), '---\nx: 1\nlist: [a]\n---\nbody').frontmatter).toEqual({ x: 1, list: ['a'] });
    expect(parseNote(vp('n.md'), 'body\n---\nx: 1\n---').frontmatter).toBeNull();
    expect(parseNote(vp('n.md'), '---\n---\nbody').frontmatter).toEqual({});
  });

  test.each([
    ['bad indentation', '---\na: [1, 2\nb: : x\n---\n# Still parsed\n[[Link]] #tag'],
    ['not a mapping', '---\n- a\n- b\n---\n# Still parsed\n[[Link]] #tag'],
    [
      'alias bomb',
      `---\na: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`).join('\n')}\n---\n# Still parsed\n[[Link]] #tag`,
    ],
  ])('invalid YAML (%s) sets frontmatterError and the body still parses', (_name, text) => {
    const parsed = parseNote(vp('n.md'), text);
    expect(parsed.frontmatterError).toEqual(expect.any(String));
    expect(parsed.frontmatter).toBeNull();
    expect(parsed.headings.map((h) => h.text)).toEqual(['Still parsed']);
    expect(parsed.links.map((l) => l.target)).toEqual(['Link']);
    expect(parsed.tags).toEqual(['tag']);
  });

  test('an unclosed frontmatter fence is just markdown', () => {
    const parsed = parseNote(vp('n.md'), '---\ntags: [x]\n[[A]]');
    expect(parsed.frontmatter).toBeNull();
    expect(parsed.frontmatterError).toBeNull();
    expect(parsed.links.map((l) => l.inFrontmatter)).toEqual([false]);
  });

  test('BOM before frontmatter', () => {
    const parsed = parseNote(vp('n.md'), '\uFEFF---\ntags: x\n---\n# H');
    expect(parsed.tags).toEqual(['x']);
    expect(parsed.headings).toEqual([{ text: 'H', level: 1, line: 4 }]);
  });
});

test('title is the file name without .md', () => {
  expect(parseNote(vp('a/b/My Note.md'), '').title).toBe('My Note');
  expect(parseNote(vp('Top.MD'), '').title).toBe('Top');
  expect(parseNote(vp('x/v1.2.md'), '').title).toBe('v1.2');
});
