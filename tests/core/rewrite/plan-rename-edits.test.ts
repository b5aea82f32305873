import { renameInMemory } from './rewrite-harness';

type Row = [name: string, notes: Record<string, string>, from: string, to: string, expected: Record<string, string>];

const T = 'AI/Transformer.md';

const rows: Row[] = [
  ['bare name, renamed', { [T]: '', 'S.md': 'see [[Transformer]] now' }, T, 'AI/New Name.md', { 'S.md': 'see [[New Name]] now' }],
  ['case differences follow the new file', { [T]: '', 'S.md': '[[transformer]]' }, T, 'AI/New Name.md', { 'S.md': '[[New Name]]' }],
  ['alias kept', { [T]: '', 'S.md': '[[Transformer|the model]]' }, T, 'AI/Attention.md', { 'S.md': '[[Attention|the model]]' }],
  ['heading kept', { [T]: '', 'S.md': '[[Transformer#Self attention|sa]]' }, T, 'AI/Attention.md', { 'S.md': '[[Attention#Self attention|sa]]' }],
  ['block kept', { [T]: '', 'S.md': '[[Transformer#^q1]]' }, T, 'AI/Attention.md', { 'S.md': '[[Attention#^q1]]' }],
  ['embed kept', { [T]: '', 'S.md': '![[Transformer#Intro]]' }, T, 'AI/Attention.md', { 'S.md': '![[Attention#Intro]]' }],
  ['.md suffix kept when written', { [T]: '', 'S.md': '[[Transformer.md]]' }, T, 'AI/Attention.md', { 'S.md': '[[Attention.md]]' }],
  [
    'escaped pipe in a table',
    { [T]: '', 'S.md': '| a | [[Transformer\\|T]] |\n|---|---|\n' },
    T,
    'AI/Attention.md',
    { 'S.md': '| a | [[Attention\\|T]] |\n|---|---|\n' },
  ],
  ['spacing inside brackets kept', { [T]: '', 'S.md': '[[ Transformer ]]' }, T, 'AI/Attention.md', { 'S.md': '[[ Attention ]]' }],
  [
    'several links in one note',
    { [T]: '', 'S.md': '[[Transformer]] and [[Transformer|x]] and [[Other]]', 'Other.md': '' },
    T,
    'AI/Attention.md',
    { 'S.md': '[[Attention]] and [[Attention|x]] and [[Other]]' },
  ],
  [
    'links in code are untouched',
    { [T]: '', 'S.md': '`[[Transformer]]`\n\n```\n[[Transformer]]\n```\n[[Transformer]]\n' },
    T,
    'AI/Attention.md',
    { 'S.md': '`[[Transformer]]`\n\n```\n[[Transformer]]\n```\n[[Attention]]\n' },
  ],
  ['a move keeps a bare name that still resolves', { [T]: '', 'S.md': '[[Transformer]]' }, T, 'Models/Transformer.md', {}],
  [
    'ambiguity forces the shortest unique path',
    { [T]: '', 'Old/Attention.md': '', 'S.md': '[[Transformer]]' },
    T,
    'AI/Attention.md',
    { 'S.md': '[[AI/Attention]]' },
  ],
  [
    'path-style stays path-style after a move',
    { [T]: '', 'S.md': '[[AI/Transformer|t]]' },
    T,
    'Models/Deep/Transformer.md',
    { 'S.md': '[[Deep/Transformer|t]]' },
  ],
  ['vault-root path-style', { [T]: '', 'S.md': '[[/AI/Transformer]]' }, T, 'Models/Transformer.md', { 'S.md': '[[/Models/Transformer]]' }],
  ['relative wiki link', { [T]: '', 'AI/S.md': '[[./Transformer]] [[../AI/Transformer]]' }, T, 'AI/Sub/T2.md', { 'AI/S.md': '[[./Sub/T2]] [[Sub/T2]]' }],
  [
    'markdown link with encoded spaces',
    { 'Notes/My Note.md': '', 'S.md': '[x](Notes/My%20Note.md)' },
    'Notes/My Note.md',
    'Notes/Your Note.md',
    { 'S.md': '[x](Notes/Your%20Note.md)' },
  ],
  [
    'markdown relative link, heading kept',
    { 'A/My Note.md': '', 'B/S.md': '[x](../A/My%20Note.md#Part%20two "title")' },
    'A/My Note.md',
    'C/D/New Note.md',
    { 'B/S.md': '[x](../C/D/New%20Note.md#Part%20two "title")' },
  ],
  ['markdown angle form kept', { 'A/My Note.md': '', 'A/S.md': '[x](<My Note.md>)' }, 'A/My Note.md', 'A/The Note.md', { 'A/S.md': '[x](<The Note.md>)' }],
  ['markdown link without .md', { 'A/N.md': '', 'A/S.md': '[x](N)' }, 'A/N.md', 'A/M (1).md', { 'A/S.md': '[x](M%20%281%29)' }],
  ['links to other notes untouched', { [T]: '', 'S.md': '[[Other]] [[#Local]]', 'Other.md': '' }, T, 'AI/X.md', {}],
  [
    'self links in the renamed note',
    { [T]: 'see [[Transformer#Intro]] and [[#Intro]]' },
    T,
    'AI/Attention.md',
    { 'AI/Attention.md': 'see [[Attention#Intro]] and [[#Intro]]' },
  ],
  [
    'the moved note fixes its own relative markdown links',
    { 'A/N.md': '[p](pic.png) [o](../B/O.md) [w](<../B/O.md>) [[O]]', 'B/O.md': '' },
    'A/N.md',
    'X/Y/N.md',
    { 'X/Y/N.md': '[p](../../A/pic.png) [o](../../B/O.md) [w](<../../B/O.md>) [[O]]' },
  ],
  [
    'a new name that makes another bare link ambiguous pins that link',
    { 'Old/Attention.md': '', [T]: '', 'S.md': '[[Attention]]' },
    T,
    'AI/Attention.md',
    { 'S.md': '[[Old/Attention]]' },
  ],
  [
    'frontmatter links are rewritten',
    { [T]: '', 'S.md': '---\nrelated: "[[Transformer]]"\n---\nbody\n' },
    T,
    'AI/Attention.md',
    { 'S.md': '---\nrelated: "[[Attention]]"\n---\nbody\n' },
  ],
  [
    'CRLF text keeps its offsets',
    { [T]: '', 'S.md': 'a\r\n[[Transformer]]\r\nb [[Transformer|x]]\r\n' },
    T,
    'AI/Attention.md',
    { 'S.md': 'a\r\n[[Attention]]\r\nb [[Attention|x]]\r\n' },
  ],
];

