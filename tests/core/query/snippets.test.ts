import { parseSearchQuery } from '../../../main/core/query/search-query';
import { queryHighlights } from '../../../main/core/query/search-evaluate';
import { backlinkSnippets, mentionSnippet, searchSnippet } from '../../../main/core/query/snippets';

const S = '\uE000';
const E = '\uE001';

function snippetFor(text: string, query: string) {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok || !parsed.value) throw new Error('bad query');
  return searchSnippet(text, queryHighlights(parsed.value));
}

describe('searchSnippet', () => {
  test('never shows frontmatter, even when the word is in it', () => {
    const text = '---\ntags: [needle]\ntitle: x\n---\nFirst line of the body.\nA needle here.';
    const s = snippetFor(text, 'needle');
    expect(s.snippet).toBe(`A ${S}needle${E} here.`);
    expect(s.line).toBe(6);
    expect(s.match).toBe('needle');
    expect(snippetFor('---\ntitle: only here\n---\nbody text', 'only').snippet).toBe('body text');
  });

  test('is readable text: no emphasis marks, wiki syntax or %20', () => {
    const s = snippetFor('Some **bold** words about [[Deep%20Learning|deep nets]] and [a link](x%20y.md) with needle.', 'needle');
    expect(s.snippet).toBe(`Some bold words about deep nets and a link with ${S}needle${E}.`);
  });

  test('cuts a long line around the match, on word boundaries', () => {
    const line = `${'word '.repeat(100)}needle ${'tail '.repeat(100)}`;
    const s = snippetFor(line, 'needle');
    expect(s.snippet.startsWith('…word')).toBe(true);
    expect(s.snippet.endsWith('tail…')).toBe(true);
    expect(s.snippet).toContain(`${S}needle${E}`);
    expect(s.snippet.length).toBeLessThan(220);
  });

  test('marks a tag and its nested children, and regex matches', () => {
    expect(snippetFor('intro\nfiled #work/projects today', 'tag:#work').snippet).toBe(`filed ${S}#work/projects${E} today`);
    expect(snippetFor('version 1.2.3 out', '/\\d+\\.\\d+/').snippet).toBe(`version ${S}1.2${E}.3 out`);
  });

  test('a hit on the path only shows the start of the body, unmarked', () => {
    expect(snippetFor('# Title\nsome text', 'zzz')).toEqual({ snippet: 'Title some text', line: null, match: null });
  });
});

describe('backlinkSnippets', () => {
  test('two links to the note on one line give one snippet with both marked', () => {
    const context = 'See [[Target]] and later [[Target|the target]] again.';
    const out = backlinkSnippets([
      { line: 3, target: 'Target', context },
      { line: 3, target: 'Target', context },
    ]);
    expect(out).toEqual([{ line: 3, text: `See ${S}Target${E} and later ${S}the target${E} again.` }]);
  });

  test('links to other notes are shown but not marked; different lines give their own snippets', () => {
    const out = backlinkSnippets([
      { line: 1, target: 'T', context: '**Bold** [[Other]] then [[T]]' },
      { line: 4, target: 't.md', context: '[text](t.md)' },
    ]);
    expect(out).toEqual([
      { line: 1, text: `Bold Other then ${S}T${E}` },
      { line: 4, text: `${S}text${E}` },
    ]);
  });
});

test('a context cut from a long line loses the half words at its cuts', () => {
  expect(backlinkSnippets([{ line: 1, target: 'T', context: '…ng stuck in [[T]] and more wor…' }])).toEqual([
    { line: 1, text: `…stuck in ${S}T${E} and more…` },
  ]);
});

describe('mentionSnippet', () => {
  test('marks whole-word mentions in readable text', () => {
    expect(mentionSnippet('I think **about** Alpha and alphabet, alpha.', 'Alpha')).toBe(`I think about ${S}Alpha${E} and alphabet, ${S}alpha${E}.`);
    expect(mentionSnippet('alpha, not [[Alpha Two|alpha]]', 'Alpha')).toBe(`${S}alpha${E}, not alpha`);
  });
});
