import { parseSearchQuery, type QueryNode } from '../../../main/core/query/search-query';

/** The AST as a compact string, so a table row reads like the grammar. */
function show(node: QueryNode | null): string {
  if (node === null) return '∅';
  switch (node.kind) {
    case 'and':
      return `(${node.children.map(show).join(' & ')})`;
    case 'or':
      return `(${node.children.map(show).join(' | ')})`;
    case 'not':
      return `-${show(node.child)}`;
    case 'text':
      return node.phrase ? `"${node.value}"` : node.value;
    case 'regex':
      return `/${node.source}/${node.flags}`;
    case 'field':
      return `${node.field}:${show(node.child)}`;
  }
}

function parsed(input: string): string {
  const result = parseSearchQuery(input);
  if (!result.ok) throw new Error(`unexpected error: ${result.error}`);
  return show(result.value);
}

describe('parseSearchQuery', () => {
  test.each([
    ['', '∅'],
    ['   ', '∅'],
    ['word', 'word'],
    ['two words', '(two & words)'],
    ['"exact phrase"', '"exact phrase"'],
    ['"they said \\"hi\\""', '"they said "hi""'],
    ['"unclosed phrase', '"unclosed phrase"'],
    ['-term', '-term'],
    ['a -b', '(a & -b)'],
    ['a - b', '(a & - & b)'],
    ['-"no phrase"', '-"no phrase"'],
    ['a OR b', '(a | b)'],
    ['a b OR c', '((a & b) | c)'],
    ['a OR b c', '(a | (b & c))'],
    ['or is a word', '(or & is & a & word)'],
    ['ORACLE', 'ORACLE'],
    ['(a OR b) c', '((a | b) & c)'],
    ['(a OR b', '(a | b)'],
    ['a) b', '(a & b)'],
    ['-(a OR b)', '-(a | b)'],
    ['tag:#work', 'tag:#work'],
    ['tag:work', 'tag:work'],
    ['-tag:#done', '-tag:#done'],
    ['path:"Daily notes"', 'path:"Daily notes"'],
    ['file:.jpg', 'file:.jpg'],
    ['content:"happy cat"', 'content:"happy cat"'],
    ['line:(mix flour)', 'line:(mix & flour)'],
    ['section:(dog cat)', 'section:(dog & cat)'],
    ['block:(a -b)', 'block:(a & -b)'],
    ['match-case:HappyCat', 'match-case:HappyCat'],
    ['ignore-case:X', 'ignore-case:X'],
    ['line:(a OR b) tag:#x', '(line:(a | b) & tag:#x)'],
    ['/\\d{4}-\\d{2}/', '/\\d{4}-\\d{2}/'],
    ['/a b/ c', '(/a b/ & c)'],
    ['/[/]x/', '/[/]x/'],
    ['/re/i', '/re/i'],
    ['file:/^2024/', 'file:/^2024/'],
    ['/unclosed', '/unclosed'],
    ['http://example.com', 'http://example.com'],
    ['unknown:op', 'unknown:op'],
    ['a"b', '(a & "b")'],
  ])('%j parses to %s', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  test.each([
    ['/(/', /Invalid regular expression \/\(\/: .*Unterminated group/],
    ['/a{2,1}/', /Invalid regular expression \/a\{2,1\}\/: .*out of order/],
    ['/x/g', /Unsupported regular expression flags "g"/],
    ['tag:', /tag: needs a value after it, e\.g\. tag:#project/],
    ['tag: #x', /tag: needs a value/],
    ['line:', /line: needs a value/],
    ['(((((((((((((((((((((((((((((((((((((((((((((((((((((x', /Too many nested parentheses/],
  ])('%j is an error', (input, message) => {
    const result = parseSearchQuery(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  test('a regex node carries a compiled multi-line RegExp', () => {
    const result = parseSearchQuery('/^b/');
    expect(result.ok && result.value?.kind === 'regex' && result.value.re.test('a\nb')).toBe(true);
  });
});