describe('planRenameEdits', () => {
  test.each(rows)('%s', (_name, notes, from, to, expected) => {
    const { after, plan } = renameInMemory(notes, from, to, ['A/pic.png']);
    const changed = Object.fromEntries(Object.entries(after).filter(([p, text]) => text !== notes[p === to ? from : p]));
    expect(changed).toEqual(expected);
    expect(plan.affected.map((a) => a.path).sort()).toEqual(
      Object.keys(expected)
        .map((p) => (p === to ? from : p))
        .sort(),
    );
  });

  test('affected counts the links per note', () => {
    const { plan } = renameInMemory({ [T]: '', 'S.md': '[[Transformer]] [[Transformer#x]]', 'R.md': '[[transformer]]' }, T, 'AI/Z.md');
    expect(plan.affected).toEqual([
      { path: 'R.md', links: 1 },
      { path: 'S.md', links: 2 },
    ]);
  });

  test('works after an outside move (the graph already holds the new path)', () => {
    const notes = { 'AI/Attention.md': '', 'S.md': '[[Transformer|t]]' };
    const { after } = renameInMemory(notes, T, 'AI/Attention.md');
    expect(after['S.md']).toBe('[[Attention|t]]');
  });

  test('from === to is a caller bug', () => {
    expect(() => renameInMemory({ [T]: '' }, T, T)).toThrow(/same path/);
  });
});
