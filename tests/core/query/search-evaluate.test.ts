import { matchesQuery, queryHighlights, splitSections, type SearchSubject } from '../../../main/core/query/search-evaluate';
import { candidatePlan } from '../../../main/core/query/search-plan';
import { parseSearchQuery, type QueryNode } from '../../../main/core/query/search-query';

interface Note {
  path: string;
  body: string;
  tags?: string[];
  aliases?: string[];
}

const notes: Note[] = [
  { path: 'Recipes/Bread.md', body: '# Bread\nMix the flour and water.\nBake at 220.\n\n## Storage\nKeep it dry.', tags: ['food/baking', 'Kitchen'] },
  { path: 'Recipes/Cake.md', body: '# Cake\nMix butter.\nAdd flour later.\n\n## Icing\nSugar and water.', tags: ['food'] },
  { path: 'Daily/2024-05-01.md', body: 'Meeting with the team about Star Wars.\nHappyCat said hi.', tags: ['work'] },
  { path: 'Daily/2024-05-02.md', body: 'Star trek and wars of words.\nnothing else', tags: ['workshop'], aliases: ['Second of May'] },
  { path: 'Notes/Regex.md', body: 'Version 1.2.3 released 2024-06-01.\nsee cauliflower', tags: [] },
];

function subject(note: Note): SearchSubject {
  return { path: note.path, aliases: note.aliases ?? [], tags: note.tags ?? [], body: () => note.body };
}

function parse(input: string): QueryNode {
  const result = parseSearchQuery(input);
  if (!result.ok || result.value === null) throw new Error(`no query from ${input}`);
  return result.value;
}

function matching(input: string): string[] {
  const query = parse(input);
  return notes.filter((note) => matchesQuery(query, subject(note))).map((note) => note.path);
}

const bread = 'Recipes/Bread.md';
const cake = 'Recipes/Cake.md';
const may1 = 'Daily/2024-05-01.md';
const may2 = 'Daily/2024-05-02.md';
const regex = 'Notes/Regex.md';

describe('matchesQuery', () => {
  test.each<[string, string[]]>([
    ['flour', [bread, cake]],
    ['FLOUR', [bread, cake]],
    ['flour water', [bread, cake]],
    ['flour butter', [cake]],
    ['flower', [regex]], // substring: cauliflower
    ['"star wars"', [may1]],
    ['star wars', [may1, may2]],
    ['-flour', [may1, may2, regex]],
    ['flour -butter', [bread]],
    ['butter OR trek', [cake, may2]],
    ['mix butter OR trek', [cake, may2]],
    ['(butter OR bake) mix', [bread, cake]],
    ['-(flour OR star)', [regex]],
    ['tag:#food', [bread, cake]],
    ['tag:food', [bread, cake]],
    ['tag:#food/baking', [bread]],
    ['tag:#foo', []],
    ['tag:#work', [may1]],
    ['tag:#kitchen', [bread]],
    ['-tag:#food', [may1, may2, regex]],
    ['tag:#food OR tag:#work', [bread, cake, may1]],
    ['path:Recipes', [bread, cake]],
    ['path:"recipes/b"', [bread]],
    ['file:2024', [may1, may2]],
    ['file:.md', [bread, cake, may1, may2, regex]],
    ['file:recipes', []],
    ['recipes', [bread, cake]], // a plain word matches the path too
    ['content:recipes', []],
    ['"second of may"', [may2]], // and aliases
    ['line:(mix flour)', [bread]],
    ['mix flour', [bread, cake]],
    ['line:(flour -mix)', [cake]],
    ['line:(sugar OR bake)', [bread, cake]],
    ['section:(flour storage)', []],
    ['section:(storage dry)', [bread]],
    ['section:(mix flour)', [bread, cake]],
    ['section:(flour sugar)', []],
    ['block:(flour bake)', [bread]],
    ['block:(flour dry)', []],
    ['match-case:HappyCat', [may1]],
    ['match-case:happycat', []],
    ['happycat', [may1]],
    ['/\\d+\\.\\d+\\.\\d+/', [regex]],
    ['/^Bake/', [bread]],
    ['/^bake/', []],
    ['/^bake/i', [bread]],
    ['file:/^2024-05-0[12]/', [may1, may2]],
    ['tag:/^#food/', [bread, cake]],
    ['content:/Star \\w+/', [may1, may2]],
    ['content:/Star W/', [may1]],
  ])('%j matches %j', (input, expected) => {
    expect(matching(input)).toEqual(expected);
  });

  test('metadata-only queries never read the body', () => {
    const query = parse('tag:#food path:Recipes -file:Cake');
    let reads = 0;
    const found = notes.filter((note) =>
      matchesQuery(query, {
        ...subject(note),
        body: () => {
          reads++;
          return note.body;
        },
      }),
    );
    expect(found.map((n) => n.path)).toEqual([bread]);
    expect(reads).toBe(0);
  });

  test('a tag filter is checked before the words, so notes without the tag are not read', () => {
    const query = parse('flour tag:#work');
    let reads = 0;
    notes.forEach((note) =>
      matchesQuery(query, {
        ...subject(note),
        body: () => {
          reads++;
          return note.body;
        },
      }),
    );
    expect(reads).toBe(1);
  });

  test('sections split at headings, but not at # lines inside code fences', () => {
    expect(splitSections('intro\n# A\na\n```\n# not a heading\n```\n## B\nb')).toEqual(['intro', '# A\na\n```\n# not a heading\n```', '## B\nb']);
  });
});

describe('queryHighlights', () => {
  test('collects positive words, phrases, regexes and tags, not excluded or metadata terms', () => {
    const h = queryHighlights(parse('a "b c" -d /e/ tag:#t path:p line:(f -g) match-case:H'));
    expect(h.map((x) => (x.kind === 'regex' ? `/${x.re.source}/` : x.kind === 'tag' ? `#${x.tag}` : `${x.value}${x.caseSensitive ? '!' : ''}`))).toEqual([
      'a',
      'b c',
      '/e/',
      '#t',
      'f',
      'H!',
    ]);
  });
});

describe('candidatePlan', () => {
  test.each([
    [
      'a b',
      {
        kind: 'and',
        children: [
          { kind: 'word', value: 'a', inNames: true },
          { kind: 'word', value: 'b', inNames: true },
        ],
      },
    ],
    ['a -b', { kind: 'word', value: 'a', inNames: true }],
    ['a OR /x/', { kind: 'any' }],
    ['tag:#x a', { kind: 'word', value: 'a', inNames: true }],
    ['content:a', { kind: 'word', value: 'a', inNames: false }],
    [
      'line:(a b)',
      {
        kind: 'and',
        children: [
          { kind: 'word', value: 'a', inNames: false },
          { kind: 'word', value: 'b', inNames: false },
        ],
      },
    ],
    ['tag:#x', { kind: 'any' }],
  ])('%j narrows by %j', (input, plan) => {
    expect(candidatePlan(parse(input))).toEqual(plan);
  });
});
